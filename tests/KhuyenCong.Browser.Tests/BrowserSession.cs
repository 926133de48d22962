using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>
/// The portal on a real Kestrel port with a fresh SQLite database, and Debian's Chromium driven by Playwright
/// (never a downloaded browser). Screenshots go to test-artifacts/ at the repository root.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumVariable = "KHUYENCONG_TEST_CHROMIUM";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserSession(PortalFactory portal, string baseUrl)
    {
        Portal = portal;
        BaseUrl = baseUrl;
    }

    public PortalFactory Portal { get; }

    public string BaseUrl { get; }

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static async Task<BrowserSession> StartAsync()
    {
        var chromium = ChromiumPath;
        Optional.Require(chromium is not null && File.Exists(chromium),
            $"Chromium: install Debian's chromium (/usr/bin/chromium) or set {ChromiumVariable} (.ci/run does).");

        // Production settings, served over plain HTTP on loopback as in a local trial (Portal:RequireHttps=false).
        var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string> { ["Portal:RequireHttps"] = "false" });
        portal.UseKestrel(0);
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var session = new BrowserSession(portal, address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return session;
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in by the form; when the portal asks for the second step, types the code the test authenticator shows
    /// (<paramref name="authenticatorKey"/>, by default the key every test approver and administrator enrolled).
    /// </summary>
    public async Task SignInAsync(IPage page, string email, string password = TestUsers.Password, string authenticatorKey = TestUsers.AuthenticatorKey)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 10_000 });
            if (page.Url.Contains("/Account/TwoFactor", StringComparison.Ordinal))
            {
                await page.GetByLabel("Mã xác thực").FillAsync(TestTotp.Code(authenticatorKey));
                await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
                await page.WaitForURLAsync(url => !url.Contains("/Account/TwoFactor", StringComparison.Ordinal), new() { Timeout = 10_000 });
            }
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync(page, "sign-in-failed");
            throw;
        }
    }

    /// <summary>Where screenshots go (test-artifacts at the repository root), created on first use.</summary>
    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "test-artifacts")).FullName;

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KhuyenCong.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
        await Portal.Database.DisposeAsync();
    }
}
