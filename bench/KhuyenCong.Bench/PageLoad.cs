using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>
/// The pages people use, under load (issue 14): publishes the portal in Release, starts it on a database of 100,000
/// demo projects (SQLite and, when given, PostgreSQL), signs in 16 users per role and drives each page with them for a
/// few seconds right after driving <c>/health</c> the same way, so that each page's throughput is read as a share of
/// <c>/health</c>'s measured minutes apart on the same machine. Then the same load while a 20,000-row import runs from
/// the command line, and the web process's memory. Prints one table with the targets met or missed.
/// <code>
///   dotnet run -c Release --project bench/KhuyenCong.Bench -- load [--db bench/results/bench.db] [--postgres "Host=…;Database=kcbench"]
///       [--only sqlite|postgres] [--seconds 6] [--users 16] [--web &lt;published folder&gt;] [--pages &lt;text in the page name&gt;[;&lt;another&gt;…]]
/// </code>
/// The run works on a copy (a copied SQLite file, a PostgreSQL database made from the filled one as a template), so
/// the import leaves the filled database as it was.
/// </summary>
internal static partial class PageLoad
{
    private const string Password = "Bench-KhuyenCong-tai-100k";

    /// <summary>Who opens the pages: one account per role, created by the portal's own <c>create-user</c> verb.</summary>
    private static readonly (string Key, string Email, string[] Args)[] Accounts =
    [
        ("cuc", "bench.cuc@khuyencong.local", ["--role", "MinistryOfficer"]),
        ("tinh", "bench.bacninh@khuyencong.local", ["--role", "ProvinceOfficer", "--province", "24"]),
        ("btc", "bench.nam@khuyencong.local", ["--role", "ConferenceOrganiser", "--region", "NAM"]),
        ("xem", "bench.xem@khuyencong.local", ["--role", "Viewer"]),
    ];

    private sealed record Page(string Name, string Account, string Url, double P99Target = 100);

    private sealed record Measure(double Rps, double P50, double P99, int Count, int Errors5xx, int Other, string? FirstOther);

    private sealed record PageResult(Page Page, Measure Health, Measure Load)
    {
        public double Share => Health.Rps == 0 ? 0 : Load.Rps / Health.Rps;

        public bool Met => Load.P99 < Page.P99Target && Share >= 0.25 && Load.Errors5xx == 0 && Load.Other == 0;
    }

    private sealed record DatabaseRun(string Name, List<PageResult> Pages, Measure DuringImport, string ImportNote, double RssMb, double PeakMb, List<string> Notes);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var seconds = double.Parse(Option("--seconds") ?? "6", CultureInfo.InvariantCulture);
        var users = int.Parse(Option("--users") ?? "16", CultureInfo.InvariantCulture);
        var only = Option("--only");
        var pageFilter = Option("--pages");
        var postgres = Option("--postgres") ?? Environment.GetEnvironmentVariable("KHUYENCONG_BENCH_POSTGRES");
        var db = Path.GetFullPath(Option("--db") ?? Path.Combine("bench", "results", "bench.db"));
        var web = Path.GetFullPath(Option("--web") ?? await PublishAsync());

        var runs = new List<DatabaseRun>();
        if (only != "postgres")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(db)!);
            if (!File.Exists(db))
            {
                await BenchDatabase.Sqlite(db).FillAsync();
            }

            await SeedReportsAsync(BenchDatabase.Sqlite(db), web, new() { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__KhuyenCong"] = $"Data Source={db}" });

            var copy = Path.Combine(Path.GetTempPath(), $"kc-load-{Guid.NewGuid():N}.db");
            Console.WriteLine($"Copying {db} for the run…");
            File.Copy(db, copy);
            try
            {
                runs.Add(await RunOnAsync("SQLite", web, new() { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__KhuyenCong"] = $"Data Source={copy}" }, seconds, users, pageFilter));
            }
            finally
            {
                foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }

        if (postgres is not null && only != "sqlite")
        {
            var filled = BenchDatabase.PostgreSql(postgres);
            await using (var context = filled.Create())
            {
                await context.Database.MigrateAsync();
                if (!await context.Projects.AnyAsync())
                {
                    await filled.FillAsync();
                    await context.Database.ExecuteSqlRawAsync("ANALYZE");
                }
            }

            await SeedReportsAsync(filled, web, new() { ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__KhuyenCong"] = postgres });

            var source = new NpgsqlConnectionStringBuilder(postgres);
            var copy = new NpgsqlConnectionStringBuilder(postgres) { Database = $"{source.Database}_load" };
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(postgres, $"DROP DATABASE IF EXISTS \"{copy.Database}\"", $"CREATE DATABASE \"{copy.Database}\" TEMPLATE \"{source.Database}\"");
            try
            {
                runs.Add(await RunOnAsync("PostgreSQL", web, new() { ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__KhuyenCong"] = copy.ConnectionString }, seconds, users, pageFilter));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres, $"DROP DATABASE IF EXISTS \"{copy.Database}\" WITH (FORCE)");
            }
        }

        Print(runs, seconds, users);
        return runs.All(r => r.Pages.All(p => p.Met) && r.DuringImport.Errors5xx == 0 && r.RssMb < 300) ? 0 : 1;
    }

    /// <summary>
    /// The periodic reports of the periods that ended in the last twelve months, as the demo has them, in a filled
    /// database that has none (the filler writes projects and plans only), so that the report pages and a report are
    /// measured with reports in them: the portal's own <c>seed-demo</c> verb, with one more demo project.
    /// </summary>
    private static async Task SeedReportsAsync(BenchDatabase filled, string web, Dictionary<string, string> database)
    {
        await using (var context = filled.Create())
        {
            if (await context.PeriodicReports.AnyAsync())
            {
                return;
            }
        }

        Console.WriteLine("Adding the demo's periodic reports to the filled database…");
        var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(database) { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Portal__DataRoot"] = Directory.CreateTempSubdirectory("kc-seed-").FullName };
        var seeded = await RunAsync("dotnet", [Path.Combine(web, "KhuyenCong.Web.dll"), "seed-demo", "--projects", "1", "--from", year, "--to", year], environment, quiet: true);
        if (seeded.ExitCode != 0)
        {
            throw new InvalidOperationException("seed-demo failed:\n" + seeded.Output);
        }

        // The run copies the SQLite file alone: what seed-demo left in the write-ahead log goes into the file first.
        await using (var context = filled.Create())
        {
            await context.Database.ExecuteSqlRawAsync(filled.Name == "SQLite" ? "PRAGMA wal_checkpoint(TRUNCATE)" : "ANALYZE");
        }
    }

    private static async Task AdminAsync(string connectionString, params string[] statements)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The Release build people deploy (<c>dotnet publish</c>), into bench/results/web.</summary>
    private static async Task<string> PublishAsync()
    {
        var output = Path.GetFullPath(Path.Combine("bench", "results", "web"));
        Console.WriteLine($"Publishing the portal (Release) to {output}…");
        var code = await RunAsync("dotnet", ["publish", "src/KhuyenCong.Web", "-c", "Release", "-o", output, "--nologo", "-v", "q"], null, quiet: true);
        if (code.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + code.Output);
        }

        return output;
    }

    private static async Task<DatabaseRun> RunOnAsync(string name, string web, Dictionary<string, string> database, double seconds, int users, string? pageFilter)
    {
        var dataRoot = Directory.CreateTempSubdirectory("kc-load-").FullName;
        var port = FreePort();
        var environment = new Dictionary<string, string>(database)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portal__RequireHttps"] = "false",
            ["Portal__DataRoot"] = dataRoot,
            ["Portal__SeedDemoProjects"] = "false",
            // Two C allocator arenas, as the Dockerfile and docs/operations.md run the portal; MALLOC_ARENA_MAX=16 in the
            // bench's own environment measures glibc's default (eight per core) instead.
            ["MALLOC_ARENA_MAX"] = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "2",
            // 16 users per role sign in within seconds from one address: the limits that guard sign-in would refuse them.
            ["RateLimits__SignInPerAddress"] = "100000",
            ["RateLimits__SignInPerAccount"] = "100000",
            // 16 clients share one token per role: the per-token API limit (300 a minute) would measure itself.
            ["RateLimits__ApiPerToken"] = "10000000",
        };
        var notes = new List<string>();
        var dll = Path.Combine(web, "KhuyenCong.Web.dll");
        foreach (var (_, email, role) in Accounts)
        {
            var created = await RunAsync("dotnet", [dll, "create-user", "--email", email, "--password", Password, "--name", "Tài khoản đo tải", .. role], environment, quiet: true);
            if (created.ExitCode != 0 && !created.Output.Contains("đã có", StringComparison.OrdinalIgnoreCase) && !created.Output.Contains("đã tồn tại", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"create-user {email}: {created.Output.Trim()}");
            }
        }

        Console.WriteLine($"[{name}] starting the portal on port {port}…");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.WorkingDirectory = web;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var portal = Process.Start(start)!;
        portal.OutputDataReceived += (_, _) => { };
        portal.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.Error.WriteLine($"  [portal] {line}"); } };
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        try
        {
            await WaitHealthyAsync(baseAddress, portal);
            var clients = new Dictionary<string, HttpClient[]>();
            foreach (var (key, email, _) in Accounts)
            {
                clients[key] = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => SignInAsync(baseAddress, email)));
            }

            // The API's callers: a token per role made by the create-token verb, sent as a bearer header (no cookie).
            foreach (var (key, email, _) in Accounts)
            {
                var made = await RunAsync("dotnet", [dll, "create-token", "--email", email, "--name", "Đo tải", "--days", "1"], environment, quiet: true);
                var secret = made.Output.Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith("kc_", StringComparison.Ordinal));
                if (secret is null)
                {
                    notes.Add($"create-token {email}: {made.Output.Trim()}");
                    continue;
                }

                clients["api-" + key] = [.. Enumerable.Range(0, users).Select(_ =>
                {
                    var client = Client(baseAddress);
                    client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
                    return client;
                })];
            }

            var anonymous = Enumerable.Range(0, users).Select(_ => Client(baseAddress)).ToArray();
            var pages = await PagesAsync(clients, notes);
            if (pageFilter is not null)
            {
                var wanted = pageFilter.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                pages = [.. pages.Where(p => wanted.Any(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))];
            }

            // Warm the whole process first (tiered JIT, connection pools, caches), as it would be by mid-morning:
            // /health alone answers at a third of its rate in the first seconds after start.
            await DriveAsync(anonymous, ["/health"], TimeSpan.FromSeconds(3));
            foreach (var page in pages)
            {
                await DriveAsync(clients[page.Account], [page.Url], TimeSpan.FromSeconds(0.5));
            }

            await DriveAsync(anonymous, ["/health"], TimeSpan.FromSeconds(3));
            var results = new List<PageResult>();
            foreach (var page in pages)
            {
                // Warm: the first views build caches and plans, as they would have by mid-morning.
                await DriveAsync(clients[page.Account], [page.Url], TimeSpan.FromSeconds(1));
                var health = await DriveAsync(anonymous, ["/health"], TimeSpan.FromSeconds(seconds));
                var load = await DriveAsync(clients[page.Account], [page.Url], TimeSpan.FromSeconds(seconds));
                var result = new PageResult(page, health, load);
                results.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{name}] {page.Name,-44} {load.Rps,7:0.0} req/s ({result.Share,6:P1} of /health {health.Rps:0}) p99 {load.P99,6:0.0} ms 5xx {load.Errors5xx} other {load.Other}{(load.FirstOther is null ? "" : " (" + load.FirstOther + ")")}"));
            }

            var (during, importNote) = await DuringImportAsync(name, dll, environment, clients, pages);
            var (rss, peak) = Memory(portal.Id);
            notes.Add("resident memory by kind: " + MemoryBreakdown(portal.Id));
            // KHUYENCONG_BENCH_HOLD=seconds keeps the loaded portal up that long, for dotnet-counters or dotnet-gcdump.
            if (double.TryParse(Environment.GetEnvironmentVariable("KHUYENCONG_BENCH_HOLD"), CultureInfo.InvariantCulture, out var hold))
            {
                Console.WriteLine($"[{name}] holding the portal (process {portal.Id}) for {hold} s…");
                await Task.Delay(TimeSpan.FromSeconds(hold));
            }
            return new DatabaseRun(name, results, during, importNote, rss, peak, notes);
        }
        finally
        {
            if (!portal.HasExited)
            {
                portal.Kill(entireProcessTree: true);
                await portal.WaitForExitAsync();
            }

            Directory.Delete(dataRoot, recursive: true);
        }
    }

    /// <summary>The pages of a day's work, each opened by the role that opens it, with ids found on the list pages.</summary>
    private static async Task<List<Page>> PagesAsync(Dictionary<string, HttpClient[]> clients, List<string> notes)
    {
        var list = await clients["tinh"][0].GetStringAsync("/Projects");
        var project = ProjectLink().Match(list) is { Success: true } m ? m.Groups[1].Value : null;
        var periodic = PeriodicLink().Match(await clients["tinh"][0].GetStringAsync("/Reports/Periodic")) is { Success: true } r ? r.Groups[1].Value : null;
        var year = DateTime.UtcNow.Year - 1;
        var pages = new List<Page>
        {
            new("/ (Cục)", "cuc", "/"),
            new("/ (tỉnh)", "tinh", "/"),
            new("/ (ban tổ chức)", "btc", "/"),
            new("/ (người xem)", "xem", "/"),
            new("/Projects (Cục)", "cuc", "/Projects"),
            new("/Projects (tỉnh)", "tinh", "/Projects"),
            new("/Projects?q=bac+ninh", "cuc", "/Projects?q=bac+ninh"),
            new("/Projects?q=chế+biến", "cuc", "/Projects?q=ch%E1%BA%BF+bi%E1%BA%BFn"),
            new("/Projects?year=2024&province=24", "cuc", "/Projects?year=2024&province=24"),
            new("/Projects?year=2024&province=24&q=máy", "cuc", "/Projects?year=2024&province=24&q=m%C3%A1y"),
            new("/Projects?p=2000", "cuc", "/Projects?p=2000"),
            new("/Projects?sort=year&p=2000", "cuc", "/Projects?sort=year&p=2000"),
            new("/Projects?sort=amount&p=2000", "cuc", "/Projects?sort=amount&p=2000"),
            new("/Projects?sort=code&p=2000", "cuc", "/Projects?sort=code&p=2000"),
            new("/Projects/Queue (Cục)", "cuc", "/Projects/Queue"),
            new("/Projects/Queue (tỉnh)", "tinh", "/Projects/Queue"),
            new("/Plans (Cục)", "cuc", "/Plans"),
            new("/Plans (tỉnh)", "tinh", "/Plans"),
            new($"/Reports/Conference NAM {year}", "btc", $"/Reports/Conference?region=NAM&year={year}", 300),
            new($"/Reports/Conference BAC {year} (Cục)", "cuc", $"/Reports/Conference?region=BAC&year={year}", 300),
            new("/Reports/Completeness", "cuc", "/Reports/Completeness"),
            new("/Reports/Periodic (tỉnh)", "tinh", "/Reports/Periodic"),
            new("/Reports/Periodic (Cục)", "cuc", "/Reports/Periodic"),
            new("/Reports/Programme (Cục)", "cuc", "/Reports/Programme"),
        };
        if (project is not null)
        {
            pages.Insert(16, new("a project page (tỉnh)", "tinh", $"/Projects/Details/{project}"));
            pages.Insert(17, new("a project page (Cục)", "cuc", $"/Projects/Details/{project}"));
        }
        else
        {
            notes.Add("no project on the province officer's list: the project page was not measured");
        }

        if (clients.TryGetValue("api-cuc", out var api) && clients.ContainsKey("api-tinh"))
        {
            // A deep cursor: the one after 20,000 projects, reached by following nextCursor as a client would.
            string? cursor = null;
            for (var i = 0; i < 20; i++)
            {
                using var body = System.Text.Json.JsonDocument.Parse(await api[0].GetStringAsync($"/api/v1/projects?limit=1000{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}"));
                cursor = body.RootElement.GetProperty("nextCursor").GetString();
                if (cursor is null)
                {
                    break;
                }
            }

            pages.Add(new("/api/v1/projects (Cục)", "api-cuc", "/api/v1/projects"));
            pages.Add(new("/api/v1/projects (tỉnh)", "api-tinh", "/api/v1/projects"));
            pages.Add(new("/api/v1/projects?year=2024&province=24", "api-cuc", "/api/v1/projects?year=2024&province=24"));
            pages.Add(new("/api/v1/projects?q=bac+ninh", "api-cuc", "/api/v1/projects?q=bac+ninh"));
            if (cursor is not null)
            {
                pages.Add(new("/api/v1/projects after 20.000 (cursor)", "api-cuc", "/api/v1/projects?cursor=" + Uri.EscapeDataString(cursor)));
            }

            if (project is not null)
            {
                pages.Add(new("/api/v1/projects/{id} (tỉnh)", "api-tinh", $"/api/v1/projects/{project}"));
            }

            pages.Add(new($"/api/v1/disbursements?year={year} (tỉnh)", "api-tinh", $"/api/v1/disbursements?year={year}"));
            pages.Add(new($"/api/v1/plans?year={year} (Cục)", "api-cuc", $"/api/v1/plans?year={year}"));
            pages.Add(new($"/api/v1/conference NAM {year} (Cục)", "api-cuc", $"/api/v1/conference?region=NAM&year={year}", 300));
        }
        else
        {
            notes.Add("no API token could be made: the API was not measured");
        }

        if (periodic is not null)
        {
            pages.Add(new("a periodic report (tỉnh)", "tinh", $"/Reports/Periodic/Details/{periodic}"));
        }
        else
        {
            notes.Add("no periodic report in the province's scope: a report page was not measured");
        }

        return pages;
    }

    /// <summary>
    /// A 20,000-row DeAn sheet imported by the <c>import</c> verb (one transaction, as the Excel page's import) while
    /// 16 users keep opening the list, a project and the home page: every answer must still come, and none a 5xx.
    /// </summary>
    private static async Task<(Measure, string)> DuringImportAsync(string name, string dll, Dictionary<string, string> environment, Dictionary<string, HttpClient[]> clients, List<Page> pages)
    {
        var book = Path.Combine(Path.GetTempPath(), $"kc-load-import-{Guid.NewGuid():N}.xlsx");
        Step.WriteProjects(book, 20_000, $"LOAD{DateTime.UtcNow:HHmmss}-");
        try
        {
            var urls = pages.Where(p => p.Account == "tinh" && !p.Url.StartsWith("/Reports/Periodic/Details/", StringComparison.Ordinal)).Select(p => p.Url).ToArray();
            // With --pages choosing none of the province officer's pages, their list and home page are opened.
            urls = urls.Length > 0 ? urls : ["/", "/Projects"];
            using var stop = new CancellationTokenSource();
            var watch = Stopwatch.StartNew();
            var import = Task.Run(async () =>
            {
                try
                {
                    return await RunAsync("dotnet", [dll, "import", book], environment, quiet: true);
                }
                finally
                {
                    stop.Cancel();
                }
            });
            var load = await DriveAsync(clients["tinh"], urls, TimeSpan.FromMinutes(5), stop.Token);
            var result = await import;
            var note = string.Create(CultureInfo.InvariantCulture, $"import of 20,000 rows: exit {result.ExitCode} in {watch.Elapsed.TotalSeconds:0.0} s ({result.Output.Trim().Split('\n').LastOrDefault()?.Trim()})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{name}] during the import: {load.Count} requests, p99 {load.P99:0} ms, 5xx {load.Errors5xx}, other {load.Other}; {note}"));
            return (load, note);
        }
        finally
        {
            File.Delete(book);
        }
    }

    /// <summary>Every client opens the urls in turn, as fast as the portal answers, until the time is up.</summary>
    private static async Task<Measure> DriveAsync(HttpClient[] clients, string[] urls, TimeSpan duration, CancellationToken stop = default)
    {
        var latencies = new List<double>[clients.Length];
        var (errors, other) = (0, 0);
        string? firstOther = null;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
        {
            var mine = latencies[i] = [];
            var n = i;
            while (watch.Elapsed < duration && !stop.IsCancellationRequested)
            {
                var url = urls[n++ % urls.Length];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    else if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref other);
                        firstOther ??= $"{(int)response.StatusCode} {url} → {response.Headers.Location}";
                    }
                }
                catch (HttpRequestException e)
                {
                    Interlocked.Increment(ref errors);
                    firstOther ??= $"{url}: {e.Message}";
                }
            }
        })));
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return new Measure(all.Length / elapsed, At(0.5), At(0.99), all.Length, errors, other, firstOther);
    }

    private static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 1 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email)
    {
        var client = Client(baseAddress);
        var page = await client.GetStringAsync("/Account/Login");
        var token = Token().Match(page).Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    private static async Task WaitHealthyAsync(Uri baseAddress, Process portal)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (portal.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {portal.ExitCode} before answering /health.");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The portal did not answer /health within 5 minutes.");
    }

    /// <summary>Resident and peak memory of the web process (Linux /proc).</summary>
    private static (double RssMb, double PeakMb) Memory(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Kb(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    /// <summary>
    /// Where the resident memory is, from /proc/PID/smaps: anonymous memory (the GC heap, native allocations such as
    /// SQLite's page caches), the JIT's double-mapped code, and files mapped from disk (the runtime, assemblies).
    /// </summary>
    private static string MemoryBreakdown(int pid)
    {
        var groups = new Dictionary<string, double>();
        var current = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[0].Contains('-', StringComparison.Ordinal) && !fields[0].EndsWith(':'))
            {
                var mapped = fields.Length >= 6 ? string.Join(' ', fields[5..]) : "";
                current = mapped switch
                {
                    "" => "anonymous",
                    "[heap]" => "anonymous",
                    _ when mapped.StartsWith("/memfd:doublemapper", StringComparison.Ordinal) => "JIT code (doublemapper)",
                    _ when mapped.EndsWith(".dll", StringComparison.Ordinal) => "assemblies (.dll)",
                    _ when mapped.Contains(".so", StringComparison.Ordinal) => "native libraries (.so)",
                    _ => "other",
                };
            }
            else if (fields.Length >= 2 && fields[0] == "Rss:")
            {
                groups[current] = groups.GetValueOrDefault(current) + double.Parse(fields[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return string.Join(", ", groups.OrderByDescending(g => g.Value).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Value:0} MB")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, Dictionary<string, string>? environment, bool quiet)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = quiet, RedirectStandardError = quiet, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = quiet ? process.StandardOutput.ReadToEndAsync() : Task.FromResult(string.Empty);
        var error = quiet ? process.StandardError.ReadToEndAsync() : Task.FromResult(string.Empty);
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static void Print(List<DatabaseRun> runs, double seconds, int users)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Pages at 100,000 projects, {users} signed-in users, {seconds:0} s per page right after {seconds:0} s of /health ({Environment.ProcessorCount} cores, Release build). Target: p99 < 100 ms (conference < 300 ms), ≥ 25 % of /health, no error."));
        Console.WriteLine();
        var header = "| page | " + string.Join(" | ", runs.Select(r => $"{r.Name} req/s (share of /health) | {r.Name} p99 | {r.Name}")) + " |";
        Console.WriteLine(header);
        Console.WriteLine("|---|" + string.Concat(runs.Select(_ => "---|---|---|")));
        var names = runs.SelectMany(r => r.Pages.Select(p => p.Page.Name)).Distinct();
        foreach (var page in names)
        {
            var cells = runs.Select(r => r.Pages.FirstOrDefault(p => p.Page.Name == page) is { } p
                ? string.Create(CultureInfo.GetCultureInfo("vi-VN"), $"{p.Load.Rps:0.0} ({p.Share:P1}) | {p.Load.P99:N0} ms | {(p.Met ? "met" : "MISSED")}{(p.Load.Errors5xx + p.Load.Other > 0 ? $", {p.Load.Errors5xx} 5xx, {p.Load.Other} other" : "")}")
                : "– | – | –");
            Console.WriteLine($"| {page} | {string.Join(" | ", cells)} |");
        }

        Console.WriteLine();
        foreach (var run in runs)
        {
            var missed = run.Pages.Where(p => !p.Met).Select(p => p.Page.Name).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Name}: /health {run.Pages.Average(p => p.Health.Rps):0} req/s on average; pages within target {run.Pages.Count - missed.Count}/{run.Pages.Count}{(missed.Count > 0 ? " (missed: " + string.Join(", ", missed) + ")" : "")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Name}: during the import {run.DuringImport.Count} requests, p99 {run.DuringImport.P99:0} ms, 5xx {run.DuringImport.Errors5xx} {(run.DuringImport.Errors5xx == 0 ? "(met)" : "(MISSED)")}; {run.ImportNote}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Name}: web process memory after the load {run.RssMb:0} MB (target < 300: {(run.RssMb < 300 ? "met" : "MISSED")}), peak {run.PeakMb:0} MB"));
            foreach (var note in run.Notes)
            {
                Console.WriteLine($"{run.Name}: note: {note}");
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"/Projects/Details/(\\d+)\"")]
    private static partial Regex ProjectLink();

    [GeneratedRegex("href=\"/Reports/Periodic/Details/(\\d+)\"")]
    private static partial Regex PeriodicLink();
}
