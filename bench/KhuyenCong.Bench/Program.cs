using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using KhuyenCong.Data;
using KhuyenCong.Data.Migrations.PostgreSql;
using KhuyenCong.Data.Migrations.Sqlite;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

// Excel exchange and conference report benchmark (issue: annual plans, money and Excel exchange).
//   dotnet run -c Release --project bench/KhuyenCong.Bench [-- --db bench/results/bench.db] [--postgres "Host=…;Database=kcbench"] [--only report|postgres]
// Fills (once) a SQLite database with `seed-demo --projects 100000`, then measures, each step in a fresh child
// process so that its peak memory is its own: the floor (a bare OpenXmlWriter loop over rows already in memory),
// the portal's export of all projects, and an import of a 20,000-row DeAn sheet into a copy of the database.
// Then times the conference report against a hand-written SQL floor, on SQLite and, when a PostgreSQL connection
// string is given (--postgres or KHUYENCONG_BENCH_POSTGRES), on PostgreSQL filled once with the same demo data.
// --only report skips the Excel exchange steps; --only postgres skips SQLite altogether.
// `-- load` instead drives the pages people use with 16 signed-in users, beside /health (PageLoad.cs).
// `-- hostile` instead measures memory under four shared-strings bombs at once (HostileImports.cs).
if (args.Length >= 1 && args[0] == "load")
{
    return await PageLoad.RunAsync(args);
}

if (args.Length >= 1 && args[0] == "hostile")
{
    return await HostileImports.RunAsync(args);
}

// --only dryrun measures, on a fresh SQLite database of reference data only, a 45,000-row DeAn preview (dry run) and
// then the real import of the same sheet, each with one concurrent write on another connection: how long it waited.
if (args.Length >= 2 && args[0] == "step")
{
    return await Step.RunAsync(args[1], args[2]);
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var only = Option("--only");
if (only == "dryrun")
{
    var line = await Step.ChildAsync("dryrun", Path.Combine(Path.GetTempPath(), $"kc-bench-dryrun-{Guid.NewGuid():N}.db"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| dry run of 45,000 DeAn rows | {line.Seconds:0.00} s | {line.PeakMb:0} MB | {line.Note} |"));
    return 0;
}
var postgres = Option("--postgres") ?? Environment.GetEnvironmentVariable("KHUYENCONG_BENCH_POSTGRES");
var db = Option("--db") ?? Path.Combine("bench", "results", "bench.db");
var reportLines = new List<string>();
if (only != "postgres")
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(db))!);
    var sqlite = BenchDatabase.Sqlite(db);
    if (!File.Exists(db))
    {
        await sqlite.FillAsync();
    }

    if (only != "report")
    {
        await ExchangeStepsAsync(db);
    }

    reportLines.Add("Conference report (SQLite, 100,000 projects), median of 5 runs each, warm:");
    reportLines.AddRange(await Step.ReportAsync(sqlite));
}

if (postgres is not null)
{
    var pg = BenchDatabase.PostgreSql(postgres);
    await using (var context = pg.Create())
    {
        await context.Database.MigrateAsync();
        if (!await context.Projects.AnyAsync())
        {
            await pg.FillAsync();
            // Statistics for the planner, as autovacuum would have gathered them on a database in use.
            await context.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    reportLines.Add("Conference report (PostgreSQL, 100,000 projects), median of 5 runs each, warm:");
    reportLines.AddRange(await Step.ReportAsync(pg));
}

Console.WriteLine();
foreach (var line in reportLines)
{
    Console.WriteLine(line);
}

return 0;

static async Task ExchangeStepsAsync(string db)
{
    var results = new Dictionary<string, (double Seconds, double PeakMb, string Note)>();
    foreach (var step in new[] { "floor", "export", "import" })
    {
        results[step] = await Step.ChildAsync(step, db);
    }

    var (floor, export, import) = (results["floor"], results["export"], results["import"]);
    Console.WriteLine();
    Console.WriteLine("| step | time (s) | peak memory (MB) | note |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (name, r) in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.Seconds:0.00} | {r.PeakMb:0} | {r.Note} |"));
    }

    var ratio = export.Seconds / floor.Seconds;
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export / floor time ratio: {ratio:0.00} (target ≤ 1.5) {(ratio <= 1.5 ? "MET" : "MISSED")}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"export peak memory: {export.PeakMb:0} MB (target < 250) {(export.PeakMb < 250 ? "MET" : "MISSED")}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import of 20,000 rows: {import.Seconds:0.00} s (target < 20), {import.PeakMb:0} MB (target < 400) {(import.Seconds < 20 && import.PeakMb < 400 ? "MET" : "MISSED")}"));
}

/// <summary>
/// A benchmark database: how to open it, and the hand-written floor statement in its dialect (the same rows the
/// report reads: executed for the five trend years Y−4..Y, each to its cut-off C − k years, which include Y and
/// Y−1; approved support and counterpart; project counts; plan versions of the five years; per content and per
/// outcome indicator of the year's approved projects; summed per province and source, content or indicator).
/// </summary>
internal sealed record BenchDatabase(string Name, Func<KhuyenCongDbContext> Create, string FloorSql)
{
    public static BenchDatabase Sqlite(string file) => new("SQLite", () => Step.Context(file), """
        SELECT p.ProvinceId, p.Source, p.PlanYear, SUM(CAST(d.Amount AS REAL))
        FROM Projects p JOIN Disbursements d ON d.ProjectId = p.Id
        WHERE p.PlanYear BETWEEN 2020 AND 2024 AND d.Source = 1 AND d.Date <= date('2024-09-30', (p.PlanYear - 2024) || ' years')
        GROUP BY p.ProvinceId, p.Source, p.PlanYear;
        SELECT ProvinceId, Source, SUM(CAST(ApprovedSupport AS REAL)), SUM(CAST(COALESCE(RealisedCounterpart, CounterpartCommitted) AS REAL)), COUNT(*)
        FROM Projects WHERE PlanYear = 2024 AND ApprovedSupport IS NOT NULL AND State <> 6 GROUP BY ProvinceId, Source;
        SELECT ProvinceId, State, COUNT(*) FROM Projects WHERE PlanYear = 2024 GROUP BY ProvinceId, State;
        SELECT * FROM AnnualPlans WHERE Year BETWEEN 2020 AND 2024 AND DecisionDate <= '2024-09-30';
        SELECT p.ProvinceId, c.ContentCode, COUNT(*), SUM(CAST(c.RequestedAmount AS REAL)),
               SUM(CASE WHEN CAST(p.RequestedSupport AS REAL) = 0 THEN 0 ELSE CAST(p.ApprovedSupport AS REAL) * CAST(c.RequestedAmount AS REAL) / CAST(p.RequestedSupport AS REAL) END)
        FROM ProjectContents c JOIN Projects p ON p.Id = c.ProjectId
        WHERE p.PlanYear = 2024 AND p.ApprovedSupport IS NOT NULL AND p.State <> 6 GROUP BY p.ProvinceId, c.ContentCode;
        SELECT p.ProvinceId, o.IndicatorCode, SUM(CAST(o.Target AS REAL)), SUM(CAST(COALESCE(o.Actual, 0) AS REAL))
        FROM ProjectOutcomes o JOIN Projects p ON p.Id = o.ProjectId
        WHERE p.PlanYear = 2024 AND p.ApprovedSupport IS NOT NULL AND p.State <> 6 GROUP BY p.ProvinceId, o.IndicatorCode;
        """);

    public static BenchDatabase PostgreSql(string connectionString) => new("PostgreSQL", () =>
    {
        var builder = new DbContextOptionsBuilder<KhuyenCongDbContext>();
        PostgreSqlDatabase.Use(builder, connectionString);
        return new KhuyenCongDbContext(builder.Options);
    }, """
        SELECT p."ProvinceId", p."Source", p."PlanYear", SUM(d."Amount")
        FROM "Projects" p JOIN "Disbursements" d ON d."ProjectId" = p."Id"
        WHERE p."PlanYear" BETWEEN 2020 AND 2024 AND d."Source" = 1 AND d."Date" <= DATE '2024-09-30' + make_interval(years => p."PlanYear" - 2024)
        GROUP BY p."ProvinceId", p."Source", p."PlanYear";
        SELECT "ProvinceId", "Source", SUM("ApprovedSupport"), SUM(COALESCE("RealisedCounterpart", "CounterpartCommitted")), COUNT(*)
        FROM "Projects" WHERE "PlanYear" = 2024 AND "ApprovedSupport" IS NOT NULL AND "State" <> 6 GROUP BY "ProvinceId", "Source";
        SELECT "ProvinceId", "State", COUNT(*) FROM "Projects" WHERE "PlanYear" = 2024 GROUP BY "ProvinceId", "State";
        SELECT * FROM "AnnualPlans" WHERE "Year" BETWEEN 2020 AND 2024 AND "DecisionDate" <= DATE '2024-09-30';
        SELECT p."ProvinceId", c."ContentCode", COUNT(*), SUM(c."RequestedAmount"),
               SUM(CASE WHEN p."RequestedSupport" = 0 THEN 0 ELSE p."ApprovedSupport" * c."RequestedAmount" / p."RequestedSupport" END)
        FROM "ProjectContents" c JOIN "Projects" p ON p."Id" = c."ProjectId"
        WHERE p."PlanYear" = 2024 AND p."ApprovedSupport" IS NOT NULL AND p."State" <> 6 GROUP BY p."ProvinceId", c."ContentCode";
        SELECT p."ProvinceId", o."IndicatorCode", SUM(o."Target"), SUM(COALESCE(o."Actual", 0))
        FROM "ProjectOutcomes" o JOIN "Projects" p ON p."Id" = o."ProjectId"
        WHERE p."PlanYear" = 2024 AND p."ApprovedSupport" IS NOT NULL AND p."State" <> 6 GROUP BY p."ProvinceId", o."IndicatorCode";
        """);

    /// <summary>Migrates and fills the database once with the demo data (`seed-demo --projects 100000`).</summary>
    public async Task FillAsync()
    {
        Console.WriteLine($"Filling the {Name} database with seed-demo --projects 100000 (a few minutes, once)…");
        var watch = Stopwatch.StartNew();
        await using var context = Create();
        await context.Database.MigrateAsync();
        await new KhuyenCong.Data.ReferenceData.ReferenceDataLoader(context).LoadAsync();
        var geography = new Geography(new Step.Factory(Create), new MemoryCache(new MemoryCacheOptions()));
        await new DemoProjects(context, geography).SeedAsync(100_000, 2022, 2026, 2026);
        Console.WriteLine($"  seeded in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>One measured step, run in its own process.</summary>
internal static class Step
{
    public static KhuyenCongDbContext Context(string db)
    {
        var builder = new DbContextOptionsBuilder<KhuyenCongDbContext>();
        SqliteDatabase.Use(builder, $"Data Source={db}");
        return new KhuyenCongDbContext(builder.Options);
    }

    public sealed class Factory(Func<KhuyenCongDbContext> create) : IDbContextFactory<KhuyenCongDbContext>
    {
        public KhuyenCongDbContext CreateDbContext() => create();
    }

    /// <summary>Runs one step in a child process, so that its peak memory is its own, and reads its RESULT line.</summary>
    public static async Task<(double Seconds, double PeakMb, string Note)> ChildAsync(string step, string db)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var a in (Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? [typeof(Step).Assembly.Location] : Array.Empty<string>()).Concat(["step", step, db]))
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ');
        return (double.Parse(line[1], CultureInfo.InvariantCulture), double.Parse(line[2], CultureInfo.InvariantCulture), string.Join(' ', line.Skip(3)));
    }

    public static async Task<int> RunAsync(string step, string db)
    {
        var output = Path.Combine(Path.GetTempPath(), $"kc-bench-{step}-{Guid.NewGuid():N}.xlsx");
        double seconds;
        string note;
        switch (step)
        {
            case "floor":
                {
                    // The same cells, read into memory first (not timed), then written by a bare OpenXmlWriter loop.
                    await using var context = Context(db);
                    var rows = Rows(context).ToList();
                    var watch = Stopwatch.StartNew();
                    BareWrite(output, rows);
                    seconds = watch.Elapsed.TotalSeconds;
                    note = $"{rows.Count} rows × {ExchangeFormat.ProjectHeaders.Count} cells from memory";
                    break;
                }

            case "export":
                {
                    // A running portal has built its EF model and opened its pool already: that one-time cost is not timed.
                    await using var context = Context(db);
                    _ = await context.Projects.AsNoTracking().Select(p => p.Id).FirstOrDefaultAsync();
                    var watch = Stopwatch.StartNew();
                    await using (var file = File.Create(output))
                    {
                        ExchangeExporter.Write(file, "projects", context.Projects, context.AnnualPlans, context.Establishments, new ExportFilter(null, null));
                    }

                    seconds = watch.Elapsed.TotalSeconds;
                    note = $"all projects from the database, {new FileInfo(output).Length / 1024 / 1024} MB file";
                    break;
                }

            case "dryrun":
                {
                    await using (var setup = Context(db))
                    {
                        await setup.Database.MigrateAsync();
                        await new KhuyenCong.Data.ReferenceData.ReferenceDataLoader(setup).LoadAsync();
                    }

                    WriteProjects(output, 45_000);
                    var dry = await ImportWithWriterAsync(db, output, dryRun: true);
                    var real = await ImportWithWriterAsync(db, output, dryRun: false);
                    seconds = dry.Seconds;
                    note = string.Create(CultureInfo.InvariantCulture,
                        $"{dry.Note}; a write on another connection meanwhile waited {dry.WriteWait:0.000} s | real import {real.Seconds:0.00} s, {real.Note}; the write waited {real.WriteWait:0.000} s");
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    File.Delete(db);
                    break;
                }

            default:
                {
                    var copy = Path.Combine(Path.GetTempPath(), $"kc-bench-{Guid.NewGuid():N}.db");
                    File.Copy(db, copy);
                    await using (var writer = File.Create(output))
                    using (var workbook = new StreamingWorkbookWriter(writer))
                    {
                        workbook.WriteSheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Enumerable.Range(1, 20_000).Select(i => new object?[]
                        {
                        string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:00000}"), 2026, i % 2 == 0 ? "24" : "79", "KCQG", "Thường", "ND03",
                        "Hỗ trợ ứng dụng máy móc chế biến nông sản", "Trung tâm Khuyến công", 500_000_000m, 450_000_000m, 1_000_000_000m,
                        ProjectLabels.Of(ProjectState.Approved), new DateOnly(2026, 3, 20),
                        }));
                    }

                    var watch = Stopwatch.StartNew();
                    await using var context = Context(copy);
                    await using var stream = File.OpenRead(output);
                    var actor = new ProjectActor("bench", "bench", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());
                    var result = await new ExchangeImporter(context, TimeProvider.System).ImportAsync(stream, actor, dryRun: false, new ImportLimits());
                    seconds = watch.Elapsed.TotalSeconds;
                    note = result.Succeeded ? $"{result.Counts.Single().Created} projects written in one transaction" : $"FAILED: {result.Errors[0]}";
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    File.Delete(copy);
                    break;
                }
        }

        File.Delete(output);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {seconds:0.000} {peak:0} {note}"));
        return 0;
    }

    internal static void WriteProjects(string path, int count, string prefix = "DRY-")
    {
        using var writer = File.Create(path);
        using var workbook = new StreamingWorkbookWriter(writer);
        workbook.WriteSheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Enumerable.Range(1, count).Select(i => new object?[]
        {
            string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:000000}"), 2026, i % 2 == 0 ? "24" : "79", "KCQG", "Thường", "ND03",
            "Hỗ trợ ứng dụng máy móc chế biến nông sản", "Trung tâm Khuyến công", 500_000_000m, 450_000_000m, 1_000_000_000m,
            ProjectLabels.Of(ProjectState.Approved), new DateOnly(2026, 3, 20),
        }));
    }

    /// <summary>
    /// Imports the workbook and, once 5,000 rows have been read, saves one row on another connection (busy timeout
    /// 120 s), as a user's save would meanwhile: the import's time and how long that save waited.
    /// </summary>
    private static async Task<(double Seconds, double WriteWait, string Note)> ImportWithWriterAsync(string db, string book, bool dryRun)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        var import = Task.Run(async () =>
        {
            await using var context = Context(db);
            await using var stream = File.OpenRead(book);
            var actor = new ProjectActor("bench", "bench", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());
            return await new ExchangeImporter(context, TimeProvider.System).ImportAsync(stream, actor, dryRun, new ImportLimits(),
                new Signal(5000, () => started.TrySetResult()));
        });
        var write = Task.Run(async () =>
        {
            await started.Task;
            var wait = Stopwatch.StartNew();
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Default Timeout=120;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Contents SET Name = Name WHERE Code = 'ND01'";
            await command.ExecuteNonQueryAsync();
            return wait.Elapsed.TotalSeconds;
        });
        var result = await import;
        var seconds = watch.Elapsed.TotalSeconds;
        started.TrySetResult();
        var writeWait = await write;
        var counts = result.Counts.Count == 0 ? "no counts" : $"{result.Counts.Single().Created} projects checked";
        return (seconds, writeWait, result.Errors.Count == 0 ? $"{counts}, written: {result.Written}" : $"FAILED: {result.Errors[0]}");
    }

    private sealed class Signal(int at, Action reached) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= at)
            {
                reached();
            }
        }
    }

    private static IEnumerable<object?[]> Rows(KhuyenCongDbContext context) =>
        context.Projects.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Code, p.PlanYear, Province = p.Province!.Code, p.Source, p.Kind, Contents = p.Contents.Select(c => c.ContentCode).ToList(), p.Title, p.ImplementingUnit, p.RequestedSupport, p.ApprovedSupport, p.CounterpartCommitted, p.State, p.ApprovalDate })
            .AsEnumerable()
            .Select(p => new object?[] { p.Code, p.PlanYear, p.Province, ProjectLabels.Of(p.Source), ProjectLabels.Of(p.Kind), string.Join(", ", p.Contents), p.Title, p.ImplementingUnit, p.RequestedSupport, p.ApprovedSupport, p.CounterpartCommitted, ProjectLabels.Of(p.State), p.ApprovalDate });

    /// <summary>
    /// The conference report's queries against one hand-written SQL aggregate over the same rows (the floor),
    /// per region, for 2024 with cut-off 30/09/2024; and the workbook built from the report.
    /// </summary>
    public static async Task<List<string>> ReportAsync(BenchDatabase db)
    {
        var lines = new List<string>();
        await using var context = db.Create();
        var geography = new Geography(new Factory(db.Create), new MemoryCache(new MemoryCacheOptions()));
        var service = new KhuyenCong.Web.Reports.ConferenceReportService(context, geography, TimeProvider.System);
        await service.ComputeAsync("NAM", 2024, new DateOnly(2024, 9, 30), KhuyenCong.Web.Reports.Boundaries.Historical);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var region in new[] { "BAC", "MTTN", "NAM" })
        {
            double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
            var reportTimes = new List<double>();
            var floorTimes = new List<double>();
            var workbookTimes = new List<double>();
            var sourceTimes = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                var report = await service.ComputeAsync(region, 2024, new DateOnly(2024, 9, 30), KhuyenCong.Web.Reports.Boundaries.Historical);
                reportTimes.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                using (var sink = new MemoryStream())
                {
                    var sources = await service.SourceRowsAsync(region, 2024, new DateOnly(2024, 9, 30), KhuyenCong.Web.Reports.Boundaries.Historical,
                        new ProjectActor("bench", "bench", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>()));
                    sourceTimes.Add(watch.Elapsed.TotalMilliseconds);
                    KhuyenCong.Web.Reports.ConferenceWorkbook.Write(sink, report, sources);
                }

                workbookTimes.Add(watch.Elapsed.TotalMilliseconds + reportTimes[^1]);
                watch.Restart();
                await using var command = connection.CreateCommand();
                command.CommandText = db.FloorSql;
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    do
                    {
                        while (await reader.ReadAsync())
                        {
                        }
                    }
                    while (await reader.NextResultAsync());
                }

                floorTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            var (r, f, w, q) = (Median(reportTimes), Median(floorTimes), Median(workbookTimes), Median(sourceTimes));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {region}: report {r:0} ms, floor (one SQL aggregate) {f:0} ms, ratio {r / f:0.00} (target ≤ 2 and < 1000 ms) {(r / f <= 2 && r < 1000 ? "MET" : "MISSED")}; with workbook {w:0} ms, of which the source rows query {q:0} ms (target < 3000) {(w < 3000 ? "MET" : "MISSED")}"));
        }

        return lines;
    }

    /// <summary>
    /// The floor: nothing but OpenXmlWriter writing cells that are already in memory, into the same streamed zip
    /// package the portal writes (the package scaffolding is the portal's writer with no rows).
    /// </summary>
    private static void BareWrite(string path, List<object?[]> rows)
    {
        using var file = File.Create(path);
        using var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        foreach (var row in rows)
        {
            writer.WriteStartElement(new Row());
            foreach (var value in row)
            {
                switch (value)
                {
                    case null: break;
                    case decimal or int: writer.WriteElement(new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!))); break;
                    case DateOnly d: writer.WriteElement(new Cell(new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)))); break;
                    default: writer.WriteElement(new Cell(new InlineString(new Text((string)value))) { DataType = CellValues.InlineString }); break;
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
