using KhuyenCong.Data.Identity;

namespace KhuyenCong.Data.Notifications;

/// <summary>
/// An in-app notification: something now waits for <see cref="UserId"/> (a project submitted to their Sở, returned to
/// them, a report reopened, an import finished, a deadline near). Written in the same transaction as the act that
/// causes it (<c>Notifications.Raise</c> in the web project); never audited, it is bookkeeping of the act.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public AppUser? User { get; set; }

    /// <summary>What happened, a stable code (<c>project.submitted</c>, <c>report.reopened</c>, <c>reminder.report</c>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>One line, in Vietnamese.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>A few lines, in Vietnamese (the reason of a return, the name of the records concerned).</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>The portal path of the record concerned (<c>/Projects/Details/12</c>), relative to the site.</summary>
    public string Link { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>
    /// Unique per user (a unique index on user and key): the same event, or the same reminder for the same deadline,
    /// can never be queued twice for one person, whatever the number of instances or re-runs.
    /// </summary>
    public string DedupeKey { get; set; } = string.Empty;
}
