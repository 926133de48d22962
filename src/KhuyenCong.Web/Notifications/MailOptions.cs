namespace KhuyenCong.Web.Notifications;

/// <summary>
/// The <c>Mail</c> settings (docs/operations.md, "E-mail"): the SMTP relay the portal sends through. Without a
/// <see cref="Host"/> e-mail is off: notifications are still written and shown in the portal, mails stay queued.
/// </summary>
public sealed class MailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>"Cổng Khuyến công &lt;khuyencong@moit.gov.vn&gt;"</c>.</summary>
    public string From { get; set; } = "khuyencong@localhost";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>TLS to the relay: implicit TLS on port 465, STARTTLS on any other port; false sends in clear (a relay on the same network).</summary>
    public bool UseTls { get; set; }

    /// <summary>Whether this process runs the dispatcher in the background (the <c>outbox send</c> verb sends in any case).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How often the background dispatcher looks for mail that is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts before a mail is given up (then shown as failed on /Admin/Mail, where it can be resent).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each further failure doubles it (1, 2, 4 … minutes), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a dispatcher's claim on a mail lasts. It must be far longer than one SMTP exchange (<see cref="Timeout"/>):
    /// only after it may another instance take a mail whose sender died mid-way.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The SMTP client's timeout for each exchange with the relay.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The hour (Vietnam time, 0–23) at which the daily digests are sent.</summary>
    public int DigestHour { get; set; } = 7;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary><c>Portal:PublicUrl</c>: the address users reach the portal at, for the links in e-mails.</summary>
public sealed class PortalLinks
{
    public string? PublicUrl { get; set; }

    /// <summary>The absolute address of a portal path (the path itself when no public address is set).</summary>
    public string Absolute(string path) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? path : PublicUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
