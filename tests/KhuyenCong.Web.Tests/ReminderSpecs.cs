using KhuyenCong.Domain.Reminders;
using KhuyenCong.Web.Reminders;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// <c>reminders run</c> as a real process, and the ledger under concurrent runs: a reminder is queued once for its
/// deadline occurrence, step and person, however often and from however many places the run is made.
/// </summary>
public sealed class ReminderSpecs
{
    [Fact]
    public async Task Reminders_run_twice_for_the_same_date_queues_them_the_first_time_and_nothing_the_second()
    {
        await using var database = TestDatabase.Sqlite();
        foreach (var (email, role) in new[] { ("chuyenvien@bacninh.gov.vn", "ProvinceOfficer"), ("lanhdao@bacninh.gov.vn", "ProvinceApprover") })
        {
            var created = await CommandLineSpecs.RunAsync(database, "create-user", "--email", email, "--password", TestUsers.Password, "--role", role, "--province", "24");
            Assert.Equal(0, created.ExitCode);
        }

        // 08/04/2026: the Q1 2026 report of Bắc Ninh is due in 7 days and the 2025 annual report is 67 days late
        // (9th weekly step), for its officer and its approver: 4 reminders; nothing else is due.
        var first = await CommandLineSpecs.RunAsync(database, "reminders", "run", "--date", "2026-04-08");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Nộp báo cáo định kỳ: xếp hàng 4 nhắc hạn (4 đến hạn, 0 đã xếp trước đó)", first.Output);
        Assert.Contains("Ký hợp đồng sau khi phê duyệt: xếp hàng 0 nhắc hạn (0 đến hạn, 0 đã xếp trước đó)", first.Output);
        Assert.Contains("Đã xếp hàng 4 nhắc hạn cho ngày 08/04/2026.", first.Output);

        var second = await CommandLineSpecs.RunAsync(database, "reminders", "run", "--date", "2026-04-08");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Nộp báo cáo định kỳ: xếp hàng 0 nhắc hạn (4 đến hạn, 4 đã xếp trước đó)", second.Output);
        Assert.Contains("Đã xếp hàng 0 nhắc hạn cho ngày 08/04/2026.", second.Output);

        await using var portal = new PortalFactory(database);
        var ledger = await portal.WithDbAsync(db => db.ReminderLedger.OrderBy(e => e.DedupeKey).ToListAsync());
        Assert.Equal(4, ledger.Count);
        Assert.All(ledger, e => Assert.Equal((DeadlineKind.PeriodicReport, new DateOnly(2026, 4, 8)), (e.Deadline, e.RunDate)));
        Assert.Equal([63, 63, -7, -7], ledger.Select(e => e.Step).OrderDescending());
        Assert.Contains(ledger, e => e.Subject == "Nhắc hạn nộp báo cáo định kỳ: Báo cáo Quý I năm 2026 của Bắc Ninh — hạn 15/04/2026, còn 7 ngày");

        // Each queued reminder is a notification of its person, with the ledger's key, in the same transaction.
        var notifications = await portal.WithDbAsync(db => db.Notifications.OrderBy(n => n.DedupeKey).ToListAsync());
        Assert.Equal(ledger.Select(e => (e.UserId, e.DedupeKey)), notifications.Select(n => (n.UserId, n.DedupeKey)));
        Assert.Contains(notifications, n => n.Title == "Nhắc hạn nộp báo cáo định kỳ: Báo cáo Quý I năm 2026 của Bắc Ninh — hạn 15/04/2026, còn 7 ngày"
            && n.Link == "/Reports/Periodic" && n.Kind == "reminder." + DeadlineKinds.Key(DeadlineKind.PeriodicReport));
    }

    [Fact]
    public async Task A_mandatory_reminder_is_mailed_even_to_a_user_who_chose_no_e_mail()
    {
        await using var database = TestDatabase.Sqlite();
        var created = await CommandLineSpecs.RunAsync(database, "create-user", "--email", "khongthu@bacninh.gov.vn", "--password", TestUsers.Password, "--role", "ProvinceOfficer", "--province", "24");
        Assert.Equal(0, created.ExitCode);
        await using (var portal = new PortalFactory(database))
        {
            await portal.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Email == "khongthu@bacninh.gov.vn")).MailPreference = Data.Notifications.MailPreference.None;
                return await db.SaveChangesAsync();
            });
        }

        Assert.Equal(0, (await CommandLineSpecs.RunAsync(database, "reminders", "run", "--date", "2026-04-08")).ExitCode);
        await using (var portal = new PortalFactory(database))
        {
            Assert.Equal((2, 0), await portal.WithDbAsync(async db => (await db.Notifications.CountAsync(), await db.OutboxMails.CountAsync())));
            await portal.WithDbAsync(async db =>
            {
                (await db.ReminderRules.SingleAsync(r => r.Deadline == DeadlineKind.PeriodicReport)).Mandatory = true;
                return await db.SaveChangesAsync();
            });
        }

        // The next weekly step of the late annual report (15/04) and the Q1 report's due date: mandatory now, so mailed.
        Assert.Equal(0, (await CommandLineSpecs.RunAsync(database, "reminders", "run", "--date", "2026-04-15")).ExitCode);
        await using (var portal = new PortalFactory(database))
        {
            var mails = await portal.WithDbAsync(db => db.OutboxMails.Select(m => m.Recipient).ToListAsync());
            Assert.Equal(2, mails.Count);
            Assert.All(mails, m => Assert.Equal("khongthu@bacninh.gov.vn", m));
        }
    }

    [Fact]
    public async Task Reminders_with_a_bad_command_line_is_refused_in_vietnamese_with_exit_2()
    {
        await using var database = TestDatabase.Sqlite();
        foreach (var (args, message) in new[]
                 {
                     (new[] { "reminders", "run", "--date", "08/04/2026" }, "Lỗi: --date là một ngày dạng yyyy-MM-dd"),
                     (new[] { "reminders", "send" }, "Lỗi: «send» không phải việc của lệnh reminders"),
                     (new[] { "reminders" }, "Thiếu việc cần làm (run)."),
                 })
        {
            var result = await CommandLineSpecs.RunAsync(database, args);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(message, result.Error);
        }
    }

    [Fact]
    public async Task Runs_at_the_same_moment_on_postgresql_queue_each_reminder_once_the_unique_key_refusing_the_loser()
    {
        TestDatabase.RequirePostgres();
        await using var database = await TestDatabase.PostgresAsync();
        await using var portal = new PortalFactory(database);
        await portal.StartAsync();
        await portal.CreateUserAsync("chuyenvien.bn@test.vn", Domain.Identity.Roles.ProvinceOfficer, "24");
        await portal.CreateUserAsync("chuyenvien.hn@test.vn", Domain.Identity.Roles.ProvinceOfficer, "01");
        var date = new DateOnly(2026, 4, 22);
        IReadOnlyList<DueReminder> due;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            due = ReminderSchedule.Due(await scope.ServiceProvider.GetRequiredService<ReminderService>().FactsAsync(date));
        }

        Assert.NotEmpty(due);
        // Each sink checks the ledger, finds nothing, and inserts: the unique index lets one insert of each key commit.
        var queued = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = portal.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<IReminderSink>().QueueAsync(due, date)).Count;
        }));
        Assert.Equal(due.Count, queued.Sum());
        Assert.Equal(due.Count, await portal.WithDbAsync(db => db.ReminderLedger.CountAsync()));

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(date);
            Assert.Equal((due.Count, 0), (run.Due, run.Queued));
        }
    }
}
