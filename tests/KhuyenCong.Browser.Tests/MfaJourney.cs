using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>A new approver's first sign-in in a real browser: held at enrolment, adds the app, keeps the recovery codes, and from then on signs in with a code.</summary>
public sealed class MfaJourney
{
    [Fact]
    public async Task An_approver_enrols_on_first_sign_in_sees_recovery_codes_signs_out_and_signs_in_with_a_code()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.Portal.CreateUnenrolledUserAsync("lanhdao.moi@bacninh.vn", Roles.ProvinceApprover, "24");
        var page = await session.NewPageAsync();

        // Password only: the portal holds the user at enrolment, whatever they ask for.
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync("lanhdao.moi@bacninh.vn");
        await page.GetByLabel("Mật khẩu").FillAsync(TestUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Mfa/Enrol");
        await page.GotoAsync("/Projects/Queue");
        await page.WaitForURLAsync("**/Account/Mfa/Enrol");
        await Assertions.Expect(page.GetByText("Vai trò của bạn bắt buộc xác thực hai bước")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".qr-code svg")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "mfa-enrol");

        // The user types into the phone the key the page shows; the phone shows a code.
        var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Mã xác thực").FillAsync(TestTotp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và bật" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await BrowserSession.ScreenshotAsync(page, "mfa-recovery-codes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tôi đã lưu các mã, tiếp tục" }).ClickAsync();

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.WaitForURLAsync("**/Account/Login**");

        // Next time: password, then the code from the app, then the queue.
        await session.SignInAsync(page, "lanhdao.moi@bacninh.vn", authenticatorKey: key);
        await page.GetByRole(AriaRole.Link, new() { Name = "Việc chờ tôi", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Projects/Queue**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }
}
