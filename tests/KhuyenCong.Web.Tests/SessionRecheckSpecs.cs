using System.Diagnostics;
using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Sign-in checks without a query per request (Portal:SessionRecheck, on the test clock): between checks a signed-in
/// page runs no Identity query and sends no new cookie; a session ended on this instance stops at once, one ended
/// in the database (as another instance would) at the next check, not before.
/// </summary>
public sealed class SessionRecheckSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan s_recheck = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Within_the_recheck_interval_a_signed_in_page_runs_no_identity_query_and_sends_no_cookie_and_after_it_checks_again()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var portal = Portal(clock);
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("kiemtralai@test.vn", Roles.Viewer);
        var client = portal.Browser();
        await client.SignInOkAsync("kiemtralai@test.vn");
        await client.GetAsync("/Reports/Completeness");

        using var commands = new CommandLog(database.ConnectionString);
        clock.Now += TimeSpan.FromSeconds(20);
        var within = await client.GetAsync("/Reports/Completeness");
        var (withinAll, withinIdentity) = commands.Take();
        output.WriteLine($"within the interval: {withinAll} SQL commands, {withinIdentity} on Identity tables");
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(0, withinIdentity);
        Assert.False(SetsAuthCookie(within), "no new cookie within the interval");

        clock.Now += TimeSpan.FromSeconds(11);
        var after = await client.GetAsync("/Reports/Completeness");
        var (afterAll, afterIdentity) = commands.Take();
        output.WriteLine($"after the interval: {afterAll} SQL commands, {afterIdentity} on Identity tables");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True(afterIdentity > 0, "the stamp is checked against the database after the interval");
        Assert.True(SetsAuthCookie(after), "the re-checked cookie is renewed");

        var next = await client.GetAsync("/Reports/Completeness");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(0, commands.Take().Identity);
        Assert.False(SetsAuthCookie(next));
    }

    [Fact]
    public async Task A_user_disabled_in_the_database_by_another_instance_loses_the_session_after_the_interval_not_before()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var portal = Portal(clock);
        await using var database = portal.Database;
        await portal.StartAsync();
        var id = await portal.CreateUserAsync("noikhac@test.vn", Roles.Viewer);
        var client = portal.Browser();
        await client.SignInOkAsync("noikhac@test.vn");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // What the other instance's UserAccounts.SetDisabledAsync writes: the flag and a new stamp.
        await portal.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.IsDisabled, true)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))));

        clock.Now += TimeSpan.FromSeconds(25);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        clock.Now += TimeSpan.FromSeconds(6);
        var ended = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/Account/Login", ended.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task On_the_instance_that_did_it_sign_out_and_a_password_change_end_the_other_sessions_at_once()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var portal = Portal(clock);
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("haiphien@test.vn", Roles.Viewer);

        var laptop = portal.Browser();
        var signedIn = await laptop.SignInAsync("haiphien@test.vn");
        var copied = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("KhuyenCong.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var home = await laptop.GetPageAsync("/");
        await laptop.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", HttpForms.Token(home))]));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            request.Headers.Add("Cookie", copied);
            var refused = await portal.Browser().SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/Login", refused.Headers.Location!.ToString());
        }

        var phone = portal.Browser();
        await phone.SignInOkAsync("haiphien@test.vn");
        await laptop.SignInOkAsync("haiphien@test.vn");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);
        const string newPassword = "mat-khau-moi-cua-hai-phien";
        var changed = await laptop.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/")).StatusCode);
        var ended = await phone.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/Account/Login", ended.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_api_token_is_read_once_per_interval_revoked_here_it_stops_at_once_and_changed_in_the_database_at_the_next_check()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var portal = Portal(clock);
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("maapi@test.vn", Roles.Viewer);
        var secret = await portal.CreateTokenAsync("maapi@test.vn");
        var api = portal.ApiClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        using (var commands = new CommandLog(database.ConnectionString))
        {
            clock.Now += TimeSpan.FromSeconds(20);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
            var (all, identity) = commands.Take();
            output.WriteLine($"a call within the interval: {all} SQL commands, {identity} on Identity tables");
            Assert.Equal(0, identity);
        }

        // Disabled in the database, as another instance does it: the token works until the interval ends, not after.
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "maapi@test.vn").ExecuteUpdateAsync(s => s
            .SetProperty(u => u.IsDisabled, true)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))));
        clock.Now += TimeSpan.FromSeconds(5);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        clock.Now += TimeSpan.FromSeconds(6);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        // Revoked on this instance: the next call is refused, with no interval to wait.
        await portal.CreateUserAsync("thuhoi@test.vn", Roles.Viewer);
        var revoked = await portal.CreateTokenAsync("thuhoi@test.vn");
        var other = portal.ApiClient(revoked);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);
        var id = await portal.WithDbAsync(db => db.ApiTokens.Where(t => t.SecretHash == KhuyenCong.Web.Api.ApiTokens.Hash(revoked)).Select(t => t.Id).SingleAsync());
        using (var scope = portal.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<KhuyenCong.Web.Api.ApiTokens>().RevokeAsync(id, ownerId: null, revokedBy: "Quản trị"));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/me")).StatusCode);
    }

    private static PortalFactory Portal(TestClock clock) =>
        new(TestDatabase.Sqlite(), new Dictionary<string, string> { ["Portal:SessionRecheck"] = "00:00:30" }, clock);

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("KhuyenCong.Auth=", StringComparison.Ordinal));
}
