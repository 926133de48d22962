using ClosedXML.Excel;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The CoSo sheet and DeAn's column «Mã số thuế cơ sở thụ hưởng» (docs/domain.md §9.1, §12): a project names its
/// beneficiaries by tax code, each stored or in the same workbook's CoSo sheet; a code that is neither, or whose check
/// digit is wrong, is a row error and nothing is written; CoSo rows update only establishments within the importer's
/// scope.
/// </summary>
public abstract class EstablishmentExchangeSpecs(PortalFixture fixture)
{
    private static readonly ProjectActor s_ministry = new("test", "Cục", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());

    /// <summary>A fresh tax code with a right check digit, so that every test names establishments of its own.</summary>
    public static string NewTaxCode()
    {
        while (true)
        {
            var nine = string.Concat(Enumerable.Range(0, 9).Select(i => (char)('0' + Random.Shared.Next(i == 0 ? 1 : 0, 10))));
            if (TaxCode.CheckDigitOf(nine) is { } check)
            {
                return nine + check;
            }
        }
    }

    /// <summary>The same code with its check digit wrong.</summary>
    public static string WrongCheckDigit(string code) => code[..9] + (char)('0' + ((code[9] - '0' + 1) % 10));

    public static object?[] EstablishmentRow(string? taxCode, string name, string province = "24", string? portalCode = null, bool women = false, bool ethnic = false, bool priority = false) =>
        [taxCode, portalCode, name, "Hợp tác xã", province, "Xã Tân Yên", "Thôn Đông", "Mây tre đan", "Giỏ mây", 25,
            women ? "Có" : "Không", ethnic ? "Có" : "Không", priority ? "Có" : "Không", "Nguyễn Thị Hoa", "0912345678", "hoa@example.vn"];

    public static object?[] ProjectRow(string code, string? taxCodes, string province = "24", string state = "Đã phê duyệt, giao kế hoạch")
    {
        var row = ImportSpecs.ProjectRow(code, province, state: state);
        return [.. row, taxCodes];
    }

    [Fact]
    public async Task A_project_names_a_stored_establishment_and_one_of_the_CoSo_sheet_and_its_beneficiaries_point_to_both()
    {
        var portal = await fixture.GetAsync();
        var (stored, inSheet, code) = (NewTaxCode(), NewTaxCode(), Code());
        Assert.True((await ImportSpecs.ImportAsync(portal, ImportSpecs.Book().Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders,
            EstablishmentRow(stored, "Hợp tác xã Mây tre Tân Yên")).Bytes(), s_ministry)).Written);

        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders, EstablishmentRow(inSheet, "Hộ kinh doanh Trần Văn Bình", women: true, priority: true))
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(code, $"{stored}, {inSheet}"));
        var result = await ImportSpecs.ImportAsync(portal, book.Bytes(), s_ministry);

        Assert.True(result.Written, string.Join("\n", result.Errors));
        Assert.Equal(["CoSo 1/0/0", "DeAn 1/0/0"], result.Counts.Select(c => $"{c.Sheet} {c.Created}/{c.Changed}/{c.Unchanged}"));
        var lines = await portal.WithDbAsync(db => db.Beneficiaries.Where(b => b.ProjectId == db.Projects.Single(p => p.Code == code).Id)
            .Select(b => new { b.TaxCode, Linked = b.Establishment!.TaxCode, b.Establishment.Name, b.WomenOwned, b.PriorityArea }).OrderBy(b => b.Name).ToListAsync());
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(l.TaxCode, l.Linked));
        Assert.Equal(("Hộ kinh doanh Trần Văn Bình", inSheet, true, true), (lines[0].Name, lines[0].Linked, lines[0].WomenOwned, lines[0].PriorityArea));
        Assert.Equal(("Hợp tác xã Mây tre Tân Yên", stored), (lines[1].Name, lines[1].Linked));
    }

    [Fact]
    public async Task An_unknown_tax_code_or_a_wrong_check_digit_is_a_row_error_and_nothing_is_written()
    {
        var portal = await fixture.GetAsync();
        var (fresh, unknown, bad) = (NewTaxCode(), NewTaxCode(), WrongCheckDigit(NewTaxCode()));
        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders, EstablishmentRow(fresh, "Hợp tác xã Gốm Thổ Hà"), EstablishmentRow(bad, "Cơ sở sai mã"))
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(Code(), fresh), ProjectRow(Code(), unknown), ProjectRow(Code(), $"{fresh}, {bad}"));
        var before = await CountsAsync(portal);

        var result = await ImportSpecs.ImportAsync(portal, book.Bytes(), s_ministry);

        Assert.False(result.Written);
        Assert.Equal(
        [
            $"CoSo!3: Mã số thuế: Mã số thuế «{bad}» sai chữ số kiểm tra (chữ số thứ 10); hãy soát lại.",
            $"DeAn!3: Mã số thuế cơ sở thụ hưởng: Không có cơ sở mã số thuế «{unknown}» (trong cơ sở dữ liệu hoặc trang CoSo).",
            $"DeAn!4: Mã số thuế cơ sở thụ hưởng: Mã số thuế «{bad}» sai chữ số kiểm tra (chữ số thứ 10); hãy soát lại.",
        ], result.Errors.Select(e => e.ToString()));
        Assert.Equal(before, await CountsAsync(portal));
        Assert.False(await portal.WithDbAsync(db => db.Establishments.AnyAsync(e => e.TaxCode == fresh)));
    }

    [Fact]
    public async Task A_province_updates_its_own_establishments_but_not_those_of_another_province()
    {
        var portal = await fixture.GetAsync();
        var (own, other) = (NewTaxCode(), NewTaxCode());
        Assert.True((await ImportSpecs.ImportAsync(portal, ImportSpecs.Book().Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders,
            EstablishmentRow(own, "Hợp tác xã Tre Việt"), EstablishmentRow(other, "Công ty Gốm Hà Nội", province: "01")).Bytes(), s_ministry)).Written);
        var bacNinh = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "24" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var officer = new ProjectActor("o", "Sở", Roles.ProvinceOfficer, new HashSet<int> { bacNinh }, new HashSet<string>());

        var foreign = EstablishmentRow(other, "Công ty Gốm Hà Nội đổi tên");
        foreign[4] = "24";
        var refused = await ImportSpecs.ImportAsync(portal, ImportSpecs.Book().Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders,
            EstablishmentRow(own, "Hợp tác xã Tre Việt Tân Yên"), foreign).Bytes(), officer);
        Assert.False(refused.Written);
        Assert.Equal([$"CoSo!3: Mã tỉnh: Cơ sở «{other}» được đăng ký ở tỉnh, thành phố khác; bạn chỉ được cập nhật cơ sở của tỉnh mình."], refused.Errors.Select(e => e.ToString()));
        Assert.Equal("Hợp tác xã Tre Việt", await portal.WithDbAsync(db => db.Establishments.Where(e => e.TaxCode == own).Select(e => e.Name).SingleAsync()));

        var updated = await ImportSpecs.ImportAsync(portal, ImportSpecs.Book().Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders,
            EstablishmentRow(own, "Hợp tác xã Tre Việt Tân Yên")).Bytes(), officer);
        Assert.True(updated.Written, string.Join("\n", updated.Errors));
        Assert.Equal(["CoSo 0/1/0"], updated.Counts.Select(c => $"{c.Sheet} {c.Created}/{c.Changed}/{c.Unchanged}"));
        Assert.Equal("Hợp tác xã Tre Việt Tân Yên", await portal.WithDbAsync(db => db.Establishments.Where(e => e.TaxCode == own).Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_export_of_establishments_and_projects_imports_back_unchanged()
    {
        var portal = await fixture.GetAsync();
        var (a, b, code) = (NewTaxCode(), NewTaxCode(), Code());
        const string province = "01"; // exported by province, as a Sở would
        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Establishments, ExchangeFormat.EstablishmentHeaders, EstablishmentRow(a, "Hợp tác xã Lụa Vạn Phúc", province, ethnic: true), EstablishmentRow(b, "Hộ kinh doanh Nón lá", province))
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ProjectRow(code, $"{b}, {a}", province));
        Assert.True((await ImportSpecs.ImportAsync(portal, book.Bytes(), s_ministry)).Written);
        var before = await CountsAsync(portal);

        var establishments = await ExportAsync(portal, "establishments", province);
        var projects = await ExportAsync(portal, "projects", province);
        using (var sheet = new XLWorkbook(new MemoryStream(projects)))
        {
            var row = sheet.Worksheet(ExchangeFormat.Projects).RowsUsed().Single(r => r.Cell(1).GetString() == code);
            Assert.Equal(string.Join(", ", new[] { a, b }.Order(StringComparer.Ordinal)), row.Cell(14).GetString());
        }

        var again = await ImportSpecs.ImportAsync(portal, establishments, s_ministry);
        var againProjects = await ImportSpecs.ImportAsync(portal, projects, s_ministry);

        Assert.True(again.Written && againProjects.Written, string.Join("\n", again.Errors.Concat(againProjects.Errors)));
        Assert.All(again.Counts.Concat(againProjects.Counts), c => Assert.Equal((0, 0), (c.Created, c.Changed)));
        Assert.True(again.Counts.Single().Unchanged >= 2);
        Assert.Equal(before, await CountsAsync(portal));
    }

    private static async Task<byte[]> ExportAsync(PortalFactory portal, string kind, string province) => await portal.WithDbAsync(db =>
    {
        using var stream = new MemoryStream();
        ExchangeExporter.Write(stream, kind, db.Projects, db.AnnualPlans, db.Establishments, new ExportFilter(2026, province));
        return Task.FromResult(stream.ToArray());
    });

    private static Task<(int Projects, int Establishments, int Lines)> CountsAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
        (await db.Projects.CountAsync(), await db.Establishments.CountAsync(), await db.Beneficiaries.CountAsync()));

    private static string Code() => $"CS-{Guid.NewGuid():N}"[..14];
}

public sealed class EstablishmentExchangeSqlite(SqlitePortalFixture fixture) : EstablishmentExchangeSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class EstablishmentExchangePostgreSql(PostgresPortalFixture fixture) : EstablishmentExchangeSpecs(fixture), IClassFixture<PostgresPortalFixture>;
