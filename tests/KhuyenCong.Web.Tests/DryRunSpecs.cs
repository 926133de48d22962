using System.Diagnostics;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Excel;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The preview (a dry run) finds exactly what the import would find — the same row errors and the same counts —
/// across sheets and across the importer's batches, on each database, and writes nothing.
/// </summary>
public abstract class DryRunSpecs(PortalFixture fixture)
{
    private static readonly ProjectActor s_ministry = new("test", "Cục", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());

    private static readonly string s_inProgress = ProjectLabels.Of(ProjectState.InProgress);

    [Fact]
    public async Task A_dry_run_reports_the_same_errors_and_counts_as_the_import_of_a_workbook_with_errors_on_every_sheet()
    {
        var portal = await fixture.GetAsync();
        var stored = await StoredProjectAsync(portal);
        var fresh = Code();
        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Plans, ExchangeFormat.PlanHeaders,
                [2026, "24", "KCQG", "1.000.000", $"{fresh}/QĐ-BCT", "10/01/2026"], [2026, "24", "KCQG", "-5", $"{fresh}/QĐ", "10/01/2026"])
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders,
                ImportSpecs.ProjectRow(fresh, state: s_inProgress), ImportSpecs.ProjectRow(fresh, state: s_inProgress), ImportSpecs.ProjectRow(stored, state: s_inProgress))
            .Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders,
                [fresh, "01/04/2026", "200.000.000", "Ngân sách", null],
                [fresh, "01/05/2026", "100.000.000", "Ngân sách", null],
                [stored, "01/04/2026", "250.000.000", "Ngân sách", null],
                [stored, "01/05/2026", "50.000.000", "Ngân sách", null],
                ["KHONG-CO", "01/05/2026", 1000, "Ngân sách", null],
                [fresh, "01/04/2026", "200.000.000", "Ngân sách", null])
            .Sheet(ExchangeFormat.Outcomes, ExchangeFormat.OutcomeHeaders,
                [fresh, "LAO_DONG_DAO_TAO", 30, null], [fresh, "KHONG_CO", 1, null], [fresh, "LAO_DONG_DAO_TAO", 31, null]);
        var before = await CountsAsync(portal);

        var (dry, real) = await DryRunThenImportAsync(portal, book.Bytes());

        var errors = dry.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains($"DeAn!3: Mã đề án: Mã đề án «{fresh}» lặp lại trong trang tính.", errors);
        Assert.Contains("GiaiNgan!3: Số tiền (đồng): Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (280.000.000 đồng); tổng sau lần này là 300.000.000 đồng.", errors);
        Assert.Contains("GiaiNgan!5: Số tiền (đồng): Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (280.000.000 đồng); tổng sau lần này là 300.000.000 đồng.", errors);
        Assert.Contains("GiaiNgan!6: Mã đề án: Không có đề án mã «KHONG-CO» (trong cơ sở dữ liệu hoặc trang DeAn).", errors);
        Assert.Equal(errors, real.Errors.Select(e => e.ToString()));
        Assert.Equal(Counted(real), Counted(dry));
        Assert.False(dry.Written || real.Written);
        Assert.Equal(before, await CountsAsync(portal));
    }

    [Fact]
    public async Task A_dry_run_counts_a_good_workbook_exactly_as_the_import_then_writes_it()
    {
        var portal = await fixture.GetAsync();
        var stored = await StoredProjectAsync(portal);
        var fresh = Code();
        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow(fresh, state: s_inProgress))
            .Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders,
                [fresh, "01/04/2026", "200.000.000", "Ngân sách", null], [fresh, "01/05/2026", "80.000.000", "Ngân sách", null],
                [stored, "01/04/2026", "100.000.000", "Ngân sách", null])
            .Sheet(ExchangeFormat.Outcomes, ExchangeFormat.OutcomeHeaders, [fresh, "LAO_DONG_DAO_TAO", 30, null]);

        var (dry, real) = await DryRunThenImportAsync(portal, book.Bytes());

        Assert.True(dry.Succeeded, string.Join("\n", dry.Errors));
        Assert.Equal(["DeAn 1/0/0", "GiaiNgan 3/0/0", "KetQua 1/0/0"], Counted(dry));
        Assert.Equal(Counted(dry), Counted(real));
        Assert.True(real.Written);
        var paid = await portal.WithDbAsync(db => db.Disbursements.Where(d => db.Projects.Where(p => p.Code == fresh || p.Code == stored).Select(p => p.Id).Contains(d.ProjectId)).SumAsync(d => d.Amount));
        Assert.Equal(380_000_000m, paid);
    }

    [Fact]
    public async Task A_dry_run_sees_the_payments_of_earlier_batches_of_the_same_sheet()
    {
        var portal = await fixture.GetAsync();
        var fresh = Code();
        // 2,000 small payments fill the importer's first batch (200,000,000 of the 280,000,000 allowed before
        // acceptance); the payment after them crosses 70 % only counting the whole first batch.
        var payments = Enumerable.Range(1, 2000).Select(i => new object?[] { fresh, "01/04/2026", "100.000", "Ngân sách", $"Lần {i}" })
            .Append([fresh, "01/05/2026", "90.000.000", "Ngân sách", "Lần cuối"]).ToArray();
        var book = ImportSpecs.Book()
            .Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow(fresh, state: s_inProgress))
            .Sheet(ExchangeFormat.Disbursements, ExchangeFormat.DisbursementHeaders, payments);

        var (dry, real) = await DryRunThenImportAsync(portal, book.Bytes());

        Assert.Equal(["GiaiNgan!2002: Số tiền (đồng): Tạm ứng trước nghiệm thu không được vượt 70% kinh phí được duyệt (280.000.000 đồng); tổng sau lần này là 290.000.000 đồng."],
            dry.Errors.Select(e => e.ToString()));
        Assert.Equal(dry.Errors.Select(e => e.ToString()), real.Errors.Select(e => e.ToString()));
        Assert.Equal(["DeAn 1/0/0", "GiaiNgan 2000/0/0"], Counted(dry));
        Assert.Equal(Counted(dry), Counted(real));
        Assert.False(await portal.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == fresh)));
    }

    /// <summary>A project already in the database, in progress with 400,000,000 approved, as an earlier import left it.</summary>
    private static async Task<string> StoredProjectAsync(PortalFactory portal)
    {
        var code = Code();
        var result = await ImportSpecs.ImportAsync(portal, ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, ImportSpecs.ProjectRow(code, state: s_inProgress)).Bytes(), s_ministry);
        Assert.True(result.Written, string.Join("\n", result.Errors));
        return code;
    }

    private static async Task<(ImportResult Dry, ImportResult Real)> DryRunThenImportAsync(PortalFactory portal, byte[] bytes) =>
        (await ImportSpecs.ImportAsync(portal, bytes, s_ministry, dryRun: true), await ImportSpecs.ImportAsync(portal, bytes, s_ministry));

    private static List<string> Counted(ImportResult result) => [.. result.Counts.Select(c => $"{c.Sheet} {c.Created}/{c.Changed}/{c.Unchanged}")];

    private static Task<(int, int, int, int)> CountsAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
        (await db.Projects.CountAsync(), await db.AnnualPlans.CountAsync(), await db.Disbursements.CountAsync(), await db.ProjectOutcomes.CountAsync()));

    internal static string Code() => $"D-{Guid.NewGuid():N}"[..14];
}

public sealed class DryRunOnSqlite(SqlitePortalFixture fixture) : DryRunSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class DryRunOnPostgreSql(PostgresPortalFixture fixture) : DryRunSpecs(fixture), IClassFixture<PostgresPortalFixture>;

/// <summary>
/// On SQLite (one writer at a time) a preview must not hold the write lock: while a large dry run is held
/// mid-way, another connection's save goes through within a short busy timeout.
/// </summary>
public sealed class DryRunLockSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Fact]
    public async Task Another_writer_saves_while_a_large_dry_run_is_in_progress_on_sqlite()
    {
        var portal = await fixture.GetAsync();
        var rows = Enumerable.Range(1, 3000).Select(i => ImportSpecs.ProjectRow($"{DryRunSpecs.Code()[..10]}-{i:0000}")).ToArray();
        var book = ImportSpecs.Book().Sheet(ExchangeFormat.Projects, ExchangeFormat.ProjectHeaders, rows).Bytes();
        // Held after 2,000 rows: past the importer's first batch of 1,000 new projects.
        using var hold = new HoldingProgress(2000);
        var ministry = new ProjectActor("test", "Cục", Roles.MinistryOfficer, new HashSet<int>(), new HashSet<string>());
        var dryRun = Task.Run(async () =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            using var stream = new MemoryStream(book);
            return await scope.ServiceProvider.GetRequiredService<ExchangeImporter>().ImportAsync(stream, ministry, dryRun: true, new ImportLimits(), hold);
        });

        string saved;
        var watch = new Stopwatch();
        try
        {
            Assert.True(hold.Reached.Wait(TimeSpan.FromMinutes(3)), "The dry run did not reach its 2,000th row.");
            watch.Start();
            await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(portal.Database.ConnectionString) { DefaultTimeout = 2 }.ToString());
            await other.OpenAsync();
            await using (var update = other.CreateCommand())
            {
                update.CommandText = "UPDATE AspNetUsers SET FullName = 'Người thử đổi tên trong lúc xem trước' WHERE Email = $email";
                update.Parameters.AddWithValue("$email", PortalFixture.Viewer);
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }

            watch.Stop();
            await using var read = other.CreateCommand();
            read.CommandText = "SELECT FullName FROM AspNetUsers WHERE Email = $email";
            read.Parameters.AddWithValue("$email", PortalFixture.Viewer);
            saved = (string)(await read.ExecuteScalarAsync())!;
        }
        finally
        {
            hold.Release.Set();
        }

        Assert.Equal("Người thử đổi tên trong lúc xem trước", saved);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"The other writer waited {watch.Elapsed.TotalSeconds:0.00} s.");
        var result = await dryRun;
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3000, result.Counts.Single().Created);
        Assert.False(result.Written);
    }

    /// <summary>Stops the importer's thread at a row count until the test releases it (the importer reports every 1,000 rows).</summary>
    private sealed class HoldingProgress(int at) : IProgress<int>, IDisposable
    {
        public ManualResetEventSlim Reached { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public void Report(int value)
        {
            if (value >= at && !Reached.IsSet)
            {
                Reached.Set();
                Release.Wait(TimeSpan.FromMinutes(3));
            }
        }

        public void Dispose()
        {
            Reached.Dispose();
            Release.Dispose();
        }
    }
}
