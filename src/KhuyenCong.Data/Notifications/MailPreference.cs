namespace KhuyenCong.Data.Notifications;

/// <summary>What e-mail a user wants for their notifications (their own page, /Account/Notifications).</summary>
public enum MailPreference
{
    /// <summary>One mail per notification, as it happens.</summary>
    All,

    /// <summary>One mail a day listing the day's notifications.</summary>
    Digest,

    /// <summary>No mail (mandatory reminders still come).</summary>
    None,
}
