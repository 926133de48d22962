using KhuyenCong.Domain.Reminders;

namespace KhuyenCong.Data.Reminders;

/// <summary>
/// Sổ nhắc hạn: one row per reminder queued, for one step of one deadline occurrence and one person. The unique index on
/// <see cref="DedupeKey"/> is what makes a reminder impossible to queue twice, whatever the number of runs, restarts or
/// instances: a second insert of the same key fails and is skipped (<c>IReminderSink</c>).
/// </summary>
public sealed class ReminderLedgerEntry
{
    public const int KeyLength = 300;

    public long Id { get; set; }

    /// <summary><see cref="DueReminder.DedupeKey"/>: deadline|occurrence|step|user.</summary>
    public string DedupeKey { get; set; } = string.Empty;

    public DeadlineKind Deadline { get; set; }

    public string Occurrence { get; set; } = string.Empty;

    /// <summary>Days from the due date (negative before it).</summary>
    public int Step { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>The date the run was for (<c>reminders run --date</c>, or today in Vietnam).</summary>
    public DateOnly RunDate { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    /// <summary>The records concerned, one per line: "Project 12 KCQG-2026-24-0001 — …".</summary>
    public string Records { get; set; } = string.Empty;

    public DateTime QueuedAtUtc { get; set; }
}
