using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>Odd and broken workbooks get a Vietnamese answer and write nothing; odd but honest ones are read as meant.</summary>
public sealed partial class HostileWorkbookSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static readonly ProjectActor s_ministry = new("test-ministry", "Cục", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());

    private static object?[] Draft(string code, object province) =>
        [code, 2026, province, "KCQG", "Thường", "ND03", "Đề án", "Trung tâm Khuyến công", 300_000_000, null, 0, "Nháp", null];

    [Fact]
    public async Task A_very_hidden_sheet_is_refused_with_a_message_and_nothing_is_written()
    {
        var portal = await fixture.GetAsync();
        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders)
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Draft("T-HIDDEN-1", "24"))
            .VeryHidden(ExchangeFormat.Projects);
        var result = await ImportSpecs.ImportAsync(portal, book.Bytes(), s_ministry);
        Assert.Contains("DeAn!1: —: Trang tính «DeAn» đang bị ẩn; hãy hiện trang tính (Unhide) để kiểm tra nội dung, hoặc xóa nó, rồi nhập lại.", result.Errors.Select(e => e.ToString()));
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == "T-HIDDEN-1")));
    }

    [Fact]
    public async Task Headers_in_decomposed_unicode_or_with_non_breaking_spaces_and_a_province_code_typed_as_a_number_are_read_as_meant()
    {
        var portal = await fixture.GetAsync();
        var headers = ExchangeFormat.ProjectHeaders.Select((h, i) => i % 2 == 0 ? h.Normalize(NormalizationForm.FormD) : h.Replace(' ', '\u00A0') + " ").ToList();
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, headers, Draft("T-ODD-1", 1), Draft("T-ODD-24", 24.0));
        var result = await ImportSpecs.ImportAsync(portal, book.Bytes(), s_ministry);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var provinces = await portal.WithDbAsync(db => db.Projects.Where(p => p.Code.StartsWith("T-ODD-")).OrderBy(p => p.Code).Select(p => p.Province!.Code).ToListAsync());
        Assert.Equal(["01", "24"], provinces);
    }

    [Fact]
    public async Task A_shared_string_index_outside_the_table_makes_the_file_invalid_not_the_text_of_the_index()
    {
        var portal = await fixture.GetAsync();
        var bytes = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Draft("T-BROKEN-1", "24")).Bytes();
        var broken = Rewrite(bytes, "xl/worksheets/sheet1.xml", xml => CellA2().Replace(xml, m => m.Groups[1].Value + "99999" + m.Groups[2].Value, 1));
        var result = await ImportSpecs.ImportAsync(portal, broken, s_ministry);
        Assert.False(result.Succeeded);
        Assert.Contains("Tệp không phải sổ tính Excel hợp lệ: ô A2 chỉ tới chuỗi số 99999, không có trong bảng chuỗi của tệp.", string.Join("\n", result.Errors));
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == "T-BROKEN-1" || p.Code == "99999")));
    }

    private const string SheetPart = "xl/worksheets/sheet1.xml";
    private const string WorkbookPart = "xl/workbook.xml";
    private const string StringsPart = "xl/sharedStrings.xml";
    private const string Laughs = """<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>""";
    private const string ExternalEntity = """<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""";

    /// <summary>Each kind of broken package, made from a valid workbook, and the part its refusal must name.</summary>
    public static TheoryData<string, string> BrokenKinds => new()
    {
        { "external entity in a sheet", "trang tính DeAn (xl/worksheets/sheet1.xml)" },
        { "external entity in workbook.xml", "phần sổ tính (xl/workbook.xml)" },
        { "billion laughs in a sheet", "trang tính DeAn (xl/worksheets/sheet1.xml)" },
        { "billion laughs in workbook.xml", "phần sổ tính (xl/workbook.xml)" },
        { "truncated sheet", "trang tính DeAn (xl/worksheets/sheet1.xml)" },
        { "sheet relationship to a missing part", "cấu trúc gói tệp ([Content_Types].xml, _rels)" },
        { "sheet id with no relationship", "trang tính DeAn (liên kết rId99 chỉ tới phần không có trong tệp)" },
        { "sharedStrings not XML", "bảng chuỗi dùng chung (xl/sharedStrings.xml)" },
    };

    /// <summary>A valid one-sheet workbook (DeAn, one draft named <paramref name="code"/>) broken as <paramref name="kind"/> says.</summary>
    internal static byte[] Broken(string kind, string code)
    {
        var valid = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Draft(code, "24")).Bytes();
        return kind switch
        {
            "external entity in a sheet" => Rewrite(valid, SheetPart, xml => WithDoctype(xml, ExternalEntity).Replace("<x:v>", "<x:v>&xxe;", StringComparison.Ordinal).Replace("<v>", "<v>&xxe;", StringComparison.Ordinal)),
            "external entity in workbook.xml" => Rewrite(valid, WorkbookPart, xml => WithDoctype(xml, ExternalEntity)),
            "billion laughs in a sheet" => Rewrite(valid, SheetPart, xml => WithDoctype(xml, Laughs).Replace("<x:v>", "<x:v>&lol9;", StringComparison.Ordinal).Replace("<v>", "<v>&lol9;", StringComparison.Ordinal)),
            "billion laughs in workbook.xml" => Rewrite(valid, WorkbookPart, xml => WithDoctype(xml, Laughs).Replace("name=\"DeAn\"", "name=\"&lol9;\"", StringComparison.Ordinal)),
            "truncated sheet" => Rewrite(valid, SheetPart, xml => xml[..(xml.Length * 2 / 3)]),
            "sheet relationship to a missing part" => Without(valid, SheetPart),
            "sheet id with no relationship" => Rewrite(valid, WorkbookPart, xml => SheetId().Replace(xml, "r:id=\"rId99\"", 1)),
            "sharedStrings not XML" => Rewrite(valid, StringsPart, _ => "PK\u0003\u0004 đây không phải XML <<<\u0000"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The preview's part of a page, for a failure message.</summary>
    private static string Preview(string html)
    {
        var start = html.IndexOf("data-testid=\"preview\"", StringComparison.Ordinal);
        return start < 0 ? html[..Math.Min(html.Length, 3000)] : html[start..Math.Min(html.Length, start + 1500)];
    }

    private static string WithDoctype(string xml, string doctype)
    {
        var end = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return xml[..end] + doctype + xml[end..];
    }

    [Theory]
    [MemberData(nameof(BrokenKinds))]
    public async Task A_broken_package_is_refused_on_the_preview_page_naming_the_part_and_nothing_is_written(string kind, string part)
    {
        var portal = await fixture.GetAsync();
        var code = $"T-PKG-{Guid.NewGuid():N}"[..16];
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var response = await UploadAsync(client, Broken(kind, code));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = HttpForms.Cells(await response.Content.ReadAsStringAsync());
        Assert.True(html.Contains($"<td>Tệp không phải sổ tính Excel hợp lệ: {part}", StringComparison.Ordinal), Preview(html));
        Assert.Contains("Sổ tính có 1 lỗi; chưa ghi gì.", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("   at ", html);
        Assert.DoesNotContain("/tmp", html);
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == code)));
    }

    [Theory]
    [MemberData(nameof(BrokenKinds))]
    public async Task A_broken_package_given_to_the_import_verb_exits_1_with_one_vietnamese_line(string kind, string part)
    {
        await using var database = TestDatabase.Sqlite();
        var file = Path.Combine(Path.GetTempPath(), $"kc-broken-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, Broken(kind, "T-PKG-CLI"), TestContext.Current.CancellationToken);
        try
        {
            // Migrated first, so that the import's own output is all there is on stderr.
            Assert.Equal(0, (await CommandLineSpecs.RunAsync(database, "migrate")).ExitCode);
            var result = await CommandLineSpecs.RunAsync(database, "import", file);
            Assert.Equal(1, result.ExitCode);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(lines.Length == 1, result.Error);
            var line = lines[0];
            Assert.StartsWith($"Tệp không phải sổ tính Excel hợp lệ: {part}", line);
            foreach (var output in new[] { result.Output, result.Error })
            {
                Assert.DoesNotContain("Exception", output);
                Assert.DoesNotContain("   at ", output);
                Assert.DoesNotContain(Path.GetTempPath(), output);
            }

            await using var portal = new PortalFactory(database);
            Assert.Equal(0, await portal.WithDbAsync(db => db.Projects.CountAsync()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static TheoryData<string, string> LimitKinds => new()
    {
        { "strings", "Tệp có quá 5 chuỗi trong bảng chuỗi dùng chung (xl/sharedStrings.xml); không đọc." },
        { "characters", "Tổng độ dài các chuỗi trong bảng chuỗi dùng chung (xl/sharedStrings.xml) vượt 200 ký tự; không đọc." },
        { "cell", "Một chuỗi trong bảng chuỗi dùng chung (xl/sharedStrings.xml) dài quá 100 ký tự (giới hạn của một ô); không đọc." },
        { "row", "Dòng 1 của trang tính DeAn (xl/worksheets/sheet1.xml) có quá 5 ô; không đọc." },
        { "cells", "Trang tính DeAn (xl/worksheets/sheet1.xml) có quá 20 ô; không đọc." },
    };

    [Theory]
    [MemberData(nameof(LimitKinds))]
    public async Task A_workbook_past_a_reading_limit_is_refused_naming_the_limit_and_its_figure(string limit, string message)
    {
        var portal = await fixture.GetAsync();
        var limits = limit switch
        {
            "strings" => new ImportLimits { MaxSharedStrings = 5 },
            "characters" => new ImportLimits { MaxSharedStringCharacters = 200 },
            "cell" => new ImportLimits { MaxCellCharacters = 100 },
            "row" => new ImportLimits { MaxCellsPerRow = 5 },
            _ => new ImportLimits { MaxCells = 20 },
        };
        var code = $"T-LIM-{Guid.NewGuid():N}"[..16];
        var row = Draft(code, "24");
        row[6] = new string('Đ', 150);
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, row, Draft(code + "B", "24")).Bytes();
        var result = await ImportSpecs.ImportAsync(portal, book, s_ministry, limits: limits);
        Assert.Equal($"Tệp!0: —: {message}", Assert.Single(result.Errors).ToString().Split(" Hãy chia")[0]);
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code.StartsWith(code))));
    }

    [Fact]
    public async Task A_shared_strings_bomb_is_refused_by_the_default_limits_before_its_strings_are_held()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var valid = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Draft("T-BOMB-1", "24")).Bytes();
        var response = await UploadAsync(client, StringsBomb(valid, 1_000_001));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        Assert.True(html.Contains("Tệp có quá 1.000.000 chuỗi trong bảng chuỗi dùng chung (xl/sharedStrings.xml); không đọc.", StringComparison.Ordinal), Preview(html));
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == "T-BOMB-1")));
    }

    /// <summary>A workbook whose shared-string table holds <paramref name="count"/> distinct strings (the sheet uses the first ones).</summary>
    internal static byte[] StringsBomb(byte[] workbook, int count, int length = 8)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            string head;
            var entry = zip.GetEntry(StringsPart)!;
            using (var reader = new StreamReader(entry.Open()))
            {
                var xml = reader.ReadToEnd();
                head = xml[..xml.LastIndexOf("</", StringComparison.Ordinal)];
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(StringsPart, CompressionLevel.Optimal).Open());
            writer.Write(CountAttributes().Replace(head, ""));
            var filler = new string('x', Math.Max(0, length - 7));
            var x = head.Contains("<x:sst", StringComparison.Ordinal) ? "x:" : string.Empty;
            for (var i = 0; i < count; i++)
            {
                writer.Write($"<{x}si><{x}t>");
                writer.Write(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
                writer.Write(filler);
                writer.Write($"</{x}t></{x}si>");
            }

            writer.Write($"</{x}sst>");
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task A_second_import_while_the_only_slot_is_taken_is_refused_at_once_and_the_first_completes()
    {
        await using var database = TestDatabase.Sqlite();
        await using var portal = new PortalFactory(database, new Dictionary<string, string> { ["Import:MaxConcurrent"] = "1" });
        await portal.StartAsync();
        await portal.CreateUserAsync(PortalFixture.MinistryOfficer, Roles.MinistryOfficer);
        var rows = Enumerable.Range(0, 1001).Select(i => (object?[])[2026, "24", "KCQG", 1000 + i, $"{i}/QĐ-GATE", "10/01/2026"]).ToArray();
        var big = ImportSpecs.Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, rows).Bytes();
        // Signed in first: the first import holds a transaction that would make a write at sign-in wait.
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        _ = await client.GetPageAsync("/Projects");
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            using var stream = new MemoryStream(big);
            return await scope.ServiceProvider.GetRequiredService<ExchangeImporter>().ImportAsync(stream, s_ministry, dryRun: true, new ImportLimits(),
                new Blocking(inside, release));
        });
        try
        {
            Assert.True(inside.Wait(TimeSpan.FromSeconds(60)), "the first import never reached its 1000th row");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var html = HttpForms.Text(await (await UploadAsync(client, ImportSpecs.Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders,
                [2026, "24", "KCQG", 5, "1/QĐ-SECOND", "10/01/2026"]).Bytes())).Content.ReadAsStringAsync());
            Assert.Contains("Đang có 1 lượt nhập dữ liệu chạy cùng lúc; hãy thử lại sau ít phút.", html);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the refusal waited for the slot");
        }
        finally
        {
            release.Set();
        }

        var done = await first;
        Assert.True(done.Succeeded, string.Join("\n", done.Errors));
        Assert.Equal(1001, done.Counts.Single().Created);
        var after = await ImportSpecs.ImportAsync(portal, big, s_ministry, dryRun: true);
        Assert.True(after.Succeeded, "the slot was not given back: " + string.Join("\n", after.Errors));
        Assert.False(await portal.WithDbAsync(db => db.AnnualPlans.AnyAsync(p => p.DecisionNumber.EndsWith("QĐ-GATE") || p.DecisionNumber == "1/QĐ-SECOND")));
    }

    /// <summary>Holds an import at its first progress report until released: an import "in progress", for real.</summary>
    private sealed class Blocking(ManualResetEventSlim inside, ManualResetEventSlim release) : IProgress<int>
    {
        public void Report(int value)
        {
            inside.Set();
            release.Wait(TimeSpan.FromSeconds(120));
        }
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] book)
    {
        var token = HttpForms.Token(await client.GetPageAsync("/Projects"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(book);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "so-tinh.xlsx");
        return await client.PostAsync("/Exchange?handler=Preview", form);
    }

    private static byte[] Without(byte[] workbook, string part)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)!.Delete();
        }

        return stream.ToArray();
    }

    private static byte[] Rewrite(byte[] workbook, string part, Func<string, string> change)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(change(xml));
        }

        return stream.ToArray();
    }

    [GeneratedRegex("""(<(?:x:)?c r="A2"[^>]*t="s"[^>]*>\s*<(?:x:)?v>)\d+(</(?:x:)?v>)""")]
    private static partial Regex CellA2();

    [GeneratedRegex("r:id=\"[^\"]*\"")]
    private static partial Regex SheetId();

    [GeneratedRegex(" (?:count|uniqueCount)=\"\\d+\"")]
    private static partial Regex CountAttributes();
}
