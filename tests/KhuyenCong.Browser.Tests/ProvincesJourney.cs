using KhuyenCong.Domain.Identity;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

public sealed class ProvincesJourney
{
    [Fact]
    public async Task Admin_signs_in_and_sees_63_provinces_as_of_2024_and_34_as_of_2026()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("quantri@test.vn", Roles.Admin);
        var page = await session.NewPageAsync();

        await session.SignInAsync(page, "quantri@test.vn");
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Quản trị hệ thống");

        await page.GetByRole(AriaRole.Button, new() { Name = "Danh mục", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tỉnh, thành phố", Exact = true }).ClickAsync();

        await page.GetByTestId("as-of").FillAsync("01/06/2024");
        await page.GetByTestId("filter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("province-count")).ToContainTextAsync("63 tỉnh, thành phố có hiệu lực tại ngày 01/06/2024");
        await Assertions.Expect(page.Locator("[data-testid=province-table] tbody tr")).ToHaveCountAsync(63);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bắc Giang", Exact = true })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "provinces-2024");

        await page.GetByTestId("as-of").FillAsync("01/06/2026");
        await page.GetByTestId("filter").ClickAsync();
        await Assertions.Expect(page.GetByTestId("province-count")).ToContainTextAsync("34 tỉnh, thành phố có hiệu lực tại ngày 01/06/2026");
        await Assertions.Expect(page.Locator("[data-testid=province-table] tbody tr")).ToHaveCountAsync(34);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bắc Giang", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=province-table]")).ToContainTextAsync("Bắc Giang (24); Bắc Ninh (27)");
        await BrowserSession.ScreenshotAsync(page, "provinces-2026");
    }

    [Fact]
    public async Task The_portal_works_on_a_phone_sized_screen()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("dienthoai@test.vn", Roles.ProvinceOfficer, "24");
        var page = await session.NewPageAsync(390, 844);

        await session.SignInAsync(page, "dienthoai@test.vn");
        await Assertions.Expect(page.GetByTestId("scope")).ToHaveTextAsync("Bắc Ninh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở trình đơn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Danh mục", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Người dùng", Exact = true })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "home-phone");
    }
}
