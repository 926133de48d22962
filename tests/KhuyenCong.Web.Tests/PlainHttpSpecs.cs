using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The portal in Production (Portal:RequireHttps true by default) reached over plain HTTP: the sign-in page, the
/// error page and a sign-in post answered 500 (anti-forgery: not an SSL request). Now they are redirected to HTTPS
/// when its port is known, or answered 400 with a Vietnamese page; behind a TLS proxy with forwarded headers on,
/// the same requests work.
/// </summary>
public sealed class PlainHttpSpecs
{
    private const string HttpsPage = "Cổng thông tin khuyến công chỉ mở qua kết nối an toàn HTTPS";

    [Fact]
    public async Task Without_a_known_https_port_pages_and_posts_over_http_get_a_vietnamese_400_not_a_500()
    {
        await using var database = TestDatabase.Sqlite();
        await using var portal = new PortalFactory(database);
        var client = Plain(portal);

        foreach (var path in new[] { "/Account/Login", "/Error", "/Error?code=404", "/Projects" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var text = HttpForms.Text(await response.Content.ReadAsStringAsync());
            Assert.Contains(HttpsPage, text);
            Assert.Contains("Portal__TrustForwardedHeaders=true", text);
        }

        var post = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "ai@test.vn",
            ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains(HttpsPage, HttpForms.Text(await post.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task With_a_known_https_port_requests_over_http_are_redirected_to_https()
    {
        await using var database = TestDatabase.Sqlite();
        await using var portal = new PortalFactory(database, new Dictionary<string, string> { ["https_port"] = "443" });
        var client = Plain(portal);

        var login = await client.GetAsync("/Account/Login?ReturnUrl=%2FProjects");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, login.StatusCode);
        Assert.Equal("https://localhost/Account/Login?ReturnUrl=%2FProjects", login.Headers.Location!.ToString());

        var error = await client.GetAsync("/Error");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);

        var post = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "ai@test.vn" }));
        Assert.True((int)post.StatusCode < 500, $"POST over http answered {(int)post.StatusCode}");
        Assert.Equal("https", post.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_with_forwarded_headers_trusted_the_user_signs_in_over_the_proxy()
    {
        await using var database = TestDatabase.Sqlite();
        await using var portal = new PortalFactory(database, new Dictionary<string, string> { ["Portal:TrustForwardedHeaders"] = "true" });
        await portal.StartAsync();
        await portal.CreateUserAsync("sau-proxy@test.vn", Roles.Viewer);
        // The proxy talks plain HTTP to the portal; the browser's cookies (Secure) travel on its HTTPS side, so the
        // test carries them by hand: a cookie container would not send Secure cookies over http.
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://localhost") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var page = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.Contains("secure", page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("KhuyenCong.Csrf=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "sau-proxy@test.vn",
                ["Input.Password"] = TestUsers.Password,
                ["__RequestVerificationToken"] = HttpForms.Token(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));

        var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("KhuyenCong.Auth=", StringComparison.Ordinal));
    }

    private static HttpClient Plain(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
}
