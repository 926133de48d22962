using KhuyenCong.Domain.Reminders;
using KhuyenCong.Web.Reminders;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The scheduler on each real database: the migrations create Quartz's tables, the portal starts its scheduler on them
/// (clustered on PostgreSQL; SQLite, which Quartz refuses to cluster, persistent only) with the daily reminder trigger at
/// 07:00 Vietnam time; and two portals on one PostgreSQL database, each told to run the job now, queue each reminder once.
/// </summary>
public sealed class SchedulerSpecs
{
    private static readonly string[] s_tables =
    [
        "BLOB_TRIGGERS", "CALENDARS", "CRON_TRIGGERS", "EXECUTION_HISTORY", "FIRED_TRIGGERS", "JOB_DETAILS", "JOB_STATUS", "LOCKS",
        "MISFIRE_HISTORY", "PAUSED_JOB_GRPS", "PAUSED_TRIGGER_GRPS", "SCHEDULER_STATE", "SIMPLE_TRIGGERS", "SIMPROP_TRIGGERS", "TRIGGERS",
    ];

    internal static Dictionary<string, string> Settings() => new() { ["Scheduler:Enabled"] = "true", ["Scheduler:CheckinIntervalSeconds"] = "2" };

    [Fact]
    public async Task On_sqlite_the_migrations_create_the_quartz_tables_and_the_scheduler_runs_on_them_with_the_daily_trigger()
    {
        await using var database = TestDatabase.Sqlite();
        await using var portal = new PortalFactory(database, Settings());
        await portal.StartAsync();
        var tables = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ%'").ToListAsync());
        Assert.Equal(s_tables.Select(t => "QRTZ_" + t), tables.Order(StringComparer.Ordinal));

        var scheduler = await RunningSchedulerAsync(portal);
        Assert.Equal("NON_CLUSTERED", scheduler.SchedulerInstanceId);
        await AssertDailyTriggerAsync(portal, "SELECT CRON_EXPRESSION || ' ' || TIME_ZONE_ID AS \"Value\" FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'deadline-reminders-daily'");
    }

    [Fact]
    public async Task On_postgresql_the_scheduler_runs_clustered_on_the_migrated_tables_and_checks_in()
    {
        TestDatabase.RequirePostgres();
        await using var database = await TestDatabase.PostgresAsync();
        await using var portal = new PortalFactory(database, Settings());
        await portal.StartAsync();
        var tables = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz%'").ToListAsync());
        Assert.Equal(s_tables.Select(t => "qrtz_" + t.ToLowerInvariant()), tables.Order(StringComparer.Ordinal));

        var scheduler = await RunningSchedulerAsync(portal);
        Assert.NotEqual("NON_CLUSTERED", scheduler.SchedulerInstanceId);
        await WaitForAsync(async () => (await InstancesAsync(portal)).Contains(scheduler.SchedulerInstanceId), "the scheduler's check-in");
        await AssertDailyTriggerAsync(portal, "SELECT cron_expression || ' ' || time_zone_id AS \"Value\" FROM qrtz_cron_triggers WHERE trigger_name = 'deadline-reminders-daily'");
    }

    [Fact]
    public async Task Two_portals_on_one_postgresql_database_run_the_job_each_and_queue_every_reminder_once()
    {
        TestDatabase.RequirePostgres();
        await using var database = await TestDatabase.PostgresAsync();
        await using var first = new PortalFactory(database, Settings());
        await first.StartAsync();
        await first.CreateUserAsync("chuyenvien.bn@test.vn", Domain.Identity.Roles.ProvinceOfficer, "24");
        await first.CreateUserAsync("lanhdao.bn@test.vn", Domain.Identity.Roles.ProvinceApprover, "24");
        await first.CreateUserAsync("chuyenvien.hn@test.vn", Domain.Identity.Roles.ProvinceOfficer, "01");
        await new ProjectBuilder(first).In("24", 2026).State(Domain.Projects.ProjectState.Approved, 100_000_000m).SaveAsync();
        await using var second = new PortalFactory(database, Settings());
        await second.StartAsync();

        var schedulers = new[] { await RunningSchedulerAsync(first), await RunningSchedulerAsync(second) };
        Assert.NotEqual(schedulers[0].SchedulerInstanceId, schedulers[1].SchedulerInstanceId);
        await WaitForAsync(async () => (await InstancesAsync(first)).Count == 2, "two nodes checked in");

        var date = new DateOnly(2026, 4, 8);
        int expected;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            expected = ReminderSchedule.Due(await scope.ServiceProvider.GetRequiredService<ReminderService>().FactsAsync(date)).Count;
        }

        Assert.True(expected >= 6, $"expected several reminders on {date}, got {expected}");
        // Each node is asked to run the job now; the cluster fires each request once, never both at once, and the ledger
        // refuses a reminder already queued.
        foreach (var scheduler in schedulers)
        {
            await scheduler.TriggerJob(DeadlineReminderJob.Key, new JobDataMap { [DeadlineReminderJob.DateKey] = "2026-04-08" }, TestContext.Current.CancellationToken);
        }

        await WaitForAsync(async () => await LedgerAsync(first) == expected && await FiredAsync(first) == 0 && await RunsAsync(first) == 0, "both runs finished");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(expected, await LedgerAsync(second));
        var keys = await first.WithDbAsync(db => db.ReminderLedger.Select(e => e.DedupeKey).ToListAsync());
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The portal's scheduler once the host has started it.</summary>
    internal static async Task<IScheduler> RunningSchedulerAsync(PortalFactory portal)
    {
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        await WaitForAsync(() => Task.FromResult(scheduler.Status == SchedulerStatus.Running), "the scheduler to run");
        return scheduler;
    }

    private static async Task AssertDailyTriggerAsync(PortalFactory portal, string sql)
    {
        var trigger = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        Assert.Equal(["0 0 7 * * ? Asia/Ho_Chi_Minh"], trigger);
    }

    private static Task<List<string>> InstancesAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync());

    private static Task<int> LedgerAsync(PortalFactory portal) => portal.WithDbAsync(db => db.ReminderLedger.CountAsync());

    private static Task<int> FiredAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_fired_triggers").SingleAsync());

    /// <summary>One-off triggers made by TriggerJob still waiting to fire.</summary>
    private static Task<int> RunsAsync(PortalFactory portal) =>
        portal.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_triggers WHERE trigger_name <> 'deadline-reminders-daily'").SingleAsync());

    internal static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for {what}.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
