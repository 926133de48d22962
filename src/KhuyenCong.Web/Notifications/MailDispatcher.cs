using KhuyenCong.Data;
using KhuyenCong.Data.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KhuyenCong.Web.Notifications;

/// <summary>What one pass of the dispatcher did.</summary>
public sealed record DispatchResult(int Sent, int Failed, int Digests)
{
    public static readonly DispatchResult None = new(0, 0, 0);
}

/// <summary>
/// Sends the outbox (docs/architecture.md, "Notifications and e-mail"). For each mail that is due it makes one
/// conditional UPDATE that moves it from <see cref="OutboxMailState.Pending"/> (or from an expired
/// <see cref="OutboxMailState.Sending"/> claim) to <see cref="OutboxMailState.Sending"/> under this dispatcher's
/// name and a lease; only the dispatcher whose UPDATE changed the row sends it; then a second conditional UPDATE,
/// which only the lease holder can make, marks it <see cref="OutboxMailState.Sent"/>. A failure puts it back with
/// a later <see cref="OutboxMail.NextAttemptAtUtc"/> (doubling each time) until <see cref="MailOptions.MaxAttempts"/>.
/// The same pass first folds the held mails of users who chose a daily digest into one mail each, once a day.
/// </summary>
public sealed class MailDispatcher(KhuyenCongDbContext db, Notifier notifier, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDispatcher> logger)
{
    /// <summary>Mails one pass looks at, at most (the next pass takes the rest).</summary>
    public const int PassSize = 500;

    public const string Off = "Thư điện tử đang tắt: chưa cấu hình máy chủ gửi thư (Mail:Host); thông báo vẫn hiện trên cổng thông tin, thư được giữ lại trong hàng đợi.";

    private MailOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sends what is due now, each mail once; safe to run on every instance at once and to run again.</summary>
    public async Task<DispatchResult> SendDueAsync(string instance, CancellationToken ct = default)
    {
        if (!Options.Enabled)
        {
            return DispatchResult.None;
        }

        var digests = await FoldDigestsAsync(instance, ct);
        var sent = 0;
        var failed = 0;
        using var smtp = new SmtpClient { Timeout = (int)Options.Timeout.TotalMilliseconds };
        try
        {
            var lastId = 0L;
            for (var looked = 0; looked < PassSize;)
            {
                var now = Now;
                var ids = await Due(db.OutboxMails.AsNoTracking(), now).Where(m => m.Id > lastId).OrderBy(m => m.Id)
                    .Select(m => m.Id).Take(50).ToListAsync(ct);
                if (ids.Count == 0)
                {
                    break;
                }

                foreach (var id in ids)
                {
                    lastId = id;
                    looked++;
                    if (await ClaimAsync(id, instance, ct) is not { } mail)
                    {
                        continue;
                    }

                    if (await SendOneAsync(smtp, mail, instance, ct))
                    {
                        sent++;
                    }
                    else
                    {
                        failed++;
                    }
                }
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                try
                {
                    await smtp.DisconnectAsync(true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException)
                {
                    logger.LogDebug(ex, "Closing the SMTP connection failed");
                }
            }
        }

        return new DispatchResult(sent, failed, digests);
    }

    /// <summary>What is due: waiting and its time has come, or claimed by a dispatcher whose lease ran out.</summary>
    private static IQueryable<OutboxMail> Due(IQueryable<OutboxMail> mails, DateTime now) =>
        mails.Where(m => (m.State == OutboxMailState.Pending && m.NextAttemptAtUtc <= now)
            || (m.State == OutboxMailState.Sending && m.LeaseUntilUtc < now));

    /// <summary>The claim: one UPDATE conditional on the row still being due; the mail when this dispatcher won it.</summary>
    private async Task<OutboxMail?> ClaimAsync(long id, string instance, CancellationToken ct)
    {
        var now = Now;
        var until = now + Options.Lease;
        var won = await Due(db.OutboxMails.Where(m => m.Id == id), now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Sending).SetProperty(m => m.LeaseOwner, instance)
                .SetProperty(m => m.LeaseUntilUtc, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return won == 1
            ? await db.OutboxMails.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.LeaseOwner == instance && m.State == OutboxMailState.Sending, ct)
            : null;
    }

    private async Task<bool> SendOneAsync(SmtpClient smtp, OutboxMail mail, string instance, CancellationToken ct)
    {
        try
        {
            if (!smtp.IsConnected)
            {
                var security = !Options.UseTls ? SecureSocketOptions.None : Options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
                await smtp.ConnectAsync(Options.Host!, Options.Port, security, ct);
                if (!string.IsNullOrEmpty(Options.UserName))
                {
                    await smtp.AuthenticateAsync(Options.UserName, Options.Password ?? string.Empty, ct);
                }
            }

            await smtp.SendAsync(Message(mail), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = Now;
            var giveUp = mail.Attempts >= Options.MaxAttempts;
            var delay = Backoff(mail.Attempts);
            var error = Notifier.Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            await Mine(mail.Id, instance).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, giveUp ? OutboxMailState.Failed : OutboxMailState.Pending)
                .SetProperty(m => m.NextAttemptAtUtc, now + delay).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            logger.LogWarning("Mail {Id} to {Recipient} failed (attempt {Attempt}): {Error}", mail.Id, mail.Recipient, mail.Attempts, error);
            if (smtp.IsConnected)
            {
                // A refused message leaves the connection usable; anything else starts the next mail on a new one.
                if (ex is not SmtpCommandException)
                {
                    await smtp.DisconnectAsync(false, CancellationToken.None);
                }
            }

            return false;
        }

        var sentAt = Now;
        var marked = await Mine(mail.Id, instance).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Sent)
            .SetProperty(m => m.SentAtUtc, sentAt).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        if (marked != 1)
        {
            // Only if this send outlived its lease and another dispatcher took the mail: the lease is minutes, the SMTP timeout seconds.
            logger.LogError("Mail {Id} was sent but its claim had passed to another dispatcher", mail.Id);
        }

        return true;
    }

    private IQueryable<OutboxMail> Mine(long id, string instance) =>
        db.OutboxMails.Where(m => m.Id == id && m.LeaseOwner == instance && m.State == OutboxMailState.Sending);

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: the retry delay, doubled for each earlier failure, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Options.RetryDelay.Ticks * factor, Options.MaxRetryDelay.Ticks));
        return delay;
    }

    private MimeMessage Message(OutboxMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Options.From));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.Subject = mail.Subject;
        // The same Message-Id for every attempt of one row: a relay or reader that sees a mail twice can tell it is one.
        var domain = message.From.Mailboxes.First().Domain;
        message.MessageId = $"outbox.{mail.Id}@{(string.IsNullOrEmpty(domain) ? "khuyencong" : domain)}";
        message.Date = new DateTimeOffset(mail.CreatedAtUtc, TimeSpan.Zero);
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Folds the held mails whose digest time has come into one mail per recipient, in one transaction: the held rows
    /// are taken with one conditional UPDATE (so two instances never fold one row twice), the digest written, and each
    /// folded row pointed at it.
    /// </summary>
    private async Task<int> FoldDigestsAsync(string instance, CancellationToken ct)
    {
        if (!await db.OutboxMails.AnyAsync(m => m.State == OutboxMailState.Held && m.NextAttemptAtUtc <= Now, ct))
        {
            return 0;
        }

        var now = Now;
        var token = Notifier.Truncate($"{instance}|{Guid.NewGuid():N}", 64);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.OutboxMails.Where(m => m.State == OutboxMailState.Held && m.NextAttemptAtUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Digested).SetProperty(m => m.LeaseOwner, token), ct);
        if (taken == 0)
        {
            return 0;
        }

        var rows = await db.OutboxMails.AsNoTracking().Include(m => m.Notification)
            .Where(m => m.LeaseOwner == token && m.State == OutboxMailState.Digested).OrderBy(m => m.Id).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => rows.Select(r => r.UserId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var made = new List<(OutboxMail Digest, List<long> Folded)>();
        foreach (var group in rows.GroupBy(r => (r.UserId, r.Recipient)))
        {
            var items = group.Select(r => r.Notification ?? new Notification { Title = r.Subject, Body = string.Empty, Link = "/Notifications" }).ToList();
            var name = group.Key.UserId is { } uid && names.TryGetValue(uid, out var n) ? n : group.Key.Recipient;
            var digest = new OutboxMail
            {
                UserId = group.Key.UserId,
                Recipient = group.Key.Recipient,
                Subject = items.Count == 1 ? group.First().Subject : $"[Khuyến công] {items.Count} thông báo mới trong ngày",
                TextBody = notifier.Text(name, items),
                HtmlBody = notifier.Html(name, items),
                State = OutboxMailState.Pending,
                NextAttemptAtUtc = now,
                CreatedAtUtc = now,
            };
            db.OutboxMails.Add(digest);
            made.Add((digest, [.. group.Select(r => r.Id)]));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (digest, folded) in made)
        {
            var digestId = digest.Id;
            await db.OutboxMails.Where(m => folded.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.DigestId, digestId), ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return made.Count;
    }

    /// <summary>
    /// An administrator's resend (/Admin/Mail): a failed mail goes back to the queue with its attempts reset; a sent
    /// one is queued again as a new mail (the sent record stays as it was). False when there is no such mail to resend.
    /// </summary>
    public async Task<bool> ResendAsync(long id, CancellationToken ct = default)
    {
        var now = Now;
        var reset = await db.OutboxMails.Where(m => m.Id == id && m.State == OutboxMailState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAtUtc, now).SetProperty(m => m.LeaseOwner, (string?)null), ct);
        if (reset == 1)
        {
            return true;
        }

        var sent = await db.OutboxMails.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.State == OutboxMailState.Sent, ct);
        if (sent is null)
        {
            return false;
        }

        db.OutboxMails.Add(new OutboxMail
        {
            UserId = sent.UserId,
            NotificationId = sent.NotificationId,
            Recipient = sent.Recipient,
            Subject = sent.Subject,
            TextBody = sent.TextBody,
            HtmlBody = sent.HtmlBody,
            State = OutboxMailState.Pending,
            NextAttemptAtUtc = now,
            CreatedAtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>
/// Runs <see cref="MailDispatcher"/> every <see cref="MailOptions.PollInterval"/> on every instance of the portal
/// (the claims keep them from sending one mail twice). Without <c>Mail:Host</c> it says once that e-mail is off and stops.
/// </summary>
public sealed class MailDispatcherService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDispatcherService> logger) : BackgroundService
{
    /// <summary>This process, as written in <see cref="OutboxMail.LeaseOwner"/>.</summary>
    public string Instance { get; } = Notifier.Truncate($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}", 48);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogWarning("E-mail is off: Mail:Host is not set. Notifications are shown in the portal only; mails stay queued in the outbox.");
            return;
        }

        if (!options.Value.Background)
        {
            logger.LogInformation("The mail dispatcher does not run in this process (Mail:Background is false); `outbox send` sends the queue");
            return;
        }

        logger.LogInformation("Mail dispatcher {Instance} sends through {Host}:{Port}", Instance, options.Value.Host, options.Value.Port);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<MailDispatcher>().SendDueAsync(Instance, stoppingToken);
                if (result.Sent + result.Failed > 0)
                {
                    logger.LogInformation("Outbox: {Sent} sent, {Failed} failed, {Digests} digest(s) made", result.Sent, result.Failed, result.Digests);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // a database briefly unreachable: try again at the next poll
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Sending the outbox failed");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
