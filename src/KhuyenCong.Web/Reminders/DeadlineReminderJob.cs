using System.Globalization;
using Quartz;

namespace KhuyenCong.Web.Reminders;

/// <summary>
/// The daily reminder run, fired by the clustered Quartz scheduler (<c>Scheduler:ReminderCron</c>, 07:00 in Vietnam):
/// the same <see cref="ReminderService.RunAsync"/> as <c>reminders run</c>. One firing runs on one instance of the
/// cluster, and never two at once (<see cref="DisallowConcurrentExecutionAttribute"/> holds across the cluster); the
/// ledger keeps a reminder to once even if it did.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineReminderJob(IServiceScopeFactory scopes, ILogger<DeadlineReminderJob> log) : IJob
{
    public static readonly JobKey Key = new("deadline-reminders", "khuyencong");

    /// <summary>Job data: the date to run for (yyyy-MM-dd), instead of today in Vietnam.</summary>
    public const string DateKey = "date";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ReminderService>();
        var date = context.MergedJobDataMap.TryGetValue(DateKey, out var value) && value is string text
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var given)
            ? given
            : service.Today;
        var run = await service.RunAsync(date, cancellationToken);
        log.LogInformation("Deadline reminders for {Date:yyyy-MM-dd}: {Queued} queued of {Due} due, on {Instance}",
            date, run.Queued, run.Due, context.Scheduler.SchedulerInstanceId);
    }
}
