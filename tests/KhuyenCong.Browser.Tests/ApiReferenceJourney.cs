using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// The API reference page (Scalar) in a real browser, under the portal's CSP, with nothing loaded from outside:
/// what a ministry developer opens from the menu to find the calls and try them with their token.
/// </summary>
public sealed class ApiReferenceJourney
{
    [Fact]
    public async Task A_signed_in_user_opens_the_API_reference_from_the_menu_and_it_renders_under_the_CSP_with_nothing_from_outside()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("tailieu@test.vn", Roles.ProvinceOfficer, "24");
        var page = await session.NewPageAsync();
        var problems = new List<string>();
        // This journey answers for the reference page and its CSP; the sign-in and home pages are other journeys' concern.
        bool OnReference() => page.Url.Contains("/tai-lieu-api", StringComparison.Ordinal);
        page.Console += (_, message) =>
        {
            if (OnReference() && (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"console on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);
        page.Response += (_, response) =>
        {
            if (OnReference() && response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(session.BaseUrl, StringComparison.OrdinalIgnoreCase) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add("outside request: " + request.Url);
            }
        };

        await session.SignInAsync(page, "tailieu@test.vn");
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài liệu API", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync("API Cổng thông tin Khuyến công");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API Cổng thông tin Khuyến công" }).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Tài khoản gắn với mã truy cập").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserSession.ScreenshotAsync(page, "api-reference");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Issue 12's "done when", as a ministry developer would live it: make a token on their own page, open the
    /// reference from the menu, paste the token once, and pull the projects of their scope from the page itself.
    /// </summary>
    [Fact]
    public async Task A_developer_makes_a_token_pastes_it_in_the_reference_and_gets_the_projects_of_their_scope_from_the_page()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUserAsync("laptrinh@test.vn", Roles.ProvinceOfficer, "24");
        var mine = await new ProjectBuilder(session.Portal).In("24", 2026).Titled("Đề án Bắc Ninh của API").SaveAsync();
        var theirs = await new ProjectBuilder(session.Portal).In("01", 2026).Titled("Đề án Hà Nội của API").SaveAsync();
        var codes = await session.Portal.WithDbAsync(db => db.Projects.Where(p => p.Id == mine || p.Id == theirs).ToDictionaryAsync(p => p.Id, p => p.Code));
        var page = await session.NewPageAsync();
        await session.SignInAsync(page, "laptrinh@test.vn");

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mã truy cập API", Exact = true }).ClickAsync();
        await page.GetByLabel("Tên mã").FillAsync("Đồng bộ thống kê");
        await page.GetByLabel("Thời hạn").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã" }).ClickAsync();
        var secret = await page.GetByTestId("token-secret").InputValueAsync();
        Assert.StartsWith("kc_", secret);

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài liệu API", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Bearer Token" }).First.FillAsync(secret, new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Đề án" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Danh sách đề án trong phạm vi của tài khoản" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request (get /api/v1/projects)" }).ClickAsync();
        var sent = page.WaitForResponseAsync(r => r.Url.Contains("/api/v1/projects", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send get request to ") }).ClickAsync();
        Assert.Equal(200, (await sent).Status);

        // The answer shown in the page's client is the API's: this officer's project, not Hà Nội's.
        await Assertions.Expect(page.GetByText(codes[mine]).First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Equal(0, await page.GetByText(codes[theirs]).CountAsync());
        await BrowserSession.ScreenshotAsync(page, "api-reference-try");
    }
}
