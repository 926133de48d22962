using ClosedXML.Excel;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// An officer tries to change an approved project through Excel, reads the refusal, asks for an adjustment instead,
/// the ministry decides it, and the project's history shows the old and the new amount in Vietnamese.
/// </summary>
public sealed class AdjustmentJourney
{
    [Fact]
    public async Task Excel_refuses_to_rewrite_an_approved_project_the_ministry_decides_an_adjustment_and_the_history_reads_old_to_new()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("chuyenvien@bacninh.vn", Roles.ProvinceOfficer, "24");
        await session.Portal.CreateUserAsync("lanhdao@cuc.vn", Roles.MinistryApprover);
        var id = await new ProjectBuilder(session.Portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        var code = await session.Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());

        // The officer sends back the project's row with a higher request and a new title.
        var officer = await session.NewPageAsync(390, 844);
        await session.SignInAsync(officer, "chuyenvien@bacninh.vn");
        await officer.GotoAsync("/Exchange");
        await officer.Locator("#file").SetInputFilesAsync(Workbook(code));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và xem trước" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("import-errors")).ToContainTextAsync("Đề án đã phê duyệt: chỉ thay đổi được qua điều chỉnh.");
        await Assertions.Expect(officer.GetByTestId("preview")).ToContainTextAsync("chưa ghi gì");
        await BrowserSession.ScreenshotAsync(officer, "excel-refuses-approved-project");

        // So the officer asks for an adjustment on the project's page.
        await officer.GotoAsync($"/Projects/Details/{id}");
        var request = officer.GetByTestId("act-RequestAdjustment");
        await request.Locator("[name='Command.AdjustmentKind']").SelectOptionAsync("Amount");
        await request.Locator("[name='Command.Amount']").FillAsync("350.000.000");
        await request.Locator("[name='Command.Comment']").FillAsync("Giá máy sấy giảm sau đấu thầu");
        await request.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("timeline")).ToContainTextAsync("Đề nghị điều chỉnh: Kinh phí");

        // The ministry, which approved this KCQG project, decides it, seeing the amount it replaces.
        var leader = await session.NewPageAsync();
        await session.SignInAsync(leader, "lanhdao@cuc.vn");
        await leader.GotoAsync($"/Projects/Details/{id}");
        await Assertions.Expect(leader.GetByTestId("actions")).ToContainTextAsync("Kinh phí được duyệt hiện nay 400.000.000 đồng → đề nghị 350.000.000 đồng");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Chấp thuận", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByTestId("approved")).ToHaveTextAsync("350.000.000");

        // The history on the officer's phone: who, what, from what to what, in Vietnamese.
        await officer.ReloadAsync();
        await Assertions.Expect(officer.GetByTestId("adjustment-replaces")).ToHaveTextAsync("400.000.000 đồng");
        var history = officer.GetByTestId("project-history");
        await Assertions.Expect(history).ToContainTextAsync("Kinh phí được duyệt (đồng)");
        await Assertions.Expect(history).ToContainTextAsync("400.000.000");
        await Assertions.Expect(history).ToContainTextAsync("350.000.000");
        await Assertions.Expect(history).ToContainTextAsync("Lãnh đạo Cục");
        var text = await history.InnerTextAsync();
        Assert.DoesNotContain("{\"", text);
        Assert.DoesNotContain("ApprovedSupport", text);
        Assert.DoesNotContain("lanhdao@cuc.vn", await officer.ContentAsync());
        // The history itself fits the phone: long values wrap instead of widening the page.
        var box = await history.BoundingBoxAsync();
        Assert.True(box!.Width <= 390, $"history is {box.Width} px wide on a 390 px phone");
        Assert.True(await history.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth + 1"), "history scrolls sideways");
        await history.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ArtifactsFolder, "adjustment-history-phone.png") });
    }

    private static string Workbook(string code)
    {
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet(ExchangeFormat.Projects);
        for (var c = 0; c < ExchangeFormat.ProjectHeaders.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(ExchangeFormat.ProjectHeaders[c]);
        }

        object?[] row = [code, 2026, "24", "KCQG", "Thường", "ND03", "Tên mới do tỉnh tự sửa", "Trung tâm Khuyến công", 600_000_000, 400_000_000, 1_200_000_000, "Đã ký hợp đồng", "01/02/2026"];
        for (var c = 0; c < row.Length; c++)
        {
            sheet.Cell(2, c + 1).SetValue(Convert.ToString(row[c], System.Globalization.CultureInfo.InvariantCulture));
        }

        var path = Path.Combine(Path.GetTempPath(), $"de-an-{Guid.NewGuid():N}.xlsx");
        book.SaveAs(path);
        return path;
    }
}
