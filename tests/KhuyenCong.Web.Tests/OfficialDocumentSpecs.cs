using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The conference and periodic reports as Word documents to sign (Nghị định 30/2020/NĐ-CP), downloaded over HTTP and
/// opened with DocumentFormat.OpenXml: the frame (quốc hiệu, underlined tiêu ngữ, title, Times New Roman, A4 and the
/// decree's margins), a figure equal to the page's, the form's details, the page's authorization. Runs on SQLite and
/// PostgreSQL.
/// </summary>
public abstract class OfficialDocumentSpecs(PortalFixture fixture)
{
    internal const string Conference = "/Reports/Conference?region=NAM&year=2019&cutoff=31/12/2019";

    [Fact]
    public async Task The_conference_report_downloads_as_a_decree_30_document_with_the_figures_of_the_page()
    {
        var portal = await fixture.GetAsync();
        await SeedAsync(portal);
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OrganiserSouth);
        var page = await client.GetPageAsync(Conference);
        var figure = Regex.Match(page, @"<tr><td>Tổng cộng</td><td class=""num"">([^<]+)</td>").Groups[1].Value;
        Assert.Equal("12,345", figure);
        Assert.Contains("data-testid=\"document-form\"", page);
        Assert.Contains("value=\"/BC-ĐCK\"", page);

        var response = await client.GetAsync(Conference + "&handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-hoi-nghi-NAM-2019.docx", FileName(response));
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        AssertDecree30Frame(document, "Kết quả hoạt động khuyến công năm 2019 khu vực phía Nam");
        var text = Paragraphs(document);
        Assert.Contains("BỘ CÔNG THƯƠNG", text);
        Assert.Contains("CỤC ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI XANH VÀ KHUYẾN CÔNG", text);
        Assert.Contains("Số:        /BC-ĐCK", text);
        Assert.Contains(text, t => Regex.IsMatch(t, @"^Hà Nội, ngày \d\d tháng \d+ năm \d{4}$"));
        Assert.Contains("CỤC TRƯỞNG", text);
        Assert.Contains("- Lưu: VT, ĐCK.", text);
        var total = TableRows(document).Single(r => r[0] == "Tổng cộng");
        Assert.Equal(figure, total[1]);
        var body = document.MainDocumentPart!.Document.Body!;
        var narrative = body.Descendants<Paragraph>().First(p => p.InnerText.StartsWith("Tổng kế hoạch kinh phí khuyến công năm 2019", StringComparison.Ordinal));
        Assert.Equal("28", narrative.Descendants<FontSize>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Both, narrative.ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public async Task The_form_sets_the_number_the_signer_and_the_recipients_and_a_mistake_is_shown_with_the_input_kept()
    {
        var portal = await fixture.GetAsync();
        await SeedAsync(portal);
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryApprover);
        var form = "&handler=Word&doc.Filled=true&doc.ParentBody=Bộ Công Thương&doc.IssuingBody=Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công"
            + "&doc.Number=125/BC-ĐCK&doc.Place=Hà Nội&doc.Date=05/02/2020&doc.Authority=KT. Cục trưởng&doc.Position=Phó Cục trưởng&doc.Signer=Nguyễn Văn An"
            + "&doc.Recipients=" + Uri.EscapeDataString("Bộ trưởng (để báo cáo);\n- Sở Công Thương các tỉnh phía Nam\n\nLưu: VT, ĐCK.");
        var response = await client.GetAsync(Conference + EscapeValues(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        var text = Paragraphs(document);
        Assert.Contains("Số: 125/BC-ĐCK", text);
        Assert.Contains("Hà Nội, ngày 05 tháng 02 năm 2020", text);
        Assert.Contains("KT. CỤC TRƯỞNG", text);
        Assert.Contains("PHÓ CỤC TRƯỞNG", text);
        Assert.Contains("Nguyễn Văn An", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Bộ trưởng (để báo cáo);", text);
        Assert.Contains("- Sở Công Thương các tỉnh phía Nam;", text);
        Assert.Contains("- Lưu: VT, ĐCK.", text);

        var refused = await client.GetAsync(Conference + EscapeValues(form.Replace("doc.Date=05/02/2020", "doc.Date=31/02/2020", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType!.MediaType);
        var html = HttpForms.Text(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ngày văn bản không hợp lệ: nhập theo dạng ngày/tháng/năm", html);
        Assert.Contains("value=\"31/02/2020\"", html);
        Assert.Contains("value=\"Nguyễn Văn An\"", html);
        var empty = await client.GetAsync(Conference + EscapeValues(form.Replace("doc.Position=Phó Cục trưởng", "doc.Position=", StringComparison.Ordinal)));
        Assert.Contains("Hãy nhập chức vụ người ký.", HttpForms.Text(await empty.Content.ReadAsStringAsync()));

        // Characters XML cannot hold are left out instead of failing the download; an emoji (a surrogate pair) stays.
        var hostile = await client.GetAsync(Conference + EscapeValues(form.Replace("doc.Signer=Nguyễn Văn An", "doc.Signer=" + Uri.EscapeDataString("Nguyễn\u0001 Văn An 🙂"), StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, hostile.StatusCode);
        using var cleaned = Open(await hostile.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nguyễn Văn An 🙂", Paragraphs(cleaned));
    }

    [Theory]
    [InlineData(PortalFixture.OrganiserSouth, "BAC", HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.OfficerBacNinh, "NAM", HttpStatusCode.Forbidden)]
    [InlineData(PortalFixture.OfficerBacNinh, "BAC", HttpStatusCode.OK)]
    [InlineData(PortalFixture.Viewer, "MTTN", HttpStatusCode.OK)]
    public async Task The_conference_document_is_refused_where_the_page_is(string email, string region, HttpStatusCode expected)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var url = $"/Reports/Conference?region={region}&year=2024&cutoff=30/09/2024";
        Assert.Equal(expected, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync(url + "&handler=Word")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Browser().GetAsync(url + "&handler=Word")).StatusCode);
    }

    [Fact]
    public async Task The_periodic_report_downloads_as_a_decree_30_document_of_the_province_and_only_to_those_who_see_the_report()
    {
        var portal = await fixture.GetAsync();
        var id = await PeriodicReportAsync(portal);
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync($"/Reports/Periodic/Details/{id}");
        var figure = Regex.Match(page, @"<td>Khuyến công quốc gia</td><td class=""num"">([^<]+)</td>").Groups[1].Value;
        Assert.Equal("5,000", figure);

        var response = await officer.GetAsync($"/Reports/Periodic/Details/{id}?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bao-cao-quy-i-nam-2026-bac-ninh.docx", FileName(response));
        using var document = Open(await response.Content.ReadAsByteArrayAsync());
        AssertDecree30Frame(document, "Tình hình thực hiện hoạt động khuyến công quý I năm 2026");
        var text = Paragraphs(document);
        Assert.Contains("UBND TỈNH BẮC NINH", text);
        Assert.Contains("SỞ CÔNG THƯƠNG", text);
        Assert.Contains("Số:        /BC-SCT", text);
        Assert.Contains(text, t => Regex.IsMatch(t, @"^Bắc Ninh, ngày \d\d tháng \d+ năm \d{4}$"));
        Assert.Contains("GIÁM ĐỐC", text);
        Assert.Contains("II. KẾT QUẢ ĐẠT ĐƯỢC", text);
        Assert.Contains("Đã giải ngân cho đề án máy sấy chè.", text);
        Assert.Contains("- UBND tỉnh Bắc Ninh (để báo cáo);", text);
        Assert.Equal(figure, TableRows(document).Single(r => r[0] == "Khuyến công quốc gia")[1]);

        foreach (var (email, expected) in new[] { (PortalFixture.OfficerHanoi, HttpStatusCode.NotFound), (PortalFixture.OrganiserSouth, HttpStatusCode.NotFound), (PortalFixture.Viewer, HttpStatusCode.OK), (PortalFixture.MinistryApprover, HttpStatusCode.OK) })
        {
            var client = portal.Browser();
            await client.SignInOkAsync(email);
            Assert.Equal(expected, (await client.GetAsync($"/Reports/Periodic/Details/{id}")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync($"/Reports/Periodic/Details/{id}?handler=Word")).StatusCode);
        }
    }

    /// <summary>Checks the decree's frame of a document: everything a reader checks before a leader signs.</summary>
    internal static void AssertDecree30Frame(WordprocessingDocument document, string summary)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        var nation = Assert.Single(paragraphs, p => p.InnerText == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Assert.NotNull(nation.Descendants<Bold>().SingleOrDefault());
        var motto = Assert.Single(paragraphs, p => p.InnerText == "Độc lập - Tự do - Hạnh phúc");
        Assert.Equal(UnderlineValues.Single, motto.Descendants<Underline>().Single().Val!.Value);
        Assert.NotNull(motto.Descendants<Bold>().SingleOrDefault());
        var title = paragraphs.FindIndex(p => p.InnerText == "BÁO CÁO");
        Assert.True(title > 0, "no title BÁO CÁO");
        Assert.Equal(summary, paragraphs[title + 1].InnerText);
        Assert.NotNull(paragraphs[title + 1].Descendants<Bold>().SingleOrDefault());
        var date = paragraphs.Single(p => p.InnerText.Contains(", ngày ", StringComparison.Ordinal));
        Assert.NotNull(date.Descendants<Italic>().SingleOrDefault());
        Assert.Contains(paragraphs, p => p.InnerText == "Nơi nhận:");

        // Times New Roman everywhere: the document defaults name it, and no run names another font.
        var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var fonts = defaults.GetFirstChild<RunFonts>()!;
        Assert.Equal(("Times New Roman", "Times New Roman", "Times New Roman"), (fonts.Ascii?.Value, fonts.HighAnsi?.Value, fonts.ComplexScript?.Value));
        Assert.Equal("28", defaults.GetFirstChild<FontSize>()!.Val!.Value);
        Assert.Empty(body.Descendants<RunFonts>());

        // A4 portrait with the decree's margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((210.0, 297.0), (Math.Round(size.Width!.Value / 1440.0 * 25.4), Math.Round(size.Height!.Value / 1440.0 * 25.4)));
        var margin = section.GetFirstChild<PageMargin>()!;
        static double Mm(double twips) => Math.Round(twips / 1440.0 * 25.4, 1);
        Assert.InRange(Mm(margin.Top!.Value), 20, 25);
        Assert.InRange(Mm(margin.Bottom!.Value), 20, 25);
        Assert.InRange(Mm(margin.Left!.Value), 30, 35);
        Assert.InRange(Mm(margin.Right!.Value), 15, 20);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
    }

    internal static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    internal static List<string> Paragraphs(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];

    internal static List<List<string>> TableRows(WordprocessingDocument document) =>
        [.. document.MainDocumentPart!.Document.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList())];

    internal static string FileName(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition!;
        return disposition.FileNameStar ?? disposition.FileName!.Trim('"');
    }

    /// <summary>Escapes the values of a query string written with plain text for readability.</summary>
    private static string EscapeValues(string query) => string.Concat(query.Split('&').Where(p => p.Length > 0).Select(p =>
    {
        var equals = p.IndexOf('=', StringComparison.Ordinal);
        var value = p[(equals + 1)..];
        return "&" + p[..equals] + "=" + (value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value));
    }));

    /// <summary>Once per portal: a KCQG plan of 12,345 tỷ đồng for old TP Hồ Chí Minh in 2019 (region NAM).</summary>
    internal static async Task SeedAsync(PortalFactory portal) => await portal.WithDbAsync(async db =>
    {
        if (await db.AnnualPlans.AnyAsync(p => p.DecisionNumber == "19/QĐ-DOCX"))
        {
            return 0;
        }

        var hcm = db.Provinces.Single(p => p.Code == "79" && p.ValidTo != null).Id;
        db.AnnualPlans.Add(new AnnualPlan { Year = 2019, ProvinceId = hcm, Source = FundingSource.KCQG, Amount = 12_345_000_000m, DecisionNumber = "19/QĐ-DOCX", DecisionDate = new DateOnly(2019, 1, 10) });
        return await db.SaveChangesAsync();
    });

    /// <summary>Once per portal: Bắc Ninh's report of the first quarter of 2026 (KCQG plan 5 tỷ đồng), drafted with a result.</summary>
    internal static async Task<int> PeriodicReportAsync(PortalFactory portal)
    {
        var existing = await portal.WithDbAsync(db => db.PeriodicReports.Where(r => r.Year == 2026 && r.Period == ReportPeriod.Quarter1 && r.Province!.Code == "24").Select(r => (int?)r.Id).FirstOrDefaultAsync());
        if (existing is { } id)
        {
            return id;
        }

        await portal.WithDbAsync(async db =>
        {
            var bacNinh = db.Provinces.Single(p => p.Code == "24" && p.ValidTo == null).Id;
            db.AnnualPlans.Add(new AnnualPlan { Year = 2026, ProvinceId = bacNinh, Source = FundingSource.KCQG, Amount = 5_000_000_000m, DecisionNumber = "26/QĐ-DOCX", DecisionDate = new DateOnly(2026, 1, 10) });
            return await db.SaveChangesAsync();
        });
        var officer = portal.Browser();
        await officer.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var page = await officer.GetPageAsync("/Reports/Periodic");
        var created = await officer.SubmitAsync("/Reports/Periodic", new Dictionary<string, string>
        {
            ["Input.Year"] = "2026",
            ["Input.Period"] = nameof(ReportPeriod.Quarter1),
            ["Input.ProvinceId"] = HttpForms.SelectedOption(page, "Input.ProvinceId"),
        }, page: page);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var report = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var version = await portal.WithDbAsync(db => db.PeriodicReports.Where(r => r.Id == report).Select(r => r.Version).SingleAsync());
        var saved = await officer.SubmitAsync($"/Reports/Periodic/Details/{report}", new Dictionary<string, string>
        {
            ["Version"] = version.ToString(),
            ["Input.Results"] = "Đã giải ngân cho đề án máy sấy chè.",
            ["Input.Difficulties"] = "Thiếu cán bộ.",
            ["Input.Proposals"] = "Tăng kinh phí.",
        }, postUrl: $"/Reports/Periodic/Details/{report}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return report;
    }
}

public sealed class OfficialDocumentsOnSqlite(SqlitePortalFixture fixture) : OfficialDocumentSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class OfficialDocumentsOnPostgreSql(PostgresPortalFixture fixture) : OfficialDocumentSpecs(fixture), IClassFixture<PostgresPortalFixture>;

/// <summary>
/// Real clients: LibreOffice (headless) turns every document and the conference workbook into PDF, and the printed
/// header rows of the workbooks are tall enough for their wrapped text.
/// </summary>
public sealed class OfficialDocumentsInOtherPrograms(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task LibreOffice_converts_both_documents_and_the_conference_workbook_to_pdf()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/local/bin/soffice" }.FirstOrDefault(File.Exists);
        Optional.Require(soffice is not null, "LibreOffice: install libreoffice-writer-nogui and libreoffice-calc-nogui (soffice) to open the documents with another program (.ci/run does).");
        var portal = await fixture.GetAsync();
        await OfficialDocumentSpecs.SeedAsync(portal);
        var id = await OfficialDocumentSpecs.PeriodicReportAsync(portal);
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.OfficerBacNinh);
        var organiser = portal.Browser();
        await organiser.SignInOkAsync(PortalFixture.OrganiserSouth);
        var folder = Directory.CreateTempSubdirectory("kc-docx-");
        try
        {
            foreach (var (name, http, url) in new[]
            {
                ("hoi-nghi.docx", organiser, OfficialDocumentSpecs.Conference + "&handler=Word"),
                ("hoi-nghi.xlsx", organiser, OfficialDocumentSpecs.Conference + "&handler=Excel"),
                ("dinh-ky.docx", client, $"/Reports/Periodic/Details/{id}?handler=Word"),
            })
            {
                var response = await http.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var file = Path.Combine(folder.FullName, name);
                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(), TestContext.Current.CancellationToken);
                var pdf = await LibreOffice.ConvertAsync(soffice!, file, Path.Combine(folder.FullName, "pdf"), "pdf");
                Assert.True(pdf.Length > 1000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), $"{name}: not a PDF");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Wrapped_header_rows_of_the_conference_and_programme_workbooks_are_tall_enough_to_print_in_full()
    {
        var portal = await fixture.GetAsync();
        await OfficialDocumentSpecs.SeedAsync(portal);
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        var conference = await client.GetAsync(OfficialDocumentSpecs.Conference + "&handler=Excel");
        Assert.Equal(HttpStatusCode.OK, conference.StatusCode);
        using (var book = new XLWorkbook(await conference.Content.ReadAsStreamAsync()))
        {
            // "Tỷ trọng so với cả nước" (14 wide) and "Thực hiện đến 31/12/2019" (16 wide) take two lines.
            Assert.True(book.Worksheet("TongHop").Row(4).Height >= 30, $"TongHop header row: {book.Worksheet("TongHop").Row(4).Height}");
            Assert.True(book.Worksheet("TheoTinh").Row(1).Height >= 30, $"TheoTinh header row: {book.Worksheet("TheoTinh").Row(1).Height}");
            Assert.True(book.Worksheet("DuLieuNguon").Row(1).Height >= 30, $"DuLieuNguon header row: {book.Worksheet("DuLieuNguon").Row(1).Height}");
            Assert.True(book.Worksheet("XuHuong").Row(2).Height >= 30);
            // A narrative sentence longer than the 140-wide column is given its lines.
            var narrative = book.Worksheet("NhanXet");
            var longest = Enumerable.Range(2, 4).MaxBy(r => narrative.Cell(r, 1).GetString().Length);
            Assert.True(narrative.Cell(longest, 1).GetString().Length <= 140 || narrative.Row(longest).Height >= 30);
        }

        var programme = await client.GetAsync("/Reports/Programme?handler=Excel&from=2014&to=2018&cutoff=31/03/2019&region=");
        Assert.Equal(HttpStatusCode.OK, programme.StatusCode);
        using (var book = new XLWorkbook(await programme.Content.ReadAsStreamAsync()))
        {
            // "Hệ số thu hút vốn" and "Mục tiêu chương trình" wrap in their 12- and 18-wide columns.
            Assert.True(book.Worksheet("TheoNam").Row(4).Height >= 30, $"TheoNam header row: {book.Worksheet("TheoNam").Row(4).Height}");
            Assert.True(book.Worksheet("MucTieu").Row(3).Height >= 30, $"MucTieu header row: {book.Worksheet("MucTieu").Row(3).Height}");
            // A row that does not wrap keeps the default height.
            Assert.Equal(book.Worksheet("TheoNam").RowHeight, book.Worksheet("TheoNam").Row(5).Height);
        }
    }

    [Theory]
    [InlineData("Tỷ trọng so với cả nước", 14, true, 2)]
    [InlineData("Năm", 8, true, 1)]
    [InlineData("Kinh phí hỗ trợ được duyệt (đồng)", 18, true, 2)]
    [InlineData("Số quyết định / Mã đề án", 24, true, 2)]
    public void Lines_are_counted_from_the_text_and_the_column_width(string text, double width, bool bold, int expected) =>
        Assert.Equal(expected, Reports.ReportSheets.Lines(text, width, bold));
}

/// <summary>`report conference … --out FILE`: the extension chooses Word or Excel.</summary>
public sealed class ReportVerbSpecs : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Sqlite();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_extension_of_out_chooses_a_word_document_or_a_workbook_and_another_is_refused()
    {
        Assert.Equal(0, (await CommandLineSpecs.RunAsync(_database, "migrate")).ExitCode);
        var folder = Directory.CreateTempSubdirectory("kc-report-");
        try
        {
            string[] common = ["report", "conference", "--region", "NAM", "--year", "2024", "--cutoff", "2024-09-30", "--out"];
            var docx = Path.Combine(folder.FullName, "hoi-nghi.DOCX");
            var word = await CommandLineSpecs.RunAsync(_database, [.. common, docx]);
            Assert.True(word.ExitCode == 0, word.Error);
            using (var document = OfficialDocumentSpecs.Open(await File.ReadAllBytesAsync(docx, TestContext.Current.CancellationToken)))
            {
                OfficialDocumentSpecs.AssertDecree30Frame(document, "Kết quả hoạt động khuyến công năm 2024 khu vực phía Nam");
            }

            var xlsx = Path.Combine(folder.FullName, "hoi-nghi.xlsx");
            Assert.Equal(0, (await CommandLineSpecs.RunAsync(_database, [.. common, xlsx])).ExitCode);
            using (var book = new XLWorkbook(xlsx))
            {
                Assert.True(book.Worksheets.Contains("TongHop"));
            }

            var pdf = await CommandLineSpecs.RunAsync(_database, [.. common, Path.Combine(folder.FullName, "hoi-nghi.pdf")]);
            Assert.Equal(2, pdf.ExitCode);
            Assert.Contains("--out phải là tệp .xlsx (sổ tính Excel) hoặc .docx (văn bản Word).", pdf.Error);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "hoi-nghi.pdf")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
