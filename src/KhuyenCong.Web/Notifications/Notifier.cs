using System.Globalization;
using System.Net;
using KhuyenCong.Data;
using KhuyenCong.Data.Notifications;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Notifications;

/// <summary>
/// What a notification says: a stable <paramref name="Kind"/>, a one-line Vietnamese <paramref name="Title"/>, a few
/// lines of <paramref name="Body"/>, the portal path of the record (<paramref name="Link"/>), and a
/// <paramref name="DedupeKey"/> that names the event (or the reminder: deadline and date) so that it is never queued
/// twice for one person.
/// </summary>
public sealed record NotificationMessage(string Kind, string Title, string Body, string Link, string DedupeKey)
{
    /// <summary>Mailed even to users who chose no e-mail (a reminder the ministry made mandatory).</summary>
    public bool Mandatory { get; init; }
}

/// <summary>
/// The one way to raise notifications (docs/architecture.md, "Notifications and e-mail"). <see cref="QueueAsync"/>
/// adds, to the caller's <see cref="KhuyenCongDbContext"/>, a <see cref="Notification"/> per user and an
/// <see cref="OutboxMail"/> per e-mail their setting asks for; the caller's own SaveChanges (and transaction) writes
/// them with the act that caused them, so both are written or neither. The dispatcher (<see cref="MailDispatcher"/>)
/// sends the mail later. Project acts, periodic reports, import jobs and the deadline reminders all queue through here.
/// </summary>
public sealed class Notifier(KhuyenCongDbContext db, Geography geography, IOptions<MailOptions> mail, IOptions<PortalLinks> links, TimeProvider clock, Reports.FigureCache figures)
{
    public const int TitleLength = 300;
    public const int BodyLength = 4000;

    private const string Footer = "Cổng thông tin quản lý hoạt động khuyến công";

    /// <summary>
    /// Queues <paramref name="message"/> for each of <paramref name="userIds"/> that is an enabled account and has not
    /// had this <see cref="NotificationMessage.DedupeKey"/> yet (a unique index on user and key guards against a
    /// concurrent writer: its transaction fails rather than notify twice). Nothing is saved here. Returns how many
    /// notifications were added.
    /// </summary>
    public async Task<int> QueueAsync(IEnumerable<string> userIds, NotificationMessage message, CancellationToken ct = default)
    {
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var key = Truncate(message.DedupeKey, 200);
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email, u.FullName, u.MailPreference }).ToListAsync(ct);
        var done = (await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.UserId) && n.DedupeKey == key).Select(n => n.UserId).ToListAsync(ct))
            .Concat(db.Notifications.Local.Where(n => n.DedupeKey == key).Select(n => n.UserId))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var user in users.Where(u => !done.Contains(u.Id)))
        {
            var notification = new Notification
            {
                UserId = user.Id,
                Kind = Truncate(message.Kind, 50),
                Title = Truncate(message.Title, TitleLength),
                Body = Truncate(message.Body, BodyLength),
                Link = Truncate(message.Link, 500),
                CreatedAtUtc = now,
                DedupeKey = key,
            };
            db.Notifications.Add(notification);
            added++;
            var preference = message.Mandatory && user.MailPreference == MailPreference.None ? MailPreference.All : user.MailPreference;
            if (preference == MailPreference.None || string.IsNullOrWhiteSpace(user.Email))
            {
                continue;
            }

            var digest = preference == MailPreference.Digest && !message.Mandatory;
            db.OutboxMails.Add(new OutboxMail
            {
                UserId = user.Id,
                Notification = notification,
                Recipient = user.Email,
                Subject = Truncate("[Khuyến công] " + notification.Title, TitleLength),
                TextBody = Text(user.FullName, [notification]),
                HtmlBody = Html(user.FullName, [notification]),
                State = digest ? OutboxMailState.Held : OutboxMailState.Pending,
                NextAttemptAtUtc = digest ? NextDigest(now, mail.Value.DigestHour) : now,
                CreatedAtUtc = now,
            });
        }

        return added;
    }

    /// <summary>
    /// The enabled users of these roles, each as the actor the workflow would see them as (their role, and the
    /// provinces and regions of their scope), so that "whose turn is it" is asked of <see cref="ProjectWorkflow"/> itself.
    /// </summary>
    public async Task<IReadOnlyList<ProjectActor>> ActorsAsync(IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where !u.IsDisabled && roles.Contains(r.Name!)
                          select new { u.Id, u.FullName, Role = r.Name!, u.ProvinceId, Regions = u.Regions.Select(x => x.Region!.Code).ToList() })
            .ToListAsync(ct);
        var directory = await geography.DirectoryAsync(ct);
        return [.. rows.Select(r => new ProjectActor(r.Id, r.FullName, r.Role,
            r.ProvinceId is { } p && Roles.IsProvinceScoped(r.Role) ? directory.SelfAndPredecessorIds(p).ToHashSet() : new HashSet<int>(),
            r.Regions.ToHashSet(StringComparer.Ordinal)))];
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null).CountAsync(ct);

    /// <summary>The user's own notifications, newest first.</summary>
    public IQueryable<Notification> Of(string userId) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id);

    /// <summary>Marks one of the user's own notifications read; another user's is not found (null).</summary>
    public async Task<Notification?> MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is not null)
        {
            await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
            await figures.ForgetLocalAsync(NotificationBell.Key(userId), ct);
        }

        return notification;
    }

    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        await figures.ForgetLocalAsync(NotificationBell.Key(userId), ct);
        return marked;
    }

    public async Task<MailPreference?> PreferenceAsync(string userId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (MailPreference?)u.MailPreference).SingleOrDefaultAsync(ct);

    /// <summary>The user's own choice of e-mail, saved (and audited) like any change to the account.</summary>
    public async Task<bool> SetPreferenceAsync(string userId, MailPreference preference, CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return false;
        }

        user.MailPreference = preference;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The plain-text body of a mail carrying these notifications (one, or a day's digest).</summary>
    internal string Text(string fullName, IReadOnlyList<Notification> items)
    {
        var text = new System.Text.StringBuilder();
        text.Append("Kính gửi ").Append(fullName).Append(",\n\n");
        if (items.Count > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"Có {items.Count} thông báo mới trên Cổng thông tin khuyến công:\n\n");
        }

        foreach (var item in items)
        {
            text.Append(item.Title).Append('\n');
            if (item.Body.Length > 0)
            {
                text.Append(item.Body).Append('\n');
            }

            text.Append("Xem chi tiết: ").Append(links.Value.Absolute(item.Link)).Append("\n\n");
        }

        text.Append("--\n").Append(Footer).Append('\n')
            .Append("Thư này được gửi tự động, xin đừng trả lời. Đổi cách nhận thư thông báo: ").Append(links.Value.Absolute("/Account/Notifications")).Append('\n');
        return text.ToString();
    }

    /// <summary>The HTML body of the same mail, every text encoded.</summary>
    internal string Html(string fullName, IReadOnlyList<Notification> items)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new System.Text.StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:14px\">");
        html.Append("<p>Kính gửi ").Append(E(fullName)).Append(",</p>");
        if (items.Count > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Có {items.Count} thông báo mới trên Cổng thông tin khuyến công:</p>");
        }

        foreach (var item in items)
        {
            var link = links.Value.Absolute(item.Link);
            html.Append("<p><strong>").Append(E(item.Title)).Append("</strong>");
            if (item.Body.Length > 0)
            {
                html.Append("<br>").Append(E(item.Body).Replace("\n", "<br>", StringComparison.Ordinal));
            }

            html.Append("<br><a href=\"").Append(E(link)).Append("\">Xem chi tiết</a></p>");
        }

        html.Append("<hr><p style=\"color:#666;font-size:12px\">").Append(E(Footer)).Append("<br>Thư này được gửi tự động, xin đừng trả lời. <a href=\"")
            .Append(E(links.Value.Absolute("/Account/Notifications"))).Append("\">Đổi cách nhận thư thông báo</a></p></body></html>");
        return html.ToString();
    }

    /// <summary>The next digest time after <paramref name="nowUtc"/>: <paramref name="hour"/> o'clock in Vietnam (UTC+7).</summary>
    public static DateTime NextDigest(DateTime nowUtc, int hour)
    {
        var local = nowUtc.AddHours(7);
        var at = local.Date.AddHours(Math.Clamp(hour, 0, 23));
        if (at <= local)
        {
            at = at.AddDays(1);
        }

        return DateTime.SpecifyKind(at.AddHours(-7), DateTimeKind.Utc);
    }

    internal static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
