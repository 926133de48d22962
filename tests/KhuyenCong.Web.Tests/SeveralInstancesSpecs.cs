using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Npgsql;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Two real portal processes on one PostgreSQL database, reached on two ports with nothing in between (issue 14,
/// docs/operations.md "Several instances"): each has its own data root, memory and Data Protection services; only
/// the database and the documents folder are shared. One browser (one cookie jar) talks to both, as behind a
/// load balancer without sticky sessions.
/// </summary>
public sealed class SeveralInstancesSpecs(TwoProcessesFixture fixture) : IClassFixture<TwoProcessesFixture>
{
    [Fact]
    public async Task Started_at_once_on_a_fresh_database_the_two_instances_share_one_data_protection_key()
    {
        var portals = await fixture.GetAsync();

        Assert.Equal(1L, await portals.ScalarAsync<long>("SELECT count(*) FROM \"DataProtectionKeys\""));
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_a_sign_in_on_the_other_and_a_project_form_from_ones_page_is_written_by_the_other()
    {
        var portals = await fixture.GetAsync();
        using var browser = portals.Browser();
        await browser.OnA.SignInOkAsync(TwoProcessesFixture.Officer);

        var home = await browser.OnB.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Người thử ProvinceOfficer", HttpForms.Text(await home.Content.ReadAsStringAsync()));

        var title = $"Đề án hai máy {Guid.NewGuid():N}"[..24];
        var search = "/Projects?q=" + Uri.EscapeDataString(title);
        Assert.Contains("Chưa có đề án nào khớp điều kiện lọc.", HttpForms.Text(await browser.OnB.GetPageAsync(search)));
        var pageFromB = await browser.OnB.GetPageAsync("/Projects/Edit");
        var created = await browser.OnA.PostAsync("/Projects/Edit", new FormUrlEncodedContent(
            ProjectLifecycleSpecs.DraftFields(pageFromB, "KCQG", title).Append(new("__RequestVerificationToken", HttpForms.Token(pageFromB)))));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.ToString();
        Assert.Contains(title, HttpForms.Text(await browser.OnB.GetPageAsync(details)));
        // The rows of a list are read fresh on every instance; only its total may lag (ProjectListCounts.Lifetime).
        Assert.Contains(title, HttpForms.Text(await browser.OnB.GetPageAsync(search)));
    }

    [Fact]
    public async Task The_second_sign_in_step_started_on_one_instance_is_finished_on_the_other()
    {
        var portals = await fixture.GetAsync();
        using var browser = portals.Browser();

        var password = await browser.OnA.PasswordStepAsync(TwoProcessesFixture.Admin);
        Assert.StartsWith("/Account/TwoFactor", password.Headers.Location!.ToString());
        var code = await browser.OnB.SubmitAsync(password.Headers.Location!.ToString(),
            new Dictionary<string, string> { ["Code"] = TestTotp.Code(TestUsers.AuthenticatorKey) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.DoesNotContain("/Account", code.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.OnA.GetAsync("/Admin/Users")).StatusCode);
    }

    [Fact]
    public async Task An_excel_preview_made_on_one_instance_is_confirmed_on_the_other_once()
    {
        var portals = await fixture.GetAsync();
        using var browser = portals.Browser();
        await browser.OnA.SignInOkAsync(TwoProcessesFixture.Ministry);
        var decision = $"{Guid.NewGuid():N}"[..8] + "/QĐ-BCT";
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders, [2026, "48", "KCQG", "2.500.000.000", decision, "12/01/2026"]).Bytes();

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(HttpForms.Token(await browser.OnA.GetPageAsync("/Exchange"))), "__RequestVerificationToken");
        var file = new ByteArrayContent(book);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "hai-may.xlsx");
        var preview = await browser.OnA.PostAsync("/Exchange?handler=Preview", form);
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Kết quả kiểm tra: không có lỗi", HttpForms.Text(previewPage));

        // The confirmation form as A rendered it (its anti-forgery token and preview token), sent to B, twice.
        Task<HttpResponseMessage> ConfirmOnB() => browser.OnB.PostAsync("/Exchange?handler=Confirm", new FormUrlEncodedContent(
        [
            new("token", HttpForms.Field(previewPage, "token")),
            new("__RequestVerificationToken", HttpForms.Token(previewPage)),
        ]));
        var confirmed = await ConfirmOnB();
        var again = await ConfirmOnB();

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("Bản xem trước đã hết hạn hoặc không thuộc về bạn; hãy tải tệp lên lại.", HttpForms.Text(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1L, await portals.ScalarAsync<long>("SELECT count(*) FROM \"AnnualPlans\" WHERE \"DecisionNumber\" = @p", decision));
    }

    [Fact]
    public async Task A_document_uploaded_on_one_instance_downloads_from_the_other_with_the_same_bytes()
    {
        var portals = await fixture.GetAsync();
        using var browser = portals.Browser();
        await browser.OnA.SignInOkAsync(TwoProcessesFixture.Officer);
        var page = await browser.OnA.GetPageAsync("/Projects/Edit");
        var created = await browser.OnA.SubmitAsync("/Projects/Edit", ProjectLifecycleSpecs.DraftFields(page, "KCQG", "Đề án có hồ sơ trên hai máy"), page: page);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var content = HostileUploadSpecs.Pdf(padding: 5000);

        var upload = await ProjectUploadSpecs.UploadAsync(browser.OnA, "/Projects", id, "du-toan.pdf", content);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var documentId = await portals.ScalarAsync<int>("SELECT \"Id\" FROM \"ProjectDocuments\" WHERE \"ProjectId\" = @p", id);
        var download = await browser.OnB.GetAsync($"/Projects/Details/{id}?handler=Document&documentId={documentId}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_user_disabled_on_one_instance_is_signed_out_there_at_once_and_on_the_other_within_the_recheck_interval()
    {
        var portals = await fixture.GetAsync();
        using var viewer = portals.Browser();
        await viewer.OnB.SignInOkAsync(TwoProcessesFixture.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.OnB.GetAsync("/")).StatusCode);
        var cookie = viewer.AuthCookie();
        using var admin = portals.Browser();
        await admin.OnA.SignInOkAsync(TwoProcessesFixture.Admin);
        var userId = await portals.ScalarAsync<string>("SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = @p", TwoProcessesFixture.Viewer.ToUpperInvariant());
        var edit = $"/Admin/Users/Edit/{userId}";
        var editPage = await admin.OnA.GetPageAsync(edit);

        var disabled = await admin.OnA.SubmitAsync(edit, new Dictionary<string, string> { ["ConcurrencyStamp"] = HttpForms.Field(editPage, "ConcurrencyStamp") },
            postUrl: edit + "?handler=Disable", page: editPage);
        var clock = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("/Account/Login", (await portals.WithCookieAsync(portals.A, cookie, "/")).Headers.Location?.ToString() ?? "(no redirect)");
        HttpResponseMessage onB;
        do
        {
            onB = await viewer.OnB.GetAsync("/");
            if (onB.StatusCode == HttpStatusCode.OK)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        while (onB.StatusCode == HttpStatusCode.OK && clock.Elapsed < TwoProcessesFixture.Recheck + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Redirect, onB.StatusCode);
        Assert.Contains("/Account/Login", onB.Headers.Location!.ToString());
        Assert.True(clock.Elapsed < TwoProcessesFixture.Recheck + TimeSpan.FromSeconds(5), $"ended on B after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_password_changed_on_one_instance_ends_the_users_other_session_on_the_other_instance_within_the_recheck_interval()
    {
        var portals = await fixture.GetAsync();
        using var laptop = portals.Browser();
        using var phone = portals.Browser();
        await laptop.OnA.SignInOkAsync(TwoProcessesFixture.Changer);
        await phone.OnB.SignInOkAsync(TwoProcessesFixture.Changer);
        Assert.Equal(HttpStatusCode.OK, (await phone.OnB.GetAsync("/")).StatusCode);
        const string newPassword = "mat-khau-moi-tren-hai-may";

        var changed = await laptop.OnA.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        var clock = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.OnB.GetAsync("/")).StatusCode);
        HttpResponseMessage onB;
        do
        {
            onB = await phone.OnB.GetAsync("/");
            if (onB.StatusCode == HttpStatusCode.OK)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        while (onB.StatusCode == HttpStatusCode.OK && clock.Elapsed < TwoProcessesFixture.Recheck + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Redirect, onB.StatusCode);
        Assert.Contains("/Account/Login", onB.Headers.Location!.ToString());
        Assert.True(clock.Elapsed < TwoProcessesFixture.Recheck + TimeSpan.FromSeconds(5), $"ended on B after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(HttpStatusCode.OK, (await laptop.OnB.GetAsync("/")).StatusCode);
    }
}

/// <summary>
/// One fresh PostgreSQL database, one shared documents folder, and two portal processes started at the same moment
/// on it (each migrating at start, each with its own data root); the users are made with the create-user verb.
/// </summary>
public sealed class TwoProcessesFixture : IAsyncDisposable
{
    public const string Officer = "canbo.haimay@test.vn";
    public const string Ministry = "cuc.haimay@test.vn";
    public const string Admin = "quantri.haimay@test.vn";
    public const string Viewer = "xem.haimay@test.vn";
    public const string Changer = "doimatkhau.haimay@test.vn";

    /// <summary>Portal:SessionRecheck of both instances: how long another instance may still accept an ended session.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"kc-two-{Guid.NewGuid():N}")).FullName;
    private TestDatabase? _database;
    private Task? _start;

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    /// <summary>Starts everything on first use; a start that failed fails every test of the class the same way.</summary>
    public async Task<TwoProcessesFixture> GetAsync()
    {
        TestDatabase.RequirePostgres();
        await _gate.WaitAsync();
        try
        {
            _start ??= StartAsync();
        }
        finally
        {
            _gate.Release();
        }

        await _start;
        return this;
    }

    private async Task StartAsync()
    {
        _database = await TestDatabase.PostgresAsync();
        var documents = Directory.CreateDirectory(Path.Combine(_folder, "shared-documents")).FullName;
        var starts = new[] { "a", "b" }.Select(name => PortalProcess.StartAsync(Settings(name, documents))).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            // Whatever started is stopped at disposal, even when the other did not.
            A = starts[0].IsCompletedSuccessfully ? starts[0].Result : null!;
            B = starts[1].IsCompletedSuccessfully ? starts[1].Result : null!;
        }

        await Task.WhenAll(
            CreateUserAsync(Officer, "ProvinceOfficer", "--province", "24"),
            CreateUserAsync(Ministry, "MinistryOfficer"),
            CreateUserAsync(Admin, "Admin"),
            CreateUserAsync(Viewer, "Viewer"),
            CreateUserAsync(Changer, "Viewer"));
        await EnrolAsync(Admin);
    }

    /// <summary>A browser: one cookie jar (cookies are not bound to a port), with a client for each instance.</summary>
    public SharedBrowser Browser() => new(A.Address, B.Address);

    /// <summary>A request to one instance carrying a copied authentication cookie and nothing else.</summary>
    public async Task<HttpResponseMessage> WithCookieAsync(PortalProcess portal, string cookie, string url)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = portal.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("p", parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var portal in new[] { A, B })
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
        _gate.Dispose();
    }

    private Dictionary<string, string> Settings(string instance, string documents)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KhuyenCong"] = _database!.ConnectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Portal__RequireHttps"] = "false",
            ["Portal__CreateDemoAccounts"] = "false",
            ["Portal__DataRoot"] = Directory.CreateDirectory(Path.Combine(_folder, "root-" + instance)).FullName,
            ["Documents__Path"] = documents,
            ["Portal__SessionRecheck"] = "00:00:02",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "SecondFactorPerAddress", "PasswordChangesPerUser", "UploadsPerUser", "ImportsPerUser" })
        {
            settings["RateLimits__" + limit] = "1000000";
        }

        return settings;
    }

    private async Task CreateUserAsync(string email, string role, params string[] more)
    {
        // As an operator runs verbs next to running instances: the database is already migrated.
        var settings = Settings("cli", Path.Combine(_folder, "shared-documents"));
        settings["Database__MigrateOnStartup"] = "false";
        var (exitCode, output) = await PortalProcess.RunVerbAsync(settings,
            ["create-user", "--email", email, "--password", TestUsers.Password, "--role", role, "--name", "Người thử " + role, .. more]);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>What enrolment writes (the authenticator key, second factor on), with the test key, straight into the database.</summary>
    private async Task EnrolAsync(string email)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value")
                SELECT "Id", '[AspNetUserStore]', 'AuthenticatorKey', @key FROM "AspNetUsers" WHERE "NormalizedEmail" = @email;
            UPDATE "AspNetUsers" SET "TwoFactorEnabled" = true WHERE "NormalizedEmail" = @email;
            """, connection);
        command.Parameters.AddWithValue("key", TestUsers.AuthenticatorKey);
        command.Parameters.AddWithValue("email", email.ToUpperInvariant());
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One cookie jar shared by a client to each of two instances.</summary>
public sealed class SharedBrowser : IDisposable
{
    private readonly System.Net.CookieContainer _cookies = new();
    private readonly SocketsHttpHandler _handler;

    public SharedBrowser(Uri a, Uri b)
    {
        _handler = new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false };
        OnA = new HttpClient(_handler, disposeHandler: false) { BaseAddress = a };
        OnB = new HttpClient(_handler, disposeHandler: false) { BaseAddress = b };
    }

    public HttpClient OnA { get; }

    public HttpClient OnB { get; }

    /// <summary>The authentication cookie as a <c>Cookie</c> header value, to replay elsewhere.</summary>
    public string AuthCookie() =>
        _cookies.GetCookies(OnA.BaseAddress!).Single(c => c.Name == "KhuyenCong.Auth").ToString();

    public void Dispose()
    {
        OnA.Dispose();
        OnB.Dispose();
        _handler.Dispose();
    }
}
