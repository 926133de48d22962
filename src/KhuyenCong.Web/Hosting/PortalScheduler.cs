using KhuyenCong.Web.Reminders;
using Quartz;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// The scheduler (docs/architecture.md "Scheduler"): Quartz.NET with its ADO.NET job store on the portal's own database,
/// whose QRTZ_ tables the migrations create, clustered on SQL Server and PostgreSQL. Every web instance runs a node of one cluster
/// (scheduler name <see cref="SchedulerName"/>, an instance id per node), so a trigger fires on one node only and a
/// node that dies has its work recovered by another. <c>Scheduler:Enabled</c> false leaves it out (tests, or an
/// instance that must not run jobs); the command line never runs it.
/// </summary>
public static class PortalScheduler
{
    public const string SchedulerName = "KhuyenCong";

    /// <summary>07:00 every day, Vietnam time.</summary>
    public const string DefaultReminderCron = "0 0 7 * * ?";

    public static readonly TriggerKey ReminderTrigger = new("deadline-reminders-daily", "khuyencong");

    /// <summary>Clustered on SQL Server and PostgreSQL, the databases several instances may share.</summary>
    public static bool Clustered(string provider) => !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Scheduler:Enabled", true);

    public static void AddPortalScheduler(this IServiceCollection services, IConfiguration configuration, DataRoot dataRoot)
    {
        if (!Enabled(configuration))
        {
            return;
        }

        var (provider, connectionString) = DatabaseSetup.Resolve(configuration, dataRoot);
        var cron = configuration["Scheduler:ReminderCron"] is { Length: > 0 } c ? c : DefaultReminderCron;
        var checkin = TimeSpan.FromSeconds(configuration.GetValue("Scheduler:CheckinIntervalSeconds", 15));
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = SchedulerName);
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                switch (provider.ToUpperInvariant())
                {
                    case "SQLITE":
                        store.UseSqlite(Microsoft.Data.Sqlite.SqliteFactory.Instance, DatabaseSetup.SqliteConnection(connectionString, configuration));
                        break;
                    case "SQLSERVER":
                        store.UseSqlServer(Microsoft.Data.SqlClient.SqlClientFactory.Instance, connectionString);
                        break;
                    case "POSTGRESQL":
                        store.UsePostgres(Npgsql.NpgsqlFactory.Instance, connectionString);
                        break;
                    default:
                        throw new InvalidOperationException($"Database:Provider '{provider}' is not one of Sqlite, SqlServer, PostgreSQL.");
                }

                // A node is declared dead after its check-in is late by the threshold; clocks of the nodes must agree
                // (operations.md "Scheduler"). Quartz refuses clustering on SQLite ("SQLite cannot be used as clustered
                // mode due to locking problems"), and a SQLite portal is one instance anyway: there the store is the
                // same persistent one, not clustered.
                if (Clustered(provider))
                {
                    store.UseClustering(o =>
                    {
                        o.CheckinInterval = checkin;
                        o.CheckinMisfireThreshold = checkin * 2;
                    });
                }
            });
            q.AddJob<DeadlineReminderJob>(j => j.WithIdentity(DeadlineReminderJob.Key).StoreDurably().WithDescription("Nhắc hạn hằng ngày"));
            q.AddTrigger(t => t.ForJob(DeadlineReminderJob.Key).WithIdentity(ReminderTrigger)
                .WithCronSchedule(cron, s => s.InTimeZone(VietnamTime)));
        });
        // Not Quartz's own hosted service: its start throws when the database cannot be reached, which stopped the
        // whole portal (and /health with it). This one retries in the background and the portal answers meanwhile.
        services.AddHostedService<PortalSchedulerService>();
    }

    /// <summary>Asia/Ho_Chi_Minh from the system's zones; a fixed UTC+7 zone where the system has none (same rule: no DST).</summary>
    public static TimeZoneInfo VietnamTime { get; } = FindVietnam();

    private static TimeZoneInfo FindVietnam()
    {
        foreach (var id in new[] { "Asia/Ho_Chi_Minh", "SE Asia Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
    }
}

/// <summary>
/// Starts the Quartz node once the database lets it (retrying with a growing delay, up to 5 minutes, while it cannot),
/// and shuts it down with the portal, waiting for a running job to finish.
/// </summary>
internal sealed class PortalSchedulerService(ISchedulerFactory factory, TimeProvider clock, ILogger<PortalSchedulerService> log) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scheduler = await factory.GetScheduler(stoppingToken);
                await scheduler.Start(stoppingToken);
                _scheduler = scheduler;
                log.LogInformation("Scheduler {Name} started (instance {Instance})", scheduler.SchedulerName, scheduler.SchedulerInstanceId);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SchedulerException ex)
            {
                log.LogWarning(ex, "The scheduler could not start (is the database reachable?); next try in {Delay}", delay);
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
