namespace KhuyenCong.Data.Notifications;

/// <summary>Where a queued e-mail stands; stored as text so that the table reads plainly.</summary>
public enum OutboxMailState
{
    /// <summary>Waiting to be sent at <see cref="OutboxMail.NextAttemptAtUtc"/>.</summary>
    Pending,

    /// <summary>Claimed by one dispatcher until <see cref="OutboxMail.LeaseUntilUtc"/>; nobody else may send it.</summary>
    Sending,

    /// <summary>Accepted by the mail server, once, at <see cref="OutboxMail.SentAtUtc"/>.</summary>
    Sent,

    /// <summary>Given up after the last attempt; an administrator may resend it.</summary>
    Failed,

    /// <summary>Held for the recipient's daily digest (their setting), until <see cref="OutboxMail.NextAttemptAtUtc"/>.</summary>
    Held,

    /// <summary>Folded into the digest mail <see cref="OutboxMail.DigestId"/>; never sent on its own.</summary>
    Digested,
}

/// <summary>
/// An e-mail to send, written in the same transaction as the act that causes it (the transactional outbox): none is
/// lost when the mail server is down or the process dies. A dispatcher claims a row with one conditional UPDATE on
/// <see cref="State"/> and the lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntilUtc"/>), sends it, then marks it
/// sent with a second conditional UPDATE that only the lease holder can make (docs/architecture.md, "Notifications").
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>The user it is for (null for an address outside the portal's accounts).</summary>
    public string? UserId { get; set; }

    /// <summary>The notification it carries, when there is one (a digest carries several).</summary>
    public long? NotificationId { get; set; }

    public Notification? Notification { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public OutboxMailState State { get; set; }

    /// <summary>Attempts made so far (each claim counts one).</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be tried before this time: now when queued, then later and later after each failure.</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>What the mail server said the last time it failed.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The dispatcher (a random id per process) that holds the claim.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>The claim ends here; a row still <see cref="OutboxMailState.Sending"/> after it may be claimed again.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>The digest mail this row was folded into.</summary>
    public long? DigestId { get; set; }
}
