using KhuyenCong.Data;
using KhuyenCong.Data.Reminders;
using KhuyenCong.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reminders;

/// <summary>Where computed reminders are queued; each is queued at most once (its <see cref="DueReminder.DedupeKey"/>).</summary>
public interface IReminderSink
{
    /// <summary>Queues the reminders not queued before and returns those it queued now.</summary>
    Task<IReadOnlyList<DueReminder>> QueueAsync(IReadOnlyList<DueReminder> reminders, DateOnly runDate, CancellationToken ct = default);
}

/// <summary>
/// Writes each new reminder to the ledger (<see cref="ReminderLedgerEntry"/>), one transaction per reminder. The unique
/// index on the dedupe key decides: a key already there (another run, another instance at the same moment) makes the
/// insert fail, and the reminder is skipped, not queued twice.
/// <para>
/// The in-app notification and its outbox row go into the same transaction as the ledger row
/// (<see cref="WriteNotificationAsync"/>), so a reminder is queued for delivery exactly when its ledger row commits.
/// </para>
/// </summary>
public sealed class LedgerReminderSink(KhuyenCongDbContext db, Notifications.Notifier notifier, TimeProvider clock, ILogger<LedgerReminderSink> log) : IReminderSink
{
    private const int Chunk = 400;

    public async Task<IReadOnlyList<DueReminder>> QueueAsync(IReadOnlyList<DueReminder> reminders, DateOnly runDate, CancellationToken ct = default)
    {
        var queued = new List<DueReminder>();
        foreach (var chunk in reminders.DistinctBy(r => r.DedupeKey).Chunk(Chunk))
        {
            var keys = chunk.Select(r => r.DedupeKey).ToList();
            var known = (await db.ReminderLedger.AsNoTracking().Where(e => keys.Contains(e.DedupeKey)).Select(e => e.DedupeKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var reminder in chunk.Where(r => !known.Contains(r.DedupeKey)))
            {
                if (await TryQueueAsync(reminder, runDate, ct))
                {
                    queued.Add(reminder);
                }
            }
        }

        return queued;
    }

    private async Task<bool> TryQueueAsync(DueReminder reminder, DateOnly runDate, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ReminderLedger.Add(new ReminderLedgerEntry
        {
            DedupeKey = reminder.DedupeKey,
            Deadline = reminder.Deadline,
            Occurrence = reminder.Occurrence,
            Step = reminder.Step,
            DueDate = reminder.DueDate,
            RunDate = runDate,
            UserId = reminder.UserId,
            Subject = Cut(reminder.Subject, 400),
            Records = Cut(string.Join('\n', reminder.Records.Select(r => $"{r.Kind} {r.Id} {r.Label}")), 8000),
            QueuedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await WriteNotificationAsync(reminder, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException ex)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            // Another run committed the same key between our check and our insert: the unique index refused ours.
            if (await db.ReminderLedger.AsNoTracking().AnyAsync(e => e.DedupeKey == reminder.DedupeKey, ct))
            {
                log.LogInformation("Reminder {Key} was queued by another run; skipped", reminder.DedupeKey);
                return false;
            }

            log.LogError(ex, "Reminder {Key} could not be queued", reminder.DedupeKey);
            throw;
        }
    }

    /// <summary>
    /// The reminder's notification and its outbox row, added to the ledger row's context so that the same SaveChanges
    /// commits all three (<see cref="Notifications.Notifier.QueueAsync"/> saves nothing itself). Its dedupe key is the
    /// ledger's, so a notification can no more be doubled than a ledger row. A rule marked mandatory by the ministry
    /// (<see cref="DueReminder.Mandatory"/>) is mailed even to users who chose no e-mail.
    /// </summary>
    private async Task WriteNotificationAsync(DueReminder reminder, CancellationToken ct)
    {
        var records = reminder.Records.Select(r => "- " + r.Label).ToList();
        var body = records.Count == 0 ? reminder.Subject : reminder.Subject + "\n" + string.Join('\n', records.Take(50))
            + (records.Count > 50 ? $"\n… và {records.Count - 50} hồ sơ khác." : string.Empty);
        var link = (reminder.Records.Count > 0 ? reminder.Records[0] : null) switch
        {
            { Kind: ReminderRecord.Project, Id: var id } when reminder.Records.Count == 1 => $"/Projects/Details/{id}",
            { Kind: ReminderRecord.Project } => "/Projects/Queue",
            { Kind: ReminderRecord.PeriodicReport, Id: > 0 and var id } => $"/Reports/Periodic/Details/{id}",
            { Kind: ReminderRecord.PeriodicReport } => "/Reports/Periodic",
            _ => "/",
        };
        await notifier.QueueAsync([reminder.UserId],
            new Notifications.NotificationMessage("reminder." + DeadlineKinds.Key(reminder.Deadline), reminder.Subject, body, link, reminder.DedupeKey)
            {
                Mandatory = reminder.Mandatory,
            }, ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
