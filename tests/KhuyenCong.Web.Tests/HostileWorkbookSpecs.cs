using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}
