using System.IO.Compression;
using ClosedXML.Excel;
using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Every bad workbook a province might send, generated here: each is refused with a message that names the
/// sheet, row and column, and leaves the database exactly as it was.
/// </summary>
public sealed class ImportSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static readonly ProjectActor s_ministry = new("test", "Cục", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());

    public static object?[] ProjectRow(string code, string province = "24", int year = 2026, object? requested = null, object? approved = null, string state = "Đã phê duyệt, giao kế hoạch") =>
        [code, year, province, "KCQG", "Thường", "ND03, ND04", "Hỗ trợ máy móc chế biến chè", "Trung tâm Khuyến công", requested ?? 500_000_000, approved ?? 400_000_000, 900_000_000, state, null];

    [Fact]
    public async Task A_good_workbook_is_written_whole_and_counted_per_sheet()
    {
        var portal = await fixture.GetAsync();
        var code = Code();
        var book = Book()
            .Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, [2026, "24", "KCQG", "1.234.000", "15/QĐ-BCT", "10/01/2026"])
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(code, state: "Đã nghiệm thu"))
            .Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders, [code, new DateTime(2026, 4, 1), 200_000_000, "Ngân sách", "Tạm ứng"])
            .Sheet(ExchangeFormat.Outcomes, ExchangeFormat.OutcomeHeaders, [code, "LAO_DONG_DAO_TAO", 30, 28]);

        var result = await ImportAsync(portal, book.Bytes(), s_ministry);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["KeHoach 1/0/0", "DeAn 1/0/0", "GiaiNgan 1/0/0", "KetQua 1/0/0"], result.Counts.Select(c => $"{c.Sheet} {c.Created}/{c.Changed}/{c.Unchanged}"));
        var project = await portal.WithDbAsync(db => db.Projects.Include(p => p.Disbursements).Include(p => p.Outcomes).Include(p => p.Contents).SingleAsync(p => p.Code == code));
        Assert.Equal((ProjectState.Accepted, 400_000_000m, 200_000_000m, 28m), (project.State, project.ApprovedSupport!.Value, project.Disbursements.Single().Amount, project.Outcomes.Single().Actual!.Value));
        Assert.Equal(["ND03", "ND04"], project.Contents.Select(c => c.ContentCode));
        Assert.True(await portal.WithDbAsync(db => db.AnnualPlans.AnyAsync(p => p.Amount == 1_234_000 && p.DecisionNumber == "15/QĐ-BCT")));
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "chữ trong cột số", "Kinh phí đề nghị (đồng)", "«nhiều tiền» không phải là số đồng nguyên" },
        { "số tiền âm", "Kinh phí được duyệt (đồng)", "Số tiền không được âm." },
        { "phần lẻ kiểu Việt", "Kinh phí đề nghị (đồng)", "«1.234,5» không phải là số đồng nguyên" },
        { "chữ trong cột ngày", "Ngày phê duyệt", "«mùng một» không phải là ngày" },
        { "công thức", "Kinh phí đề nghị (đồng)", "Ô chứa công thức" },
        { "mã tỉnh lạ", "Mã tỉnh", "Mã tỉnh «99» không ứng với tỉnh, thành phố nào có hiệu lực ngày 01/01/2026." },
        { "mã tỉnh hết hiệu lực", "Mã tỉnh", "Mã tỉnh «27» không ứng với tỉnh, thành phố nào có hiệu lực ngày 01/01/2026." },
        { "trạng thái lạ", "Trạng thái", "Trạng thái «Xong» không đúng" },
        { "duyệt quá đề nghị", "Kinh phí được duyệt (đồng)", "Kinh phí được duyệt không được lớn hơn kinh phí đề nghị." },
        { "nội dung lạ", "Mã nội dung", "Mã nội dung «ND99» không có trong danh mục" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_project_row_is_reported_by_row_and_column_and_nothing_is_written(string @case, string column, string message)
    {
        var portal = await fixture.GetAsync();
        var good = ProjectRow(Code());
        var bad = ProjectRow(Code());
        switch (@case)
        {
            case "chữ trong cột số": bad[8] = "nhiều tiền"; break;
            case "số tiền âm": bad[9] = -5; break;
            case "phần lẻ kiểu Việt": bad[8] = "1.234,5"; break;
            case "chữ trong cột ngày": bad[12] = "mùng một"; break;
            case "công thức": bad[8] = new Formula("=100*5"); break;
            case "mã tỉnh lạ": bad[2] = "99"; break;
            case "mã tỉnh hết hiệu lực": bad[2] = "27"; break;
            case "trạng thái lạ": bad[11] = "Xong"; break;
            case "duyệt quá đề nghị": bad[9] = 600_000_000; break;
            case "nội dung lạ": bad[5] = "ND99"; break;
        }

        var book = Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, good, bad);
        await AssertRefusedAsync(portal, book.Bytes(), s_ministry, $"DeAn!3: {column}: {message}");
    }

    [Fact]
    public async Task Unknown_project_codes_and_disbursements_above_the_approved_support_are_refused()
    {
        var portal = await fixture.GetAsync();
        var code = Code();
        var book = Book()
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(code, state: "Đã nghiệm thu"))
            .Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders,
                [code, "01/04/2026", "300.000.000", "Ngân sách", null],
                [code, "01/05/2026", "100.000.001", "Ngân sách", null],
                ["KHONG-CO", "01/05/2026", 1000, "Ngân sách", null]);
        var result = await AssertRefusedAsync(portal, book.Bytes(), s_ministry,
            "GiaiNgan!3: Số tiền (đồng): Tổng giải ngân ngân sách (400.000.001 đồng) vượt kinh phí được duyệt (400.000.000 đồng).");
        Assert.Contains("GiaiNgan!4: Mã đề án: Không có đề án mã «KHONG-CO» (trong cơ sở dữ liệu hoặc trang DeAn).", result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Advances_before_acceptance_stay_within_70_percent_of_the_approved_support()
    {
        var portal = await fixture.GetAsync();
        var code = Code();
        var book = Book()
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(code, state: "Đang thực hiện"))
            .Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders,
                [code, "01/04/2026", "280.000.000", "Ngân sách", null],
                [code, "01/05/2026", "1.000", "Ngân sách", null]);
        await AssertRefusedAsync(portal, book.Bytes(), s_ministry,
            "GiaiNgan!3: Số tiền (đồng): Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (280.000.000 đồng); tổng sau lần này là 280.001.000 đồng.");
    }

    [Fact]
    public async Task A_province_cannot_approve_its_own_projects_through_excel()
    {
        var portal = await fixture.GetAsync();
        var bacNinh = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "24" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var officer = new ProjectActor("o", "Sở", Roles.ProvinceOfficer, new HashSet<int> { bacNinh }, new HashSet<string>());
        var draft = ProjectRow(Code());
        (draft[9], draft[11]) = (null, "Nháp");
        var approved = ProjectRow(Code());
        var result = await AssertRefusedAsync(portal, Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, draft, approved).Bytes(), officer,
            "DeAn!3: Trạng thái: Tỉnh nhập đề án mới ở trạng thái «Nháp»");
        Assert.Single(result.Errors);

        var existing = await new ProjectBuilder(portal).In("24", 2026).SaveAsync();
        var code = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == existing).Select(p => p.Code).SingleAsync());
        var promote = ProjectRow(code);
        await AssertRefusedAsync(portal, Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, promote).Bytes(), officer,
            "DeAn!2: Trạng thái: Tỉnh không được đổi trạng thái hay kinh phí được duyệt của đề án qua Excel.");
    }

    [Fact]
    public async Task Wrong_or_missing_headers_are_named()
    {
        var portal = await fixture.GetAsync();
        var headers = ExchangeFormat.PlanHeaders.ToArray();
        headers[3] = "Kinh phí";
        var book = Book().Sheet(ExchangeFormat.Plans, headers[..5], [2026, "24", "KCQG", 1000, "1/QĐ"]);
        var result = await AssertRefusedAsync(portal, book.Bytes(), s_ministry, "KeHoach!1: D: Tiêu đề «Kinh phí» sai; cần đúng «Kinh phí (đồng)».");
        Assert.Contains("KeHoach!1: F: Thiếu cột «Ngày quyết định».", result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Files_that_are_not_plain_workbooks_are_refused_before_reading()
    {
        var portal = await fixture.GetAsync();
        var valid = Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders).Bytes();
        await AssertRefusedAsync(portal, "Năm,Mã tỉnh\n2026,24"u8.ToArray(), s_ministry, "Tệp!0: —: Tệp không phải là sổ tính Excel (.xlsx).");
        await AssertRefusedAsync(portal, [], s_ministry, "Tệp!0: —: Tệp rỗng.");
        await AssertRefusedAsync(portal, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], s_ministry, "Tệp!0: —: Tệp được đặt mật khẩu");
        await AssertRefusedAsync(portal, WithEntry(valid, "xl/vbaProject.bin", new byte[100]), s_ministry, "Tệp!0: —: Tệp có chứa macro");
        await AssertRefusedAsync(portal, WithEntry(valid, "xl/media/image1.bin", new byte[64 * 1024 * 1024]), s_ministry, "Tệp!0: —: Tệp giải nén quá lớn");
        await AssertRefusedAsync(portal, Book().Sheet(ExchangeFormat.Plans, []).Bytes(), s_ministry, "KeHoach!1: —: Trang tính trống");
        await AssertRefusedAsync(portal, Book().Sheet("Sheet1", ["x"], ["y"]).Bytes(), s_ministry, "Tệp!0: —: Sổ tính không có trang CoSo, KeHoach, DeAn, GiaiNgan hoặc KetQua.");
    }

    [Fact]
    public async Task An_unknown_sheet_is_reported_not_ignored()
    {
        var portal = await fixture.GetAsync();
        var book = Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, [2026, "24", "KCQG", 1000, "1/QĐ-BCT", "10/01/2026"]).Sheet("GhiChu", ["a"], ["b"]);
        await AssertRefusedAsync(portal, book.Bytes(), s_ministry, "GhiChu!1: —: Trang tính «GhiChu» không thuộc mẫu trao đổi");
    }

    [Fact]
    public async Task More_rows_than_the_limit_are_refused()
    {
        var portal = await fixture.GetAsync();
        var rows = Enumerable.Range(0, 6).Select(i => (object?[])[2026, "24", "KCQG", 1000 + i, $"{i}/QĐ-BCT", "10/01/2026"]).ToArray();
        var book = Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, rows);
        await AssertRefusedAsync(portal, book.Bytes(), s_ministry, "KeHoach!7: —: Trang tính có quá 5 dòng dữ liệu", new ImportLimits { MaxRows = 5 });
    }

    [Fact]
    public async Task A_province_user_may_import_only_their_provinces_rows_and_no_kcqg_plan()
    {
        var portal = await fixture.GetAsync();
        var bacNinh = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "24" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var officer = new ProjectActor("o", "Sở", Roles.ProvinceOfficer, new HashSet<int> { bacNinh }, new HashSet<string>());
        var book = Book()
            .Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, [2026, "24", "KCQG", 1000, "1/QĐ-BCT", "10/01/2026"])
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Draft(ProjectRow(Code(), province: "24")), Draft(ProjectRow(Code(), province: "01")));
        var result = await AssertRefusedAsync(portal, book.Bytes(), officer, "KeHoach!2: Nguồn kinh phí: Kế hoạch KCQG do Bộ giao; tỉnh không nhập được.");
        Assert.Contains("DeAn!3: Mã tỉnh: Bạn chỉ được nhập dữ liệu của tỉnh, thành phố mình.", result.Errors.Select(e => e.ToString()));
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public async Task A_dry_run_checks_everything_and_writes_nothing()
    {
        var portal = await fixture.GetAsync();
        var before = await CountsAsync(portal);
        var result = await ImportAsync(portal, Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(Code())).Bytes(), s_ministry, dryRun: true);
        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Counts.Single().Created);
        Assert.False(result.Written);
        Assert.Equal(before, await CountsAsync(portal));
    }

    internal static async Task<ImportResult> ImportAsync(PortalFactory portal, byte[] bytes, ProjectActor actor, bool dryRun = false, ImportLimits? limits = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        using var stream = new MemoryStream(bytes);
        return await scope.ServiceProvider.GetRequiredService<ExchangeImporter>().ImportAsync(stream, actor, dryRun, limits ?? new ImportLimits());
    }

    private static async Task<ImportResult> AssertRefusedAsync(PortalFactory portal, byte[] bytes, ProjectActor actor, string expected, ImportLimits? limits = null)
    {
        var before = await CountsAsync(portal);
        var result = await ImportAsync(portal, bytes, actor, limits: limits);
        Assert.False(result.Written);
        Assert.True(result.Errors.Any(e => e.ToString().StartsWith(expected, StringComparison.Ordinal)),
            $"Expected «{expected}» among:\n{string.Join("\n", result.Errors)}");
        Assert.Equal(before, await CountsAsync(portal));
        return result;
    }

    private static Task<(int, int, int, int)> CountsAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
        (await db.Projects.CountAsync(), await db.AnnualPlans.CountAsync(), await db.Disbursements.CountAsync(), await db.ProjectOutcomes.CountAsync()));

    private static object?[] Draft(object?[] row)
    {
        (row[9], row[11]) = (null, "Nháp");
        return row;
    }

    private static string Code() => $"T-{Guid.NewGuid():N}"[..14];

    private static byte[] WithEntry(byte[] workbook, string name, byte[] content)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    internal static WorkbookBuilder Book() => new();
}

/// <summary>A formula to put in a cell instead of a value.</summary>
public sealed record Formula(string Text);

/// <summary>Builds test workbooks the way a province would fill them in Excel (ClosedXML).</summary>
public sealed class WorkbookBuilder
{
    private readonly XLWorkbook _book = new();

    public WorkbookBuilder Sheet(string name, IReadOnlyList<string> headers, params object?[][] rows)
    {
        var sheet = _book.AddWorksheet(name);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case null: break;
                    case Formula f: cell.FormulaA1 = f.Text; break;
                    case string s: cell.SetValue(s); cell.DataType = XLDataType.Text; break;
                    case DateTime d: cell.Value = d; break;
                    default: cell.Value = Convert.ToDouble(rows[r][c], System.Globalization.CultureInfo.InvariantCulture); break;
                }
            }
        }

        return this;
    }

    /// <summary>Hides a sheet the way a spreadsheet program does (veryHidden: not even listed under Unhide).</summary>
    public WorkbookBuilder VeryHidden(string name)
    {
        _book.Worksheet(name).Visibility = XLWorksheetVisibility.VeryHidden;
        return this;
    }

    public byte[] Bytes()
    {
        using var stream = new MemoryStream();
        _book.SaveAs(stream);
        return stream.ToArray();
    }
}

/// <summary>
/// Everything the portal stores exports and imports back with «0 thay đổi», on each database: a realistic spread of
/// projects across the 2025 merger (old and new provinces, every money and date field), plans adjusted after their
/// province ended, exported and re-imported (a dry run, the preview) by the same user, ministry and province alike;
/// and the same exports re-saved by another spreadsheet program (LibreOffice).
/// </summary>
public abstract partial class RoundTripSpecs(PortalFixture fixture)
{
    [Fact]
    public async Task Every_export_imports_back_with_nothing_created_or_changed_for_ministry_and_province_users()
    {
        var portal = await fixture.GetAsync();
        await SeedAsync(portal);
        foreach (var email in new[] { PortalFixture.MinistryOfficer, PortalFixture.OfficerBacNinh })
        {
            var client = portal.Browser();
            await client.SignInOkAsync(email);
            foreach (var kind in ExchangeExporter.Kinds)
            {
                var counts = await PreviewCountsAsync(client, await ExportAsync(client, kind), $"{email} {kind}");
                Assert.True(counts.Unchanged > 0, $"{email} {kind}: the export held no row");
                Assert.Equal((email, kind, 0, 0), (email, kind, counts.Created, counts.Changed));
            }
        }
    }

    [Fact]
    public async Task Exports_re_saved_by_libreoffice_import_back_unchanged()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists);
        Optional.Require(soffice is not null, "LibreOffice: install libreoffice-calc-nogui (soffice) to re-save exports with another spreadsheet program (.ci/run does).");
        var portal = await fixture.GetAsync();
        await SeedAsync(portal);
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var folder = Directory.CreateTempSubdirectory("kc-libreoffice-");
        try
        {
            foreach (var kind in ExchangeExporter.Kinds)
            {
                var exported = await ExportAsync(client, kind);
                var original = Path.Combine(folder.FullName, $"{kind}.xlsx");
                await File.WriteAllBytesAsync(original, exported, TestContext.Current.CancellationToken);
                var resaved = await LibreOffice.ConvertAsync(soffice!, original, Path.Combine(folder.FullName, "out"), "xlsx");
                var direct = await PreviewCountsAsync(client, exported, kind);
                var counts = await PreviewCountsAsync(client, resaved, $"{kind} (LibreOffice)");
                Assert.Equal((kind, 0, 0, direct.Unchanged), (kind, counts.Created, counts.Changed, counts.Unchanged));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Once per portal: projects of old provinces (2024 old Bắc Ninh «27», 2025 old Bắc Giang «24») and of the new
    /// Bắc Ninh «24» and Hà Nội in 2026, in states from draft to settled, with payments before and after the merger,
    /// and plans including one adjusted on 15/07/2025, after its province ended.
    /// </summary>
    private static async Task SeedAsync(PortalFactory portal)
    {
        if (await portal.WithDbAsync(db => db.AnnualPlans.AnyAsync(p => p.DecisionNumber == "88/QĐ-BCT")))
        {
            return;
        }

        var accepted2024 = await new ProjectBuilder(portal).In("27", 2024).Titled(SeedTitle).State(ProjectState.Accepted, 400_000_000).SaveAsync();
        var settled2025 = await new ProjectBuilder(portal).In("24", 2025).Titled(SeedTitle).State(ProjectState.Settled, 350_000_000).SaveAsync();
        await new ProjectBuilder(portal).In("24", 2025).Source(FundingSource.KCDP).Titled(SeedTitle).State(ProjectState.Rejected).SaveAsync();
        var running2026 = await new ProjectBuilder(portal).In("24", 2026).Titled(SeedTitle).State(ProjectState.InProgress, 400_000_000).SaveAsync();
        await new ProjectBuilder(portal).In("24", 2026).Source(FundingSource.KCDP).Titled(SeedTitle).SaveAsync();
        var hanoi = await new ProjectBuilder(portal).In("01", 2026).Source(FundingSource.KCDP).Titled(SeedTitle).State(ProjectState.InProgress, 300_000_000).SaveAsync();
        await ProjectBuilder.PayAsync(portal, accepted2024, (new DateOnly(2024, 5, 2), 200_000_000, MoneySource.State), (new DateOnly(2024, 11, 20), 150_000_000, MoneySource.State),
            (new DateOnly(2024, 6, 1), 90_000_000, MoneySource.Counterpart));
        await new ProjectBuilder(portal).In("24", 2026).Titled(SeedTitle).State(ProjectState.Approved, 250_000_000).SaveAsync();
        await ProjectBuilder.PayAsync(portal, settled2025, (new DateOnly(2025, 4, 10), 200_000_000, MoneySource.State), (new DateOnly(2025, 8, 15), 150_000_000, MoneySource.State));
        await ProjectBuilder.PayAsync(portal, running2026, (new DateOnly(2026, 3, 5), 120_000_000, MoneySource.State));
        await ProjectBuilder.PayAsync(portal, hanoi, (new DateOnly(2026, 2, 20), 100_000_000, MoneySource.State));
        await portal.WithDbAsync(async db =>
        {
            int Id(string code, int year) => db.Provinces.AsEnumerable().Single(p => p.Code == code && p.IsValidOn(new DateOnly(year, 1, 1))).Id;
            foreach (var (year, province, source, amount, number, date) in new[]
            {
                (2024, Id("27", 2024), FundingSource.KCQG, 400_000_000m, "11/QĐ-BCT", new DateOnly(2024, 1, 15)),
                (2025, Id("24", 2025), FundingSource.KCQG, 300_000_000m, "12/QĐ-BCT", new DateOnly(2025, 1, 10)),
                (2025, Id("24", 2025), FundingSource.KCQG, 350_000_000m, "88/QĐ-BCT", new DateOnly(2025, 7, 15)),
                (2026, Id("24", 2026), FundingSource.KCQG, 400_000_000m, "5/QĐ-BCT", new DateOnly(2026, 1, 12)),
                (2026, Id("01", 2026), FundingSource.KCDP, 300_000_000m, "7/QĐ-UBND", new DateOnly(2026, 1, 20)),
            })
            {
                var (plan, refusal) = Domain.Plans.AnnualPlan.Record(ProjectBuilder.Operator, year, province, source, amount, number, date);
                Assert.True(plan is not null, refusal);
                db.AnnualPlans.Add(plan!);
            }

            return await db.SaveChangesAsync();
        });
    }

    private const string SeedTitle = "Đề án khứ hồi qua Excel";

    private static async Task<byte[]> ExportAsync(HttpClient client, string kind)
    {
        var response = await client.GetAsync($"/Exchange?handler=Export&kind={kind}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Uploads a workbook to the preview (a dry run) and reads the one sheet's counts the page shows.</summary>
    private static async Task<SheetCounts> PreviewCountsAsync(HttpClient client, byte[] book, string what)
    {
        var response = await HostileWorkbookSpecs.UploadAsync(client, book);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        var match = CountsRow().Match(html);
        Assert.True(html.Contains("Kết quả kiểm tra: không có lỗi", StringComparison.Ordinal) && match.Success,
            $"{what}: {string.Join("\n", ErrorRow().Matches(html).Select(m => m.Value).Take(20))}");
        int N(int group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new SheetCounts(match.Groups[1].Value, N(2), N(3), N(4));
    }

    [System.Text.RegularExpressions.GeneratedRegex("""<tr><td>(\w+)</td><td class="num">(\d+)</td><td class="num">(\d+)</td><td class="num">(\d+)</td></tr>""")]
    private static partial System.Text.RegularExpressions.Regex CountsRow();

    [System.Text.RegularExpressions.GeneratedRegex("<tr><td>[^<]*</td><td>\\d+</td><td>[^<]*</td><td>[^<]*</td></tr>")]
    private static partial System.Text.RegularExpressions.Regex ErrorRow();
}

public sealed class RoundTripOnSqlite(SqlitePortalFixture fixture) : RoundTripSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class RoundTripOnPostgreSql(PostgresPortalFixture fixture) : RoundTripSpecs(fixture), IClassFixture<PostgresPortalFixture>;
