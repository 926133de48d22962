using KhuyenCong.Domain.Identity;
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
}
