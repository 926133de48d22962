using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Personal access tokens as their owners live with them: made on /Account/Tokens and shown once, kept only as a
/// hash, refused (401 problem) once revoked, expired or when the account is disabled, never usable by another user's
/// hand, never replaced by the sign-in cookie, and limited per token (429 with Retry-After).
/// </summary>
public abstract class ApiTokenSpecs(PortalFixture fixture)
{

    private static HttpClient Api(PortalFactory portal, string secret) => portal.ApiClient(secret);

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Chưa xác thực", problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    private static async Task<(HttpClient Browser, string Secret)> MakeOnThePageAsync(PortalFactory portal, string email, string name)
    {
        var browser = portal.Browser();
        await browser.SignInOkAsync(email);
        var made = await browser.SubmitAsync("/Account/Tokens",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Days"] = "30" }, "/Account/Tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Contains("no-store", made.Headers.CacheControl?.ToString() ?? string.Empty);
        var html = await made.Content.ReadAsStringAsync();
        var secret = Regex.Match(html, "value=\"(kc_[A-Za-z0-9_-]+)\"").Groups[1].Value;
        Assert.StartsWith("kc_", secret);
        return (browser, secret);
    }

    [Fact]
    public async Task A_token_made_on_the_page_acts_as_its_user_is_stored_only_as_a_hash_and_is_shown_once()
    {
        var portal = await fixture.GetAsync();
        var name = "Thống kê " + Guid.NewGuid().ToString("N")[..6];
        var (browser, secret) = await MakeOnThePageAsync(portal, PortalFixture.OfficerBacNinh, name);

        var me = await Api(portal, secret).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using (var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ProvinceOfficer", body.RootElement.GetProperty("role").GetString());
            Assert.Equal("24", body.RootElement.GetProperty("provinceCode").GetString());
            Assert.Equal(name, body.RootElement.GetProperty("tokenName").GetString());
        }

        var (hash, audit) = await portal.WithDbAsync(async db => (
            await db.ApiTokens.Where(t => t.Name == name).Select(t => t.SecretHash).SingleAsync(),
            await db.AuditEntries.Where(a => a.EntityType.Contains("ApiToken")).Select(a => (a.After ?? "") + (a.Before ?? "")).ToListAsync()));
        Assert.NotEqual(secret, hash);
        Assert.Equal(KhuyenCong.Web.Api.ApiTokens.Hash(secret), hash);
        Assert.DoesNotContain(audit, a => a.Contains(secret, StringComparison.Ordinal) || a.Contains(hash, StringComparison.Ordinal));

        // The list (GET) names the token and its last use but never shows the secret again.
        var list = await browser.GetPageAsync("/Account/Tokens");
        Assert.Contains(name, list);
        Assert.DoesNotContain(secret, list);
    }

    [Fact]
    public async Task A_token_revoked_on_the_page_gets_401_and_another_user_cannot_revoke_it()
    {
        var portal = await fixture.GetAsync();
        var (owner, secret) = await MakeOnThePageAsync(portal, PortalFixture.OfficerBacNinh, "Thu hồi " + Guid.NewGuid().ToString("N")[..6]);
        var id = await portal.WithDbAsync(db => db.ApiTokens.Where(t => t.SecretHash == KhuyenCong.Web.Api.ApiTokens.Hash(secret)).Select(t => t.Id).SingleAsync());

        var stranger = portal.Browser();
        await stranger.SignInOkAsync(PortalFixture.OfficerHanoi);
        var refused = await stranger.SubmitAsync("/Account/Tokens", new Dictionary<string, string>(), $"/Account/Tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api(portal, secret).GetAsync("/api/v1/me")).StatusCode);

        var revoked = await owner.SubmitAsync("/Account/Tokens", new Dictionary<string, string>(), $"/Account/Tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await AssertUnauthorizedAsync(await Api(portal, secret).GetAsync("/api/v1/me"));

        // Who revoked it is written by name and role, as people know each other, not by sign-in e-mail.
        var list = await owner.GetPageAsync("/Account/Tokens");
        Assert.Contains("bởi Người thử ProvinceOfficer (", list);
        Assert.DoesNotContain("bởi " + PortalFixture.OfficerBacNinh, list);
    }

    [Fact]
    public async Task An_expired_token_a_disabled_account_and_an_unknown_or_missing_token_get_401()
    {
        var portal = await fixture.GetAsync();
        var expired = await portal.CreateTokenAsync(PortalFixture.OfficerBacNinh, "hết hạn");
        await portal.WithDbAsync(db => db.ApiTokens.Where(t => t.SecretHash == KhuyenCong.Web.Api.ApiTokens.Hash(expired))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        await AssertUnauthorizedAsync(await Api(portal, expired).GetAsync("/api/v1/me"));

        var email = $"tat.{Guid.NewGuid():N}@test.vn";
        await portal.CreateUserAsync(email, Domain.Identity.Roles.ProvinceOfficer, "24");
        var secret = await portal.CreateTokenAsync(email);
        // Disabled before the token's first call; a token already in use stops within the recheck interval (SessionRecheckSpecs).
        await portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        await AssertUnauthorizedAsync(await Api(portal, secret).GetAsync("/api/v1/me"));

        await AssertUnauthorizedAsync(await Api(portal, "kc_" + new string('A', 43)).GetAsync("/api/v1/projects"));
        var anonymous = portal.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        await AssertUnauthorizedAsync(await anonymous.GetAsync("/api/v1/projects"));
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_open_the_api()
    {
        var portal = await fixture.GetAsync();
        var browser = portal.Browser();
        await browser.SignInOkAsync(PortalFixture.MinistryOfficer);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Projects")).StatusCode);
        await AssertUnauthorizedAsync(await browser.GetAsync("/api/v1/me"));
    }

}

public sealed class ApiTokenSqlite(SqlitePortalFixture fixture) : ApiTokenSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ApiTokenPostgreSql(PostgresPortalFixture fixture) : ApiTokenSpecs(fixture), IClassFixture<PostgresPortalFixture>;

/// <summary>The per-token limit, on a portal whose API allows 30 calls a minute per token.</summary>
public sealed class ApiRateLimitSpecs(ApiRateLimitSpecs.Fixture fixture) : IClassFixture<ApiRateLimitSpecs.Fixture>
{
    public sealed class Fixture : PortalFixture
    {
        protected override void RequireDatabase()
        {
        }

        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

        protected override void Configure(IDictionary<string, string> settings) => settings["RateLimits:ApiPerToken"] = "30";
    }

    private static HttpClient Api(PortalFactory portal, string secret) => portal.ApiClient(secret);

    [Fact]
    public async Task A_token_over_its_limit_gets_429_with_retry_after_as_a_problem()
    {
        var portal = await fixture.GetAsync();
        var client = Api(portal, await portal.CreateTokenAsync(PortalFixture.Viewer, "giới hạn"));
        HttpResponseMessage? last = null;
        for (var i = 0; i < 40 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.GetAsync("/api/v1/me");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal("Quá nhiều yêu cầu", problem.RootElement.GetProperty("title").GetString());

        // Another token is not held back by this one.
        Assert.Equal(HttpStatusCode.OK, (await Api(portal, await portal.CreateTokenAsync(PortalFixture.Viewer, "khác")).GetAsync("/api/v1/me")).StatusCode);
    }
    [Fact]
    public async Task The_limit_holds_for_exactly_the_configured_number_of_calls()
    {
        var portal = await fixture.GetAsync();
        var client = Api(portal, await portal.CreateTokenAsync(PortalFixture.Viewer, "đếm"));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/me")).StatusCode);
    }
}
