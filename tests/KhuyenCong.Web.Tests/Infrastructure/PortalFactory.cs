using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using Microsoft.AspNetCore.Identity;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>The real portal over HTTP, in Production mode, on a test database migrated at start.</summary>
public sealed class PortalFactory(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    /// <summary>The data root (Portal:DataRoot) of every test portal unless a test sets its own: one temporary folder.</summary>
    public static string DataRoot { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "kc-test-data-root")).FullName;

    /// <summary>
    /// Dozens of portals run at once in a test run, and every file watcher of each (configuration files, the
    /// versioned static files of asp-append-version) is an inotify instance: Debian's default of 128 per user ran out
    /// in a clean CI run ("The configured user limit (128) on the number of inotify instances has been reached").
    /// Test portals watch by polling instead, which needs no instance.
    /// </summary>
    static PortalFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:KhuyenCong", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Portal:CreateDemoAccounts", "false");
        // The clustered scheduler polls and checks in on the database; the specs that need it (SchedulerSpecs) turn it on.
        builder.UseSetting("Scheduler:Enabled", "false");
        // Specs sign in hundreds of times a minute from one address; the rate-limit specs lower these again.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "SecondFactorPerAddress", "PasswordChangesPerUser", "UploadsPerUser", "ImportsPerUser", "ApiPerToken", "ApiWritesPerToken" })
        {
            builder.UseSetting("RateLimits:" + limit, "1000000");
        }

        // Production refuses a missing data root; the tests' logs (and anything not given a path) go to a temporary one.
        builder.UseSetting("Portal:DataRoot", DataRoot);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>Starts the server; Program's first-start work migrates the database and loads reference data.</summary>
    public Task StartAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, over https as in production.</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>
    /// A user as the create-user verb makes them; one whose role requires a second factor has also enrolled the
    /// test authenticator (<see cref="TestUsers.AuthenticatorKey"/>), so <see cref="HttpForms.SignInAsync"/> passes both steps.
    /// </summary>
    public async Task<string> CreateUserAsync(string email, string role, string? province = null, params string[] regions)
    {
        var id = await CreateUnenrolledUserAsync(email, role, province, regions);
        if (Domain.Identity.Roles.RequiresTwoFactor(role))
        {
            await EnrolTestAuthenticatorAsync(id);
        }

        return id;
    }

    /// <summary>Turns the second factor on with the test key, as if the user had scanned it and typed a code.</summary>
    public async Task EnrolTestAuthenticatorAsync(string userId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var store = (IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await store.SetAuthenticatorKeyAsync(user, TestUsers.AuthenticatorKey, CancellationToken.None);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
    }

    /// <summary>A user who has not enrolled a second factor, whatever the role.</summary>
    public async Task<string> CreateUnenrolledUserAsync(string email, string role, string? province = null, params string[] regions)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var result = await accounts.CreateAsync(
            new UserInput { Email = email, FullName = "Người thử " + role, Role = role, ProvinceCode = province, Regions = [.. regions] },
            TestUsers.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.User!.Id;
    }

    /// <summary>A new personal access token of the user, as the token page or the create-token verb makes one.</summary>
    public async Task<string> CreateTokenAsync(string email, string name = "thử nghiệm", int days = 30)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        Assert.NotNull(user);
        var result = await scope.ServiceProvider.GetRequiredService<Api.ApiTokens>().CreateAsync(user.Id, name, days);
        Assert.Null(result.Error);
        return result.Secret!;
    }

    /// <summary>An API client (no cookies) that sends a new token of the user in every request.</summary>
    public async Task<HttpClient> ApiClientAsync(string email) => ApiClient(await CreateTokenAsync(email));

    /// <summary>An API client (no cookies) that sends this secret in every request.</summary>
    public HttpClient ApiClient(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<KhuyenCongDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KhuyenCongDbContext>());
    }
}

public static class TestUsers
{
    public const string Password = "mot-cum-tu-that-dai-2026";

    /// <summary>The authenticator key of every test user whose role requires a second factor (Base32, 160 bits).</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
}
