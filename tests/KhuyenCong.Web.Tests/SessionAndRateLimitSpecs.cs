using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>Sessions that end on their own (idle time, maximum lifetime, on the test clock) and the rate limits, each on a portal of its own.</summary>
public sealed class SessionAndRateLimitSpecs
{
    [Fact]
    public async Task A_session_ends_after_the_idle_time_and_after_its_maximum_lifetime_however_busy()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
        {
            ["Portal:IdleTimeout"] = "00:30:00",
            ["Portal:SessionLifetime"] = "01:00:00",
        }, clock);
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("nhanroi@test.vn", Roles.Viewer);

        var idle = portal.Browser();
        await idle.SignInOkAsync("nhanroi@test.vn");
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/")).StatusCode);
        clock.Now += TimeSpan.FromMinutes(31);
        var expired = await idle.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/Account/Login", expired.Headers.Location!.ToString());

        var busy = portal.Browser();
        await busy.SignInOkAsync("nhanroi@test.vn");
        for (var i = 0; i < 3; i++)
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        }

        clock.Now += TimeSpan.FromMinutes(5);
        var tooOld = await busy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, tooOld.StatusCode);
        Assert.Contains("/Account/Login", tooOld.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Sign_in_is_limited_per_address_and_per_account_with_a_vietnamese_429_and_others_go_on()
    {
        await using var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
        {
            ["Portal:TrustForwardedHeaders"] = "true",
            ["RateLimits:SignInPerAddress"] = "3",
            ["RateLimits:SignInPerAccount"] = "4",
        });
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("gioihan@test.vn", Roles.Viewer);
        await portal.CreateUserAsync("khac@test.vn", Roles.Viewer);

        var first = From(portal, "203.0.113.10");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.SignInAsync("gioihan@test.vn", "sai-mat-khau-lan-nua")).StatusCode);
        }

        var refused = await first.SignInAsync("khac@test.vn");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/Account/Login")).StatusCode);

        // Another address: its own allowance, but the account that was tried 3 times has only one attempt left.
        var second = From(portal, "203.0.113.11");
        Assert.Equal(HttpStatusCode.OK, (await second.SignInAsync("gioihan@test.vn", "sai-mat-khau-lan-nua")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.SignInAsync("gioihan@test.vn")).StatusCode);
        await second.SignInOkAsync("khac@test.vn");
    }

    [Fact]
    public async Task Imports_are_limited_per_user_and_another_user_goes_on()
    {
        await using var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string> { ["RateLimits:ImportsPerUser"] = "2" });
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("nhap1@test.vn", Roles.MinistryOfficer);
        await portal.CreateUserAsync("nhap2@test.vn", Roles.MinistryOfficer);
        var busy = portal.Browser();
        await busy.SignInOkAsync("nhap1@test.vn");
        for (var i = 0; i < 2; i++)
        {
            var answer = await busy.SubmitAsync("/Exchange", new Dictionary<string, string>(), postUrl: "/Exchange?handler=Preview");
            Assert.Contains("Hãy chọn tệp Excel cần nhập.", HttpForms.Text(await answer.Content.ReadAsStringAsync()));
        }

        var refused = await busy.SubmitAsync("/Exchange", new Dictionary<string, string>(), postUrl: "/Exchange?handler=Preview");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/Exchange")).StatusCode);

        var other = portal.Browser();
        await other.SignInOkAsync("nhap2@test.vn");
        var fine = await other.SubmitAsync("/Exchange", new Dictionary<string, string>(), postUrl: "/Exchange?handler=Preview");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task Uploads_and_password_changes_are_limited_per_user_and_the_projects_other_acts_are_not()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kc-limit-{Guid.NewGuid():N}");
        await using var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
        {
            ["Documents:Path"] = folder,
            ["RateLimits:UploadsPerUser"] = "1",
            ["RateLimits:PasswordChangesPerUser"] = "1",
        });
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("tailen1@test.vn", Roles.ProvinceOfficer, "24");
        await portal.CreateUserAsync("tailen2@test.vn", Roles.ProvinceOfficer, "24");
        var id = await new ProjectBuilder(portal).In("24", 2026).SaveAsync();
        var pdf = HostileUploadSpecs.Pdf();

        var busy = portal.Browser();
        await busy.SignInOkAsync("tailen1@test.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await ProjectUploadSpecs.UploadAsync(busy, "/Projects", id, "du-toan.pdf", pdf)).StatusCode);
        var refused = await ProjectUploadSpecs.UploadAsync(busy, "/Projects", id, "du-toan-2.pdf", pdf);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", HttpForms.Text(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(1, await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ProjectDocuments, d => d.ProjectId == id)));
        var act = await busy.SubmitAsync($"/Projects/Details/{id}", new Dictionary<string, string>(), postUrl: $"/Projects/Details/{id}?handler=Act");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, act.StatusCode);

        var other = portal.Browser();
        await other.SignInOkAsync("tailen2@test.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await ProjectUploadSpecs.UploadAsync(other, "/Projects", id, "du-toan-3.pdf", pdf)).StatusCode);

        var mismatch = new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = "hoa sen no tren mat ho",
            ["Input.ConfirmPassword"] = "hoa sen khac",
        };
        Assert.Equal(HttpStatusCode.OK, (await busy.SubmitAsync("/Account/ChangePassword", mismatch)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.SubmitAsync("/Account/ChangePassword", mismatch)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.SubmitAsync("/Account/ChangePassword", mismatch)).StatusCode);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }
    }

    private static HttpClient From(PortalFactory portal, string address)
    {
        var client = portal.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
