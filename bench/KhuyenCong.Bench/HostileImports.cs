using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// Memory under hostile workbooks (issue 9): a shared-strings bomb of about 1.45 MB that expands to about 250 MB of
/// XML, imported four at a time in one process through the importer's gate (Import:MaxConcurrent = 2), against one
/// normal import; each scenario in its own child process so that its peak working set is its own.
///   dotnet run -c Release --project bench/KhuyenCong.Bench -- hostile
/// </summary>
internal static class HostileImports
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 2)
        {
            return await ScenarioAsync(args[1], args[2]);
        }

        var folder = Directory.CreateTempSubdirectory("kc-bench-hostile-").FullName;
        var db = Path.Combine(folder, "bench.db");
        await using (var context = Step.Context(db))
        {
            await context.Database.MigrateAsync();
            await new KhuyenCong.Data.ReferenceData.ReferenceDataLoader(context).LoadAsync();
        }

        var bomb = Path.Combine(folder, "bomb.xlsx");
        await File.WriteAllBytesAsync(bomb, Bomb());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bomb: {new FileInfo(bomb).Length / 1024.0 / 1024.0:0.00} MB on disk, {Expanded(bomb) / 1024.0 / 1024.0:0} MB of XML"));
        foreach (var scenario in new[] { "normal", "hostile-1", "hostile-4" })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
            foreach (var a in new[] { typeof(HostileImports).Assembly.Location, "hostile", scenario, folder })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            Console.Write(await process.StandardOutput.ReadToEndAsync());
            await process.WaitForExitAsync();
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task<int> ScenarioAsync(string scenario, string folder)
    {
        var db = Path.Combine(folder, "bench.db");
        var gate = new ImportGate(new ImportLimits().MaxConcurrent);
        var actor = new ProjectActor("bench", "bench", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());
        var normal = NormalWorkbook();
        // Warm: the code paths and the database once, so that the figures are of the import, not of the start.
        await ImportAsync(db, normal, actor, gate);
        Collect();
        var before = (Process.GetCurrentProcess().WorkingSet64, GC.GetTotalMemory(true));
        var bytes = scenario == "normal" ? normal : await File.ReadAllBytesAsync(Path.Combine(folder, "bomb.xlsx"));
        var count = scenario == "hostile-4" ? 4 : 1;
        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(() => ImportAsync(db, bytes, actor, gate))));
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Collect();
        var after = (Process.GetCurrentProcess().WorkingSet64, GC.GetTotalMemory(true));
        static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: {seconds:0.00} s; working set {Mb(before.Item1):0} MB before, peak {Mb(peak):0} MB, {Mb(after.Item1):0} MB after; GC heap {Mb(before.Item2):0} MB before, {Mb(after.Item2):0} MB after"));
        foreach (var answer in results.Select(r => r.Succeeded ? $"ok ({string.Join(", ", r.Counts.Select(c => $"{c.Sheet} {c.Created} new"))})" : r.Errors[0].Message).GroupBy(a => a))
        {
            Console.WriteLine($"  {answer.Count()} × {answer.Key}");
        }

        return 0;
    }

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static async Task<ImportResult> ImportAsync(string db, byte[] bytes, ProjectActor actor, ImportGate gate)
    {
        await using var context = Step.Context(db);
        using var stream = new MemoryStream(bytes);
        return await new ExchangeImporter(context, TimeProvider.System, null, gate).ImportAsync(stream, actor, dryRun: true, new ImportLimits());
    }

    /// <summary>2,000 project rows, as the portal's export writes them.</summary>
    private static byte[] NormalWorkbook()
    {
        using var output = new MemoryStream();
        using (var workbook = new StreamingWorkbookWriter(output))
        {
            workbook.WriteSheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, Enumerable.Range(1, 2_000).Select(i => new object?[]
            {
                string.Create(CultureInfo.InvariantCulture, $"BENCH-{i:00000}"), 2026, "24", "KCQG", "Thường", "ND03",
                "Hỗ trợ ứng dụng máy móc chế biến nông sản", "Trung tâm Khuyến công", 500_000_000m, 450_000_000m, 1_000_000_000m,
                ProjectLabels.Of(ProjectState.Approved), new DateOnly(2026, 3, 20),
            }));
        }

        return output.ToArray();
    }

    /// <summary>
    /// A valid one-row DeAn workbook whose shared-string table holds 2,400,000 strings of about 100 characters each
    /// (the sheet uses none of them): little on disk, just under the zip guard's compression ratio.
    /// </summary>
    private static byte[] Bomb()
    {
        using var book = new ClosedXML.Excel.XLWorkbook();
        var sheet = book.AddWorksheet(ExchangeFormat.Projects);
        for (var c = 0; c < ExchangeFormat.ProjectHeaders.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = ExchangeFormat.ProjectHeaders[c];
        }

        using var stream = new MemoryStream();
        book.SaveAs(stream);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/sharedStrings.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var x = xml.Contains("<x:sst", StringComparison.Ordinal) ? "x:" : string.Empty;
            var head = xml[..xml.LastIndexOf("</", StringComparison.Ordinal)];
            using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open());
            writer.Write(head);
            var filler = new string('x', 93);
            for (var i = 0; i < 2_400_000; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<{x}si><{x}t>{i:D7}{filler}</{x}t></{x}si>"));
            }

            writer.Write($"</{x}sst>");
        }

        return stream.ToArray();
    }

    private static long Expanded(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        return zip.Entries.Sum(e => e.Length);
    }
}
