using ClosedXML.Excel;
using KhuyenCong.Domain.Identity;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>A ministry officer moves a year's plans in through Excel: template, a bad row, the fix, the plan page.</summary>
public sealed class PlanImportJourney
{
    [Fact]
    public async Task Ministry_officer_downloads_the_template_fixes_a_bad_row_imports_and_sees_the_plans()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("kehoach@cuc.vn", Roles.MinistryOfficer);
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "kehoach@cuc.vn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Excel", Exact = true }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-template").ClickAsync());
        Assert.Equal($"mau-KeHoach-{DateTime.UtcNow.AddHours(7).Year}.xlsx", download.SuggestedFilename);
        var template = Path.Combine(Path.GetTempPath(), $"kc-template-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(template);

        // The officer fills in the template as Excel would: the example row overwritten, a second row with a slip.
        string Fill(string amount)
        {
            using var book = new XLWorkbook(template);
            var sheet = book.Worksheet("KeHoach");
            object[][] rows = [[2026, "48", "KCQG", "3.200.000.000", "55/QĐ-BCT", "15/01/2026"], [2026, "79", "KCQG", amount, "56/QĐ-BCT", "15/01/2026"]];
            for (var r = 0; r < rows.Length; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    sheet.Cell(r + 2, c + 1).SetValue(Convert.ToString(rows[r][c], System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            var path = Path.Combine(Path.GetTempPath(), $"ke-hoach-{Guid.NewGuid():N}.xlsx");
            book.SaveAs(path);
            return path;
        }

        await page.Locator("#file").SetInputFilesAsync(Fill("4.100.000,5"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("KeHoach");
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("«4.100.000,5» không phải là số đồng nguyên");
        await Assertions.Expect(page.GetByTestId("preview")).ToContainTextAsync("Sổ tính có 1 lỗi; chưa ghi gì.");
        await BrowserSession.ScreenshotAsync(page, "import-error");

        await page.Locator("#file").SetInputFilesAsync(Fill("4.100.000.000"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và xem trước" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("preview")).ToContainTextAsync("Kết quả kiểm tra: không có lỗi");
        await page.GetByTestId("confirm-import").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("KeHoach 2 thêm mới");

        await page.GotoAsync("/Plans?year=2026");
        var table = page.GetByTestId("plans-table");
        await Assertions.Expect(table).ToContainTextAsync("TP Đà Nẵng");
        await Assertions.Expect(table).ToContainTextAsync("3.200.000.000");
        await Assertions.Expect(table).ToContainTextAsync("TP Hồ Chí Minh");
        await Assertions.Expect(table).ToContainTextAsync("4.100.000.000");
        await Assertions.Expect(table).ToContainTextAsync("56/QĐ-BCT ngày 15/01/2026");
        await BrowserSession.ScreenshotAsync(page, "plans-2026");
    }
}
