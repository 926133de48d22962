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
/// Hook for the notifications (issue 11, branch <c>notify</c>): the in-app notification and its outbox row go into the
/// same transaction as the ledger row, where <see cref="WriteNotificationAsync"/> is called, so a reminder is queued
/// for delivery exactly when its ledger row commits. Until that branch lands the ledger row is the queued reminder.
/// </para>
/// </summary>
public sealed class LedgerReminderSink(KhuyenCongDbContext db, TimeProvider clock, ILogger<LedgerReminderSink> log) : IReminderSink
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
    /// Where the notification of the reminder and its outbox row are added, in the ledger row's transaction (same context,
    /// saved by the same SaveChanges). Nothing yet: the notifications are built on branch <c>notify</c>, whose
    /// <c>Notifier.QueueAsync(userIds, NotificationMessage)</c> adds a <c>Notification</c> (unique on user and
    /// <c>DedupeKey</c>, 200 characters) and its outbox row to the context without saving. At the merge this becomes
    /// <c>notifier.QueueAsync([reminder.UserId], new("reminder." + deadline key, reminder.Subject, the records, the link
    /// of the first record, DedupeKey: deadline|occurrence|step))</c>; the ledger may then be dropped for that key.
    /// </summary>
    private static Task WriteNotificationAsync(DueReminder reminder, CancellationToken ct)
    {
        _ = reminder;
        _ = ct;
        return Task.CompletedTask;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
