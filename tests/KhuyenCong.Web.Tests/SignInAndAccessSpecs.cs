using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>Sign-in, lockout, sessions and who may open what, over HTTP on the real app.</summary>
public sealed class SignInAndAccessSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Reference/Provinces")]
    [InlineData("/Admin/Users")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string url)
    {
        var portal = await fixture.GetAsync();
        var response = await portal.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_sign_in_page_is_vietnamese()
    {
        var portal = await fixture.GetAsync();
        var html = await portal.Browser().GetPageAsync("/Account/Login");
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Đăng nhập", html);
        Assert.Contains("Mật khẩu", html);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_vietnamese_message()
    {
        var portal = await fixture.GetAsync();
        var response = await portal.Browser().SignInAsync(PortalFixture.Viewer, "khong-phai-mat-khau-nay");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", HttpForms.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_account_is_locked_after_five_failures_even_for_the_right_password()
    {
        var portal = await fixture.GetAsync();
        const string email = "khoa@test.vn";
        await portal.CreateUserAsync(email, Roles.Viewer);
        var client = portal.Browser();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(email, "sai-mat-khau-lan-nua");
        }

        var response = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bị khóa", HttpForms.Text(await response.Content.ReadAsStringAsync()));
        var lockoutEnd = await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Four_failures_do_not_lock_the_account()
    {
        var portal = await fixture.GetAsync();
        const string email = "bonlan@test.vn";
        await portal.CreateUserAsync(email, Roles.Viewer);
        var client = portal.Browser();
        for (var i = 0; i < 4; i++)
        {
            await client.SignInAsync(email, "sai-mat-khau-lan-nua");
        }

        await client.SignInOkAsync(email);
    }

    [Theory]
    [InlineData(PortalFixture.OfficerBacNinh, "/Admin/Users")]
    [InlineData(PortalFixture.OfficerBacNinh, "/Admin/Audit")]
    [InlineData(PortalFixture.OfficerBacNinh, "/Admin/Users/Create")]
    [InlineData(PortalFixture.Viewer, "/Reference/Norms/Edit")]
    [InlineData(PortalFixture.OrganiserSouth, "/Reference/Contents/Edit/1")]
    [InlineData(PortalFixture.MinistryOfficer, "/Reference/Regions/Edit/1")]
    public async Task A_role_that_may_not_open_a_page_gets_403(string email, string url)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", HttpForms.Text(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_viewer_cannot_change_a_province_by_posting_the_admin_form()
    {
        var portal = await fixture.GetAsync();
        var id = await portal.WithDbAsync(db => db.Provinces.Where(p => p.Code == "04" && p.ValidTo == null).Select(p => p.Id).SingleAsync());
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var url = $"/Reference/Provinces/Details/{id}";
        var response = await client.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Edit.Name"] = "Bị sửa trái phép",
            ["Edit.ValidFrom"] = "01/07/2025",
            ["Edit.Version"] = Guid.Empty.ToString(),
        }, postUrl: url + "?handler=Edit");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Cao Bằng", await portal.WithDbAsync(db => db.Provinces.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Every_signed_in_role_may_read_reference_data()
    {
        var portal = await fixture.GetAsync();
        foreach (var email in new[] { PortalFixture.OfficerBacNinh, PortalFixture.OrganiserSouth, PortalFixture.Viewer, PortalFixture.MinistryOfficer })
        {
            var client = portal.Browser();
            await client.SignInOkAsync(email);
            foreach (var url in new[] { "/Reference/Provinces", "/Reference/Regions", "/Reference/Contents", "/Reference/Indicators", "/Reference/Norms", "/Reference/Periods", "/Reference/Departments" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session()
    {
        var portal = await fixture.GetAsync();
        const string email = "sevohieuhoa@test.vn";
        var userId = await portal.CreateUserAsync(email, Roles.ProvinceOfficer, "01");
        var user = portal.Browser();
        await user.SignInOkAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);

        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var editUrl = $"/Admin/Users/Edit/{userId}";
        var page = await admin.GetPageAsync(editUrl);
        var disabled = await admin.SubmitAsync(editUrl, new Dictionary<string, string> { ["ConcurrencyStamp"] = HttpForms.Field(page, "ConcurrencyStamp") },
            postUrl: editUrl + "?handler=Disable", page: page);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        var next = await user.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.ToString());
        var again = await portal.Browser().SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Every_link_in_the_header_opens_a_page()
    {
        // The header's links are written as paths (no link generation per request): each must be a real page.
        var portal = await fixture.GetAsync();
        var admin = portal.Browser();
        await admin.SignInOkAsync(PortalFixture.Admin);
        var home = await admin.GetPageAsync("/");
        var header = home[home.IndexOf("<nav class=\"navbar", StringComparison.Ordinal)..home.IndexOf("</nav>", StringComparison.Ordinal)];
        var links = System.Text.RegularExpressions.Regex.Matches(header, "href=\"(/[^\"]*)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(links.Count >= 25, $"{links.Count} links in the header");
        foreach (var link in links)
        {
            var response = await admin.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var home = await client.GetPageAsync("/");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", HttpForms.Token(home))]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var portal = await fixture.GetAsync();
        const string email = "doimatkhau@test.vn";
        await portal.CreateUserAsync(email, Roles.Viewer);
        var client = portal.Browser();
        await client.SignInOkAsync(email);

        var common = await client.SubmitAsync("/Account/ChangePassword", PasswordFields("password123456"));
        Assert.Contains("quá phổ biến", HttpForms.Text(await common.Content.ReadAsStringAsync()));
        var shortOne = await client.SubmitAsync("/Account/ChangePassword", PasswordFields("ngan-qua"));
        Assert.Contains("ít nhất 12 ký tự", HttpForms.Text(await shortOne.Content.ReadAsStringAsync()));

        var changed = await client.SubmitAsync("/Account/ChangePassword", PasswordFields("hoa sen no tren mat ho"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.Browser().SignInAsync(email)).StatusCode);
        await portal.Browser().SignInOkAsync(email, "hoa sen no tren mat ho");
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_the_sign_in_cookie_is_locked_down()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        var response = await client.SignInAsync(PortalFixture.Viewer);
        var headers = response.Headers;
        Assert.Contains("frame-ancestors 'none'", headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", headers.GetValues("Referrer-Policy").Single());
        // HSTS is never sent to localhost (ASP.NET Core excludes it); ask as the portal's public host would be asked.
        using var publicRequest = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        publicRequest.Headers.Host = "khuyencong.example.vn";
        var publicResponse = await client.SendAsync(publicRequest);
        Assert.StartsWith("max-age=31536000", publicResponse.Headers.GetValues("Strict-Transport-Security").Single());
        var cookie = headers.GetValues("Set-Cookie").Single(c => c.StartsWith("KhuyenCong.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("secure", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    [Fact]
    public async Task An_unknown_page_shows_a_vietnamese_404_with_a_correlation_id()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var response = await client.GetAsync("/Reference/Provinces/Details/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy trang", html);
        Assert.Contains(response.Headers.GetValues("X-Correlation-Id").Single(), html);
    }

    [Fact]
    public async Task Vietnamese_letters_are_written_as_letters_not_entities()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.Viewer);
        var html = await client.GetPageAsync("/Reference/Provinces?asOf=01/01/2026");
        Assert.Contains("Đắk Lắk", html);
        Assert.DoesNotContain("&#x", html);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_accepts_the_first_instances_sign_in()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        var response = await client.SignInAsync(PortalFixture.Viewer);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("KhuyenCong.Auth=", StringComparison.Ordinal)).Split(';')[0];

        await using var second = new PortalFactory(portal.Database);
        var other = second.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var home = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answers_as_a_real_account_up_to_the_same_lockout_message()
    {
        var portal = await fixture.GetAsync();
        const string known = "cothat@test.vn";
        await portal.CreateUserAsync(known, Roles.Viewer);
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { known, "khongco@test.vn" })
        {
            var client = portal.Browser();
            answers[email] = [];
            for (var i = 0; i < 6; i++)
            {
                var response = await client.SignInAsync(email, i == 5 ? TestUsers.Password : "sai-mat-khau-lan-nua");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers[email].Add(Summary(await response.Content.ReadAsStringAsync()));
            }
        }

        Assert.Equal(answers[known], answers["khongco@test.vn"]);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", answers[known][0]);
        Assert.Contains("Tài khoản tạm thời bị khóa", answers[known][4]);
        Assert.Contains("Tài khoản tạm thời bị khóa", answers[known][5]);
    }

    [Fact]
    public async Task Wrong_current_passwords_lock_the_account_and_end_the_session()
    {
        var portal = await fixture.GetAsync();
        const string email = "doisai@test.vn";
        await portal.CreateUserAsync(email, Roles.Viewer);
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var wrong = new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "khong-phai-mat-khau-nay",
            ["Input.NewPassword"] = "hoa sen no tren mat ho",
            ["Input.ConfirmPassword"] = "hoa sen no tren mat ho",
        };
        for (var i = 0; i < 4; i++)
        {
            var refused = await client.SubmitAsync("/Account/ChangePassword", wrong);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Mật khẩu hiện tại không đúng.", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
        }

        var locked = await client.SubmitAsync("/Account/ChangePassword", wrong);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("/Account/Login", locked.Headers.Location!.ToString());
        Assert.Contains("Tài khoản tạm thời bị khóa", HttpForms.Text(await client.GetPageAsync("/Account/Login")));
        Assert.Contains("/Account/Login", (await client.GetAsync("/")).Headers.Location!.ToString());
        var again = await portal.Browser().SignInAsync(email);
        Assert.Contains("Tài khoản tạm thời bị khóa", HttpForms.Text(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_anything()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        var signedIn = await client.SignInAsync(PortalFixture.OfficerHanoi);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("KhuyenCong.Auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(portal, cookie)).StatusCode);

        var home = await client.GetPageAsync("/");
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", HttpForms.Token(home))]));

        var copied = await WithCookieAsync(portal, cookie);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Assert.Contains("/Account/Login", copied.Headers.Location!.ToString());
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(PortalFactory portal, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        return await portal.Browser().SendAsync(request);
    }

    /// <summary>The messages of the page's validation summary, as a user reads them.</summary>
    private static string Summary(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "validation-summary-errors[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        return HttpForms.Text(match.Success ? match.Groups[1].Value : string.Empty);
    }

    private static Dictionary<string, string> PasswordFields(string newPassword) => new()
    {
        ["Input.CurrentPassword"] = TestUsers.Password,
        ["Input.NewPassword"] = newPassword,
        ["Input.ConfirmPassword"] = newPassword,
    };
}
