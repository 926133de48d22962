using KhuyenCong.Data.Notifications;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Two portals on one PostgreSQL database, each with its own background dispatcher polling the outbox every 50 ms,
/// and the specs' own passes racing them on both: every mail reaches the SMTP server exactly once (issue 11).
/// </summary>
public sealed class OutboxOnTwoInstancesSpecs
{
    [Fact]
    public async Task Two_instances_and_their_dispatchers_send_each_queued_mail_exactly_once()
    {
        TestDatabase.RequirePostgres();
        SmtpSink.Require();
        await using var sink = new SmtpSink();
        await using var database = await TestDatabase.PostgresAsync();
        var settings = new Dictionary<string, string>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:From"] = "khuyencong@test.vn",
            ["Mail:PollInterval"] = "00:00:00.05",
            ["Mail:RetryDelay"] = "00:00:00",
        };
        await using var first = new PortalFactory(database, settings);
        await first.StartAsync();
        await using var second = new PortalFactory(database, settings);
        await second.StartAsync();
        var users = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await first.CreateUserAsync($"nguoinhan{i}@test.vn", Domain.Identity.Roles.Viewer));
        }

        // 4 users × 30 notifications, queued in batches while both instances are already sending.
        var racers = new List<Task>();
        for (var batch = 0; batch < 6; batch++)
        {
            await NotificationSpecs.QueueAsync(batch % 2 == 0 ? first : second, users, count: 5, $"lo{batch}");
            racers.Add(NotificationSpecs.SendAllAsync(first));
            racers.Add(NotificationSpecs.SendAllAsync(second));
        }

        await Task.WhenAll(racers);
        var arrived = await sink.WaitForAsync(120, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        arrived = sink.Messages;

        Assert.Equal(120, arrived.Count);
        Assert.Equal(120, arrived.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(120, arrived.Select(m => (m.To.Mailboxes.Single().Address, m.Subject)).Distinct().Count());
        var rows = await first.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync());
        Assert.Equal(120, rows.Count);
        // One claim per mail: a second dispatcher's conditional UPDATE never took a mail another had claimed.
        Assert.All(rows, m => Assert.True(m.State == OutboxMailState.Sent && m.Attempts == 1 && m.SentAtUtc is not null, $"{m.Id}: {m.State}, {m.Attempts} attempt(s)"));
        Assert.True(rows.Select(m => m.LeaseOwner).Distinct().Count() > 1, "the mails were shared among several dispatchers");
    }
}
