using KhuyenCong.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

public sealed class ConferenceReportJourney
{
    [Fact]
    public async Task An_organiser_produces_the_south_report_and_downloads_the_workbook()
    {
        await using var session = await BrowserSession.StartAsync();
        await using (var scope = session.Portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KhuyenCong.Web.Projects.DemoProjects>().SeedAsync(400, 2023, 2024, 3);
        }

        await session.Portal.CreateUserAsync("btc@nam.vn", Roles.ConferenceOrganiser, null, "NAM");
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "btc@nam.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Báo cáo", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo hội nghị", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#region option")).ToHaveCountAsync(1);
        await page.Locator("#year").FillAsync("2024");
        await page.Locator("#cutoff").FillAsync("30/09/2024");
        await page.GetByTestId("make-report").ClickAsync();
        await Assertions.Expect(page.GetByTestId("narrative")).ToContainTextAsync("Tổng kế hoạch kinh phí khuyến công năm 2024 được duyệt của 20 tỉnh, thành phố khu vực phía Nam là");
        await Assertions.Expect(page.GetByTestId("provinces").Locator("tbody tr:not([data-testid=provinces-total])")).ToHaveCountAsync(20);
        await Assertions.Expect(page.GetByTestId("provinces-total")).ToContainTextAsync("Tổng cộng");
        await BrowserSession.ScreenshotAsync(page, "conference-report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-report").ClickAsync());
        Assert.Equal("bao-cao-hoi-nghi-NAM-2024.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"kc-report-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        using var book = new ClosedXML.Excel.XLWorkbook(path);
        Assert.True(book.Worksheet("TongHop").Cell(7, 2).GetDouble() > 0);

        // The same report as a Word document to sign: the form opens with its defaults, the signer is typed in.
        await page.GetByText("Tải văn bản Word để trình ký").ClickAsync();
        await Assertions.Expect(page.Locator("#doc-Number")).ToHaveValueAsync("/BC-ĐCK");
        await page.Locator("#doc-Signer").FillAsync("Nguyễn Văn An");
        await BrowserSession.ScreenshotAsync(page, "conference-report-document-form");
        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-document").ClickAsync());
        Assert.Equal("bao-cao-hoi-nghi-NAM-2024.docx", word.SuggestedFilename);
        var docx = Path.Combine(Path.GetTempPath(), $"kc-report-{Guid.NewGuid():N}.docx");
        await word.SaveAsAsync(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false);
        var text = document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Nguyễn Văn An", text);
        Assert.Contains(text, t => t.StartsWith("Tổng kế hoạch kinh phí khuyến công năm 2024 được duyệt của 20 tỉnh, thành phố khu vực phía Nam là", StringComparison.Ordinal));
    }
}
