using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>The second factor over HTTP: forced enrolment for approvers and administrators, the code step, recovery codes, an admin's reset.</summary>
public sealed partial class MfaSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodePattern();

    [Fact]
    public async Task An_approver_without_a_second_factor_reaches_nothing_but_enrolment_until_a_right_code_is_typed()
    {
        var portal = await fixture.GetAsync();
        const string email = "chuabat.lanhdao@test.vn";
        await portal.CreateUnenrolledUserAsync(email, Roles.ProvinceApprover, "24");
        var client = portal.Browser();
        var signedIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var url in new[] { "/Projects", "/Projects/Queue", "/Account/ChangePassword", "/Reference/Provinces" })
        {
            var refused = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/Account/Mfa/Enrol", refused.Headers.Location!.ToString());
        }

        var page = await client.GetPageAsync("/Account/Mfa/Enrol");
        Assert.Contains("bắt buộc xác thực hai bước", HttpForms.Text(page));
        Assert.Contains("<svg", page);
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        Assert.Equal(32, key.Length);

        var wrong = await client.SubmitAsync("/Account/Mfa/Enrol", new Dictionary<string, string> { ["Code"] = TestTotp.WrongCode(key) }, page: page);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng", HttpForms.Text(await wrong.Content.ReadAsStringAsync()));
        Assert.False(await TwoFactorEnabledAsync(portal, email));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Projects")).StatusCode);

        var enrolled = await client.SubmitAsync("/Account/Mfa/Enrol", new Dictionary<string, string> { ["Code"] = TestTotp.Code(key) });
        var shown = await enrolled.Content.ReadAsStringAsync();
        Assert.Equal(10, RecoveryCodePattern().Count(shown));
        Assert.Contains("Các mã sẽ không hiện lại", HttpForms.Text(shown));
        Assert.True(await TwoFactorEnabledAsync(portal, email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Projects")).StatusCode);
        Assert.DoesNotContain(RecoveryCodePattern().Match(shown).Value, await client.GetPageAsync("/Account/Mfa"));
    }

    [Fact]
    public async Task A_viewer_is_not_forced_to_enrol()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Projects")).StatusCode);
        Assert.Contains("Chưa bật", HttpForms.Text(await client.GetPageAsync("/Account/Mfa")));
    }

    [Fact]
    public async Task Once_enrolled_sign_in_asks_for_the_code_and_a_wrong_code_is_refused_in_vietnamese()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        var password = await client.PasswordStepAsync(PortalFixture.MinistryApprover);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var step = password.Headers.Location!.ToString();
        Assert.StartsWith("/Account/TwoFactor", step);
        // The password alone signs nobody in.
        Assert.Contains("/Account/Login", (await client.GetAsync("/Projects/Queue")).Headers.Location!.ToString());

        var wrong = await client.SubmitAsync(step, new Dictionary<string, string> { ["Code"] = TestTotp.WrongCode(TestUsers.AuthenticatorKey) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng hoặc đã hết hạn.", HttpForms.Text(await wrong.Content.ReadAsStringAsync()));
        Assert.Contains("/Account/Login", (await client.GetAsync("/Projects/Queue")).Headers.Location!.ToString());

        var right = await client.SubmitAsync(step, new Dictionary<string, string> { ["Code"] = TestTotp.Code(TestUsers.AuthenticatorKey) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Projects/Queue")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_like_five_wrong_passwords()
    {
        var portal = await fixture.GetAsync();
        const string email = "saima.lanhdao@test.vn";
        await portal.CreateUserAsync(email, Roles.MinistryApprover);
        var client = portal.Browser();
        var step = (await client.PasswordStepAsync(email)).Headers.Location!.ToString();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitAsync(step, new Dictionary<string, string> { ["Code"] = TestTotp.WrongCode(TestUsers.AuthenticatorKey) });
            answers.Add(HttpForms.Text(await wrong.Content.ReadAsStringAsync()));
        }

        Assert.Contains("Mã xác thực không đúng", answers[3]);
        Assert.Contains("Tài khoản tạm thời bị khóa", answers[4]);
        var right = await client.SubmitAsync(step, new Dictionary<string, string> { ["Code"] = TestTotp.Code(TestUsers.AuthenticatorKey) });
        Assert.Contains("Tài khoản tạm thời bị khóa", HttpForms.Text(await right.Content.ReadAsStringAsync()));
        Assert.Contains("/Account/Login", (await client.GetAsync("/Projects/Queue")).Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var portal = await fixture.GetAsync();
        const string email = "khoiphuc.lanhdao@test.vn";
        await portal.CreateUnenrolledUserAsync(email, Roles.MinistryApprover);
        var (key, codes) = await EnrolThroughThePageAsync(portal, email);
        Assert.Equal(32, key.Length);

        var first = await RecoveryStepAsync(portal, email, codes[3]);
        Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/Projects/Queue")).StatusCode);

        var again = await RecoveryStepAsync(portal, email, codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Contains("Mã khôi phục không đúng hoặc đã được dùng.", HttpForms.Text(await again.Response.Content.ReadAsStringAsync()));
        Assert.Contains("/Account/Login", (await again.Client.GetAsync("/Projects/Queue")).Headers.Location!.ToString());
        Assert.Contains("Còn <strong>9</strong> mã khôi phục", HttpForms.Text(await first.Client.GetPageAsync("/Account/Mfa")));
    }

    [Fact]
    public async Task An_admin_reset_ends_the_users_sessions_forces_enrolment_again_and_is_in_the_audit_trail()
    {
        var portal = await fixture.GetAsync();
        const string email = "datlai.lanhdao@test.vn";
        var id = await portal.CreateUserAsync(email, Roles.ProvinceApprover, "24");
        var user = portal.Browser();
        await user.SignInOkAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Projects")).StatusCode);

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var editUrl = $"/Admin/Users/Edit/{id}";
        var page = await admin.GetPageAsync(editUrl);
        Assert.Contains("đang bật", HttpForms.Text(page));
        var reset = await admin.SubmitAsync(editUrl, new Dictionary<string, string> { ["ConcurrencyStamp"] = HttpForms.Field(page, "ConcurrencyStamp") },
            postUrl: editUrl + "?handler=ResetMfa", page: page);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Contains("/Account/Login", (await user.GetAsync("/Projects")).Headers.Location!.ToString());
        Assert.False(await TwoFactorEnabledAsync(portal, email));
        var again = portal.Browser();
        var password = await again.PasswordStepAsync(email);
        Assert.Equal("/", password.Headers.Location!.ToString());
        Assert.Equal("/Account/Mfa/Enrol", (await again.GetAsync("/Projects")).Headers.Location!.ToString());
        // The old key no longer works: the page shows a new one.
        var enrol = await again.GetPageAsync("/Account/Mfa/Enrol");
        Assert.DoesNotContain("jbsw y3dp", enrol);

        var entry = await portal.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "TwoFactorReset" && a.EntityKey == id));
        Assert.Equal(PortalFixture.Admin, entry.UserName);
        Assert.Contains("Quản trị đặt lại xác thực hai bước", HttpForms.Text(await admin.GetPageAsync(editUrl)));
    }

    [Fact]
    public async Task An_approver_may_not_turn_the_second_factor_off_but_a_viewer_may()
    {
        var portal = await fixture.GetAsync();
        var approver = portal.Browser();
        await approver.SignInOkAsync(PortalFixture.AppraiserBacNinh);
        var unconfirmed = await approver.SubmitAsync("/Account/Mfa", new Dictionary<string, string> { ["Password"] = "khong-phai-mat-khau-nay" }, postUrl: "/Account/Mfa?handler=Disable");
        Assert.Contains("Mật khẩu không đúng. Hãy nhập mật khẩu đăng nhập để xác nhận thay đổi.", HttpForms.Text(await unconfirmed.Content.ReadAsStringAsync()));
        var refused = await approver.SubmitAsync("/Account/Mfa", new Dictionary<string, string> { ["Password"] = TestUsers.Password }, postUrl: "/Account/Mfa?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("bắt buộc xác thực hai bước; không thể tắt", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
        Assert.True(await TwoFactorEnabledAsync(portal, PortalFixture.AppraiserBacNinh));

        const string email = "xem.tuychon@test.vn";
        await portal.CreateUserAsync(email, Roles.Viewer);
        var (key, _) = await EnrolThroughThePageAsync(portal, email);
        Assert.True(await TwoFactorEnabledAsync(portal, email));
        var viewer = portal.Browser();
        var step = await viewer.PasswordStepAsync(email);
        Assert.StartsWith("/Account/TwoFactor", step.Headers.Location!.ToString());

        var optional = portal.Browser();
        var password = await optional.PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await optional.SubmitAsync(password.Headers.Location!.ToString(), new Dictionary<string, string> { ["Code"] = TestTotp.Code(key) })).StatusCode);
        var off = await optional.SubmitAsync("/Account/Mfa", new Dictionary<string, string> { ["Password"] = TestUsers.Password }, postUrl: "/Account/Mfa?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(portal, email));
        Assert.Equal("/", (await portal.Browser().PasswordStepAsync(email)).Headers.Location!.ToString());
    }

    /// <summary>Signs in with the password and enrols as a user would, reading the key off the page.</summary>
    private static async Task<(string Key, string[] Codes)> EnrolThroughThePageAsync(PortalFactory portal, string email)
    {
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var page = await client.GetPageAsync("/Account/Mfa/Enrol");
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var enrolled = await client.SubmitAsync("/Account/Mfa/Enrol", new Dictionary<string, string> { ["Code"] = TestTotp.Code(key) }, page: page);
        var codes = RecoveryCodePattern().Matches(await enrolled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(10, codes.Length);
        return (key, codes);
    }

    private static async Task<(HttpClient Client, HttpResponseMessage Response)> RecoveryStepAsync(PortalFactory portal, string email, string code)
    {
        var client = portal.Browser();
        var password = await client.PasswordStepAsync(email);
        var step = password.Headers.Location!.ToString();
        var url = step + (step.Contains('?') ? "&" : "?") + "handler=Recovery";
        return (client, await client.SubmitAsync(step, new Dictionary<string, string> { ["RecoveryCode"] = code }, postUrl: url));
    }

    private static Task<bool> TwoFactorEnabledAsync(PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());
}
