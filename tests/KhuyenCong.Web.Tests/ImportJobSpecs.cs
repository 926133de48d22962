using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using KhuyenCong.Data.Identity;
using KhuyenCong.Data.Imports;
using KhuyenCong.Excel;
using KhuyenCong.Web.Pages.Exchange;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// A portal whose confirmed imports of more than 100 rows run as background jobs, polled every 0,2 s, and whose
/// SQLite writers wait at most 1 s for the write lock (so that a write meeting an import is refused quickly).
/// </summary>
public abstract class ImportJobPortalFixture : PortalFixture
{
    public const string Ministry = MinistryOfficer;
    public const string OtherMinistry = "khac.cuc@test.vn";

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Import:BackgroundRows"] = "100";
        settings["Import:JobPollInterval"] = "00:00:00.2";
        settings["Database:BusyTimeoutSeconds"] = "1";
    }

    protected override async Task CreateUsersAsync(PortalFactory factory)
    {
        await base.CreateUsersAsync(factory);
        await factory.CreateUserAsync(OtherMinistry, Domain.Identity.Roles.MinistryOfficer);
    }
}

public sealed class SqliteImportJobFixture : ImportJobPortalFixture
{
    protected override void RequireDatabase()
    {
    }

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresImportJobFixture : ImportJobPortalFixture
{
    protected override void RequireDatabase() => TestDatabase.RequirePostgres();

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

/// <summary>Large imports as background jobs over HTTP: queued, followed on their page, as their owner, all or nothing, on each database.</summary>
public abstract partial class ImportJobSpecs(ImportJobPortalFixture fixture)
{
    [Fact]
    public async Task A_large_import_becomes_a_job_whose_page_shows_its_progress_then_its_result_to_its_owner_only()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(ImportJobPortalFixture.Ministry);
        var prefix = Prefix();
        var book = Book(prefix, 300);
        var token = await PreviewTokenAsync(client, book);

        // Every slot of the import gate is taken (the runner holds one for an instant each time it looks for
        // jobs), so the job waits in the queue where the page can be seen.
        var gate = portal.Services.GetRequiredService<ImportGate>();
        var slots = new List<IDisposable>();
        while (slots.Count < gate.Capacity)
        {
            if (gate.TryEnter() is { } slot)
            {
                slots.Add(slot);
            }
            else
            {
                await Task.Delay(10);
            }
        }
        string jobUrl;
        try
        {
            var confirmed = await client.SubmitAsync("/Exchange", new Dictionary<string, string> { ["token"] = token }, postUrl: "/Exchange?handler=Confirm");
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            jobUrl = confirmed.Headers.Location!.ToString();
            Assert.Matches(@"^/Exchange/Job/\d+$", jobUrl);

            var waiting = await client.GetAsync(jobUrl);
            Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
            Assert.Equal("2", waiting.Headers.GetValues("Refresh").Single());
            var html = HttpForms.Text(await waiting.Content.ReadAsStringAsync());
            Assert.Contains("Đang chờ đến lượt…", html);
            Assert.Contains("Đã kiểm tra 0 / 300 dòng.", html);
            Assert.Equal(0, await CountAsync(portal, prefix));

            // Nobody else sees it: not another ministry officer, not a province officer, not on their Excel page.
            foreach (var email in new[] { ImportJobPortalFixture.OtherMinistry, ImportJobPortalFixture.OfficerBacNinh })
            {
                var other = portal.Browser();
                await other.SignInOkAsync(email);
                Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(jobUrl)).StatusCode);
                Assert.DoesNotContain($"href=\"{jobUrl}\"", await other.GetPageAsync("/Exchange"));
            }

            Assert.Equal(HttpStatusCode.Redirect, (await portal.Browser().GetAsync(jobUrl)).StatusCode);
        }
        finally
        {
            slots.ForEach(s => s.Dispose());
        }

        var done = await UntilDoneAsync(client, jobUrl);
        Assert.Contains("Đã nhập toàn bộ sổ tính (300 dòng)", done);
        Assert.Contains("<tr><td>DeAn</td><td class=\"num\">300</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>", done);
        Assert.Equal(300, await CountAsync(portal, prefix));

        // Recorded as the owner's import, as on the page: every project's audit entry names the owner.
        var ownerId = await UserIdAsync(portal, ImportJobPortalFixture.Ministry);
        var authors = await portal.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Project" && db.Projects.Any(p => p.Id == a.ProjectId && p.Code.StartsWith(prefix)))
            .Select(a => a.UserId).ToListAsync());
        Assert.Equal(300, authors.Count);
        Assert.All(authors, a => Assert.Equal(ownerId, a));

        var excel = HttpForms.Text(await client.GetPageAsync("/Exchange"));
        Assert.Contains("Lượt nhập lớn gần đây của tôi", excel);
        Assert.Contains($"<a href=\"{jobUrl}\">nhap-lon.xlsx</a>", excel);
    }

    [Fact]
    public async Task A_job_with_a_bad_row_writes_nothing_and_lists_the_same_errors_as_the_import_on_the_page()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(ImportJobPortalFixture.OfficerBacNinh);
        var prefix = Prefix();
        var book = Book(prefix, 150, draft: true);
        var token = await PreviewTokenAsync(client, book);

        // Between the preview and the confirmation, Hà Nội registers a project under the code of row 101.
        var taken = $"{prefix}-0100";
        var hanoi = await ImportSpecs.ImportAsync(portal, ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Draft(ImportSpecs.ProjectRow(taken, "01"))).Bytes(),
            await ActorAsync(portal, ImportJobPortalFixture.OfficerHanoi));
        Assert.True(hanoi.Written, string.Join("\n", hanoi.Errors));

        var expected = await ImportSpecs.ImportAsync(portal, book, await ActorAsync(portal, ImportJobPortalFixture.OfficerBacNinh));
        Assert.False(expected.Written);
        Assert.Equal(1, await CountAsync(portal, prefix));

        var confirmed = await client.SubmitAsync("/Exchange", new Dictionary<string, string> { ["token"] = token }, postUrl: "/Exchange?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var done = await UntilDoneAsync(client, confirmed.Headers.Location!.ToString());

        Assert.Contains("Sổ tính có 1 lỗi; chưa ghi gì. Hãy sửa rồi tải lên lại.", done);
        var shown = ErrorRow().Matches(HttpForms.Cells(done)).Select(m => $"{m.Groups[1].Value}!{m.Groups[2].Value}: {m.Groups[3].Value}: {m.Groups[4].Value}").ToList();
        Assert.Equal(expected.Errors.Select(e => e.ToString()), shown);
        Assert.Equal("DeAn!101", Assert.Single(shown)[..8]);
        Assert.EndsWith(": Bạn chỉ được nhập dữ liệu của tỉnh, thành phố mình.", shown[0]);
        Assert.Equal(1, await CountAsync(portal, prefix));
    }

    [Fact]
    public async Task A_job_left_running_by_a_stopped_instance_is_failed_with_a_message_and_nothing_written()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(ImportJobPortalFixture.Ministry);
        var prefix = Prefix();
        var ownerId = await UserIdAsync(portal, ImportJobPortalFixture.Ministry);
        var id = await portal.WithDbAsync(async db =>
        {
            var job = new ImportJob
            {
                OwnerId = ownerId, FileName = "bi-dung.xlsx", Content = Book(prefix, 150), TotalRows = 150, State = ImportJobState.Running,
                RowsChecked = 0, CreatedAtUtc = DateTime.UtcNow.AddMinutes(-10), StartedAtUtc = DateTime.UtcNow.AddMinutes(-10),
                ClaimedBy = "may-da-tat-1234", HeartbeatAtUtc = DateTime.UtcNow.AddMinutes(-10),
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        var done = await UntilDoneAsync(client, $"/Exchange/Job/{id}");
        Assert.Contains("Lượt nhập không hoàn thành", done);
        Assert.Contains(ImportJobs.Interrupted, done);
        Assert.Equal(0, await CountAsync(portal, prefix));
        Assert.Equal(0, await portal.WithDbAsync(db => db.ImportJobs.Where(j => j.Id == id).Select(j => j.Content.Length).SingleAsync()));
    }

    [Fact]
    public async Task A_large_import_through_the_api_is_recorded_as_made_through_its_token()
    {
        var portal = await fixture.GetAsync();
        var api = await portal.ApiClientAsync(ImportJobPortalFixture.Ministry);
        var prefix = Prefix();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Book(prefix, 150));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "nhap-qua-api.xlsx");
        var queued = await api.PostAsync("/api/v1/imports", form);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);

        var jobUrl = queued.Headers.Location!.ToString();
        var until = DateTime.UtcNow.AddMinutes(3);
        string state;
        do
        {
            await Task.Delay(200);
            using var job = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync(jobUrl));
            state = job.RootElement.GetProperty("state").GetString()!;
            Assert.True(DateTime.UtcNow < until, "The job did not end within 3 minutes.");
        }
        while (state is "Queued" or "Running");

        Assert.Equal("Succeeded", state);
        var names = await portal.WithDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == "Project" && db.Projects.Any(p => p.Id == a.ProjectId && p.Code.StartsWith(prefix)))
            .Select(a => a.UserName).Distinct().ToListAsync());
        Assert.EndsWith("(qua API, mã «thử nghiệm»)", Assert.Single(names));
    }

    [Fact]
    public async Task A_job_whose_token_was_revoked_before_it_ran_writes_nothing_and_says_why()
    {
        var portal = await fixture.GetAsync();
        var prefix = Prefix();
        var ownerId = await UserIdAsync(portal, ImportJobPortalFixture.Ministry);
        await portal.CreateTokenAsync(ImportJobPortalFixture.Ministry, "thu hồi trước khi chạy");
        var id = await portal.WithDbAsync(async db =>
        {
            var token = await db.ApiTokens.SingleAsync(t => t.UserId == ownerId && t.Name == "thu hồi trước khi chạy");
            token.RevokedAtUtc = DateTime.UtcNow;
            token.RevokedBy = "Quản trị";
            var job = new ImportJob
            {
                OwnerId = ownerId, ApiTokenId = token.Id, FileName = "qua-api.xlsx", Content = Book(prefix, 150), TotalRows = 150,
                State = ImportJobState.Queued, CreatedAtUtc = DateTime.UtcNow,
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        var client = portal.Browser();
        await client.SignInOkAsync(ImportJobPortalFixture.Ministry);
        var done = await UntilDoneAsync(client, $"/Exchange/Job/{id}");
        Assert.Contains(ImportJobs.TokenNoLongerValid, done);
        Assert.Equal(0, await CountAsync(portal, prefix));
    }

    internal static string Prefix() => $"J{Guid.NewGuid():N}"[..9].ToUpperInvariant();

    internal static byte[] Book(string prefix, int rows, bool draft = false) =>
        ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
            [.. Enumerable.Range(1, rows).Select(i => draft ? Draft(ImportSpecs.ProjectRow($"{prefix}-{i:0000}")) : ImportSpecs.ProjectRow($"{prefix}-{i:0000}"))]).Bytes();

    internal static async Task<string> PreviewTokenAsync(HttpClient client, byte[] book)
    {
        var token = HttpForms.Token(await client.GetPageAsync("/Exchange"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(book);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "nhap-lon.xlsx");
        var preview = await client.PostAsync("/Exchange?handler=Preview", form);
        var html = HttpForms.Text(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Kết quả kiểm tra: không có lỗi", html);
        return HttpForms.Field(html, "token");
    }

    /// <summary>Follows the job page as the browser would (it refreshes itself) until the job has ended.</summary>
    internal static async Task<string> UntilDoneAsync(HttpClient client, string jobUrl, Action<string>? whileRunning = null)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var response = await client.GetAsync(jobUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = HttpForms.Text(await response.Content.ReadAsStringAsync());
            if (!response.Headers.Contains("Refresh"))
            {
                return html;
            }

            whileRunning?.Invoke(html);
            Assert.True(DateTime.UtcNow < until, "The job did not end within 3 minutes.");
            await Task.Delay(200);
        }
    }

    internal static Task<int> CountAsync(PortalFactory portal, string prefix) =>
        portal.WithDbAsync(db => db.Projects.CountAsync(p => p.Code.StartsWith(prefix)));

    private static Task<string> UserIdAsync(PortalFactory portal, string email) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The user as the page sees them (role, province and its predecessors).</summary>
    private static async Task<Domain.Projects.ProjectActor> ActorAsync(PortalFactory portal, string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        return ProjectScope.Actor(principal, await scope.ServiceProvider.GetRequiredService<Data.Geography>().DirectoryAsync());
    }

    private static object?[] Draft(object?[] row)
    {
        (row[9], row[11]) = (null, "Nháp");
        return row;
    }

    [GeneratedRegex("""<tr><td>(\w+)</td><td>(\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>""")]
    private static partial Regex ErrorRow();
}

public sealed class ImportJobsOnSqlite(SqliteImportJobFixture fixture) : ImportJobSpecs(fixture), IClassFixture<SqliteImportJobFixture>;

public sealed class ImportJobsOnPostgreSql(PostgresImportJobFixture fixture) : ImportJobSpecs(fixture), IClassFixture<PostgresImportJobFixture>;

/// <summary>
/// SQLite has one writer: while a background job holds its import's transaction, readers must still get their
/// pages (WAL: the last committed snapshot) and a small save must either wait and go through or be refused with
/// the Vietnamese message; no request may answer 5xx.
/// </summary>
public sealed class ImportJobConcurrencyOnSqlite(SqliteImportJobFixture fixture) : IClassFixture<SqliteImportJobFixture>
{
    [Fact]
    public async Task Pages_are_read_and_small_saves_answered_without_a_5xx_while_a_large_import_runs()
    {
        var portal = await fixture.GetAsync();
        var importer = portal.Browser();
        await importer.SignInOkAsync(ImportJobPortalFixture.Ministry);
        var prefix = ImportJobSpecs.Prefix();
        var token = await ImportJobSpecs.PreviewTokenAsync(importer, ImportJobSpecs.Book(prefix, 4000));
        var drafts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            drafts.Add(await new ProjectBuilder(portal).In("24", 2026).SaveAsync());
        }

        var reader = portal.Browser();
        await reader.SignInOkAsync(ImportJobPortalFixture.OtherMinistry);
        var writer = portal.Browser();
        await writer.SignInOkAsync(ImportJobPortalFixture.OfficerBacNinh);

        var confirmed = await importer.SubmitAsync("/Exchange", new Dictionary<string, string> { ["token"] = token }, postUrl: "/Exchange?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var jobUrl = confirmed.Headers.Location!.ToString();

        var answers = new System.Collections.Concurrent.ConcurrentBag<(string What, HttpStatusCode Status, bool Running, string Body)>();
        using var stop = new CancellationTokenSource();
        var running = 0;
        async Task ReadAsync(HttpClient client, string url)
        {
            while (!stop.IsCancellationRequested)
            {
                var during = Volatile.Read(ref running) == 1;
                var response = await client.GetAsync(url, CancellationToken.None);
                answers.Add(($"GET {url}", response.StatusCode, during, ""));
            }
        }

        async Task WriteAsync()
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var during = Volatile.Read(ref running) == 1;
                var response = await ProjectUploadSpecs.UploadAsync(writer, "/Projects", drafts[n % drafts.Count], $"ho-so-{n}.pdf", HostileUploadSpecs.Pdf());
                answers.Add(("POST upload", response.StatusCode, during, HttpForms.Text(await response.Content.ReadAsStringAsync(CancellationToken.None))));
                n++;
                await Task.Delay(300, CancellationToken.None);
            }
        }

        var load = new[] { ReadAsync(reader, "/"), ReadAsync(reader, "/Projects"), ReadAsync(reader, "/Exchange"), ReadAsync(writer, "/Plans"), WriteAsync() };
        string done;
        try
        {
            done = await ImportJobSpecs.UntilDoneAsync(importer, jobUrl, html =>
                Volatile.Write(ref running, html.Contains("data-state=\"Running\"", StringComparison.Ordinal) ? 1 : 0));
            Volatile.Write(ref running, 0);
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(load);
        }

        Assert.Contains("Đã nhập toàn bộ sổ tính (4.000 dòng)", done);
        Assert.Equal(4000, await ImportJobSpecs.CountAsync(portal, prefix));
        Assert.Empty(answers.Where(a => (int)a.Status >= 500).Select(a => $"{a.What} {(int)a.Status}"));
        Assert.All(answers.Where(a => a.What.StartsWith("GET", StringComparison.Ordinal)), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Where(a => a.What.StartsWith("POST", StringComparison.Ordinal)), a =>
        {
            if (a.Status != HttpStatusCode.Redirect)
            {
                Assert.Equal(HttpStatusCode.Conflict, a.Status);
                Assert.Contains(Hosting.DatabaseBusy.Message, a.Body);
            }
        });
        Assert.Contains(answers, a => a.Running && a.What == "GET /Projects");
        Assert.Contains(answers, a => a.Running && a.What == "POST upload");
    }
}
