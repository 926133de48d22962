using System.Diagnostics;
using System.Net;
using KhuyenCong.Data.Notifications;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Notifications;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Notifications and e-mail (issue 11), over HTTP, against a real SMTP server on a loopback port (<see cref="SmtpSink"/>):
/// who is told of each step of a project, the mails that carry it, a relay that is down and then up, the bell, the
/// e-mail settings, the admin page and the <c>outbox send</c> verb. The background dispatcher is off in this portal
/// (Mail:Background=false) so that each spec sends when it chooses.
/// </summary>
public abstract class NotificationSpecs(NotificationSpecs.Fixture fixture)
{
    public const string PublicUrl = "https://khuyencong.test";

    /// <summary>Every account of the fixture that is never anyone's turn in a Bắc Ninh project's journey.</summary>
    private static readonly string[] s_bystanders =
        [PortalFixture.OfficerHanoi, PortalFixture.Viewer, PortalFixture.Admin, PortalFixture.OrganiserNorth, PortalFixture.OrganiserSouth];

    [Fact]
    public async Task A_kcqg_journey_notifies_exactly_the_people_whose_turn_it_is_and_mails_each_of_them_once()
    {
        var portal = await fixture.GetAsync();
        await SendAllAsync(portal);
        var before = fixture.Sink.Messages.Count;
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var approver = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.ApproverBacNinh);
        var ministry = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryOfficer);
        var leader = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryApprover);
        var id = await ProjectLifecycleSpecs.RegisterAsync(portal, officer, "KCQG", "Hỗ trợ máy sấy chè, thông báo");
        var appraise = new Dictionary<string, string> { ["Command.Amount"] = "450.000.000", ["Command.Comment"] = "Đủ hồ sơ" };

        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, id, ProjectAction.Submit);
        Assert.Equal(Sorted((PortalFixture.AppraiserBacNinh, "project.submitted"), (PortalFixture.ApproverBacNinh, "project.submitted")), await NewAsync(portal, id));
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, appraise);
        // Sending to the Bộ is now the Sở leaders' turn: the other one (the actor is never told of their own act).
        Assert.Equal(Sorted((PortalFixture.AppraiserBacNinh, "project.appraised")), await NewAsync(portal, id));
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.Forward);
        Assert.Equal(Sorted((PortalFixture.MinistryOfficer, "project.forwarded")), await NewAsync(portal, id));
        await ProjectLifecycleSpecs.ActOkAsync(portal, ministry, id, ProjectAction.ReturnByMinistry, new() { ["Command.Comment"] = "Thiếu báo giá máy sấy" });
        Assert.Equal(Sorted((PortalFixture.OfficerBacNinh, "project.returned")), await NewAsync(portal, id));
        var returned = await portal.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "project.returned" && n.Link == $"/Projects/Details/{id}").SingleAsync());
        Assert.Contains("Lý do: Thiếu báo giá máy sấy", returned.Body);

        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, id, ProjectAction.Submit);
        Assert.Equal(Sorted((PortalFixture.AppraiserBacNinh, "project.submitted"), (PortalFixture.ApproverBacNinh, "project.submitted")), await NewAsync(portal, id));
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.AppraiseBase, appraise);
        await ProjectLifecycleSpecs.ActOkAsync(portal, approver, id, ProjectAction.Forward);
        await NewAsync(portal, id);
        await ProjectLifecycleSpecs.ActOkAsync(portal, ministry, id, ProjectAction.AppraiseMinistry, new() { ["Command.Amount"] = "400.000.000", ["Command.Comment"] = "Giảm chi phí lắp đặt" });
        // Approval is the Cục leaders' turn; the officer who appraised may not approve, and is not told.
        Assert.Equal(Sorted((PortalFixture.MinistryApprover, "project.appraised")), await NewAsync(portal, id));
        await ProjectLifecycleSpecs.ActOkAsync(portal, leader, id, ProjectAction.Approve, new() { ["Command.Amount"] = "400.000.000", ["Command.Date"] = "20/03/2026" });
        Assert.Equal(Sorted((PortalFixture.AppraiserBacNinh, "project.approved"), (PortalFixture.ApproverBacNinh, "project.approved"), (PortalFixture.OfficerBacNinh, "project.approved")),
            await NewAsync(portal, id));

        var all = await NotificationsAsync(portal, id);
        Assert.Equal(13, all.Count);
        // Nobody outside the project's scope, nor anyone whose turn it never was, hears of it: not Hà Nội's officer, not a viewer.
        Assert.DoesNotContain(all, n => s_bystanders.Contains(n.Email));

        var result = await SendAllAsync(portal);
        Assert.Equal((13, 0), (result.Sent, result.Failed));
        var code = await portal.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());
        var mails = fixture.Sink.Messages.Skip(before).Where(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(all.Select(n => n.Email).Order(StringComparer.Ordinal), mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());
        var approved = mails.Single(m => m.To.Mailboxes.Single().Address == PortalFixture.OfficerBacNinh && (m.Subject ?? "").Contains("đã được phê duyệt", StringComparison.Ordinal));
        Assert.StartsWith("[Khuyến công] Đề án " + code, approved.Subject ?? "");
        Assert.Contains("Kinh phí hỗ trợ được duyệt: 400.000.000 đồng.", approved.TextBody);
        Assert.Contains($"Xem chi tiết: {PublicUrl}/Projects/Details/{id}", approved.TextBody);
        Assert.Contains($"href=\"{PublicUrl}/Projects/Details/{id}\"", approved.HtmlBody);
        Assert.Contains("Kính gửi Người thử ProvinceOfficer", approved.TextBody);

        Assert.Equal((0, 0), ((await SendAllAsync(portal)).Sent, (await SendAllAsync(portal)).Failed));
    }

    [Fact]
    public async Task An_adjustment_request_tells_the_approving_level_and_its_decision_tells_the_province()
    {
        var portal = await fixture.GetAsync();
        var id = await new ProjectBuilder(portal).In("24", 2026).State(ProjectState.Contracted, 400_000_000).SaveAsync();
        await NewAsync(portal, id);
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        await ProjectLifecycleSpecs.ActOkAsync(portal, officer, id, ProjectAction.RequestAdjustment,
            new() { ["Command.AdjustmentKind"] = "Amount", ["Command.Amount"] = "350.000.000", ["Command.Comment"] = "Giá máy giảm" });
        // A KCQG project: the Cục's leaders decide; the Sở's leaders may not.
        Assert.Equal(Sorted((PortalFixture.MinistryApprover, "adjustment.requested")), await NewAsync(portal, id));

        var adjustmentId = await portal.WithDbAsync(db => db.Adjustments.Where(a => a.ProjectId == id).Select(a => a.Id).SingleAsync());
        var leader = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryApprover);
        await ProjectLifecycleSpecs.ActOkAsync(portal, leader, id, ProjectAction.DecideAdjustment,
            new() { ["Command.AdjustmentId"] = $"{adjustmentId}", ["Command.Accept"] = "true", ["Command.Comment"] = "Đồng ý" });
        Assert.Equal(Sorted((PortalFixture.AppraiserBacNinh, "adjustment.decided"), (PortalFixture.ApproverBacNinh, "adjustment.decided"), (PortalFixture.OfficerBacNinh, "adjustment.decided")),
            await NewAsync(portal, id));
        var decided = await portal.WithDbAsync(db => db.Notifications.Where(n => n.Kind == "adjustment.decided" && n.Link == $"/Projects/Details/{id}").Select(n => n.Body).FirstAsync());
        Assert.Contains("Đồng ý", decided);
    }

    [Fact]
    public async Task A_periodic_report_submitted_tells_the_cuc_and_reopened_tells_the_province()
    {
        var portal = await fixture.GetAsync();
        var officer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.OfficerBacNinh);
        var form = await officer.GetPageAsync("/Reports/Periodic");
        var created = await officer.SubmitAsync("/Reports/Periodic", new Dictionary<string, string>
        {
            ["Input.Year"] = "2026",
            ["Input.Period"] = "Quarter1",
            ["Input.ProvinceId"] = HttpForms.SelectedOption(form, "Input.ProvinceId"),
        }, page: form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var link = $"/Reports/Periodic/Details/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await ReportPostAsync(portal, officer, id, "Save", new()
        {
            ["Input.Results"] = "Báo cáo số liệu quý I.", ["Input.Difficulties"] = "Thiếu cán bộ.", ["Input.Proposals"] = "Tăng kinh phí.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportPostAsync(portal, await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.ApproverBacNinh), id, "Submit", [])).StatusCode);
        Assert.Equal(Sorted((PortalFixture.MinistryApprover, "report.submitted"), (PortalFixture.MinistryOfficer, "report.submitted")), await ReportNotificationsAsync(portal, link, "report.submitted"));

        var leader = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.MinistryApprover);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportPostAsync(portal, leader, id, "Reopen", new() { ["Reason"] = "Thiếu số liệu vốn đối ứng" })).StatusCode);
        Assert.Equal(Sorted((PortalFixture.AppraiserBacNinh, "report.reopened"), (PortalFixture.ApproverBacNinh, "report.reopened"), (PortalFixture.OfficerBacNinh, "report.reopened")),
            await ReportNotificationsAsync(portal, link, "report.reopened"));
        var reopened = await portal.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.Kind == "report.reopened").Select(n => n.Body).FirstAsync());
        Assert.Contains("Lý do: Thiếu số liệu vốn đối ứng", reopened);
    }

    [Fact]
    public async Task An_import_job_that_ends_tells_the_user_who_started_it_and_nobody_else_once()
    {
        var portal = await fixture.GetAsync();
        var owner = (await UserIdsAsync(portal, PortalFixture.MinistryOfficer)).Single();
        var instance = $"spec-{Guid.NewGuid():N}"[..20];
        var jobs = new List<int>();
        foreach (var file in new[] { "ke-hoach-2026.xlsx", "de-an-loi.xlsx" })
        {
            jobs.Add(await portal.WithDbAsync(async db =>
            {
                var job = new Data.Imports.ImportJob
                {
                    OwnerId = owner, FileName = file, Content = [1], State = Data.Imports.ImportJobState.Running, ClaimedBy = instance,
                    CreatedAtUtc = DateTime.UtcNow, StartedAtUtc = DateTime.UtcNow, HeartbeatAtUtc = DateTime.UtcNow,
                };
                db.ImportJobs.Add(job);
                await db.SaveChangesAsync();
                return job.Id;
            }));
        }

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var importJobs = scope.ServiceProvider.GetRequiredService<Pages.Exchange.ImportJobs>();
            Assert.Equal(1, await importJobs.FinishAsync(jobs[0], instance, new Excel.ImportResult([], [new("KeHoach", 3, 0, 0)], true), 3, CancellationToken.None));
            Assert.Equal(1, await importJobs.FailAsync(jobs[1], instance, Pages.Exchange.ImportJobs.Crashed, CancellationToken.None));
            // Ended already: ending again changes nothing and tells nobody again.
            Assert.Equal(0, await importJobs.FailAsync(jobs[1], instance, Pages.Exchange.ImportJobs.Crashed, CancellationToken.None));
        }

        var told = await portal.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/Exchange/Job/{jobs[0]}" || n.Link == $"/Exchange/Job/{jobs[1]}")
            .OrderBy(n => n.Id).Select(n => new { n.UserId, n.Kind, n.Title, n.Body }).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.All(told, n => Assert.Equal(owner, n.UserId));
        Assert.Equal(("import.succeeded", "Đã nhập xong tệp ke-hoach-2026.xlsx"), (told[0].Kind, told[0].Title));
        Assert.Equal(("import.failed", "Nhập tệp de-an-loi.xlsx không thành công", Pages.Exchange.ImportJobs.Crashed), (told[1].Kind, told[1].Title, told[1].Body));
    }

    private static async Task<HttpResponseMessage> ReportPostAsync(PortalFactory portal, HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        fields["Version"] = (await portal.WithDbAsync(db => db.PeriodicReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync())).ToString();
        return await client.SubmitAsync($"/Reports/Periodic/Details/{id}", fields, postUrl: $"/Reports/Periodic/Details/{id}?handler={handler}");
    }

    private static async Task<List<(string, string)>> ReportNotificationsAsync(PortalFactory portal, string link, string kind) =>
        [.. (await portal.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.Kind == kind).Select(n => new { n.User!.Email, n.Kind }).ToListAsync()))
            .Select(n => (n.Email!, n.Kind)).Order()];

    [Fact]
    public async Task With_the_relay_down_nothing_is_lost_and_when_it_is_back_every_mail_arrives_exactly_once()
    {
        var portal = await fixture.GetAsync();
        await SendAllAsync(portal);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var users = await UserIdsAsync(portal, PortalFixture.OfficerHanoi, PortalFixture.Viewer, PortalFixture.OrganiserNorth);
        await QueueAsync(portal, users, count: 5, tag);

        await fixture.Sink.StopAsync();
        try
        {
            var down = await SendAllAsync(portal);
            Assert.Equal((0, 15), (down.Sent, down.Failed));
            var waiting = await portal.WithDbAsync(db => db.OutboxMails.Where(m => (m.Subject ?? "").Contains(tag)).ToListAsync());
            Assert.All(waiting, m => Assert.True(m.State == OutboxMailState.Pending && m.Attempts == 1 && m.LastError is { Length: > 0 }, $"{m.State} {m.Attempts} {m.LastError}"));
            var again = await SendAllAsync(portal);
            Assert.Equal((0, 15), (again.Sent, again.Failed));
        }
        finally
        {
            fixture.Sink.Start();
        }

        var before = fixture.Sink.Messages.Count;
        var up = await SendAllAsync(portal);
        Assert.Equal((15, 0), (up.Sent, up.Failed));
        Assert.Equal((0, 0), ((await SendAllAsync(portal)).Sent, (await SendAllAsync(portal)).Failed));
        var arrived = fixture.Sink.Messages.Skip(before).Where(m => (m.Subject ?? "").Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(15, arrived.Count);
        Assert.Equal(15, arrived.Select(m => (m.To.Mailboxes.Single().Address, m.Subject)).Distinct().Count());
        var sent = await portal.WithDbAsync(db => db.OutboxMails.Where(m => (m.Subject ?? "").Contains(tag)).ToListAsync());
        Assert.All(sent, m => Assert.True(m.State == OutboxMailState.Sent && m.Attempts == 3 && m.SentAtUtc is not null && m.LastError is null));
    }

    [Fact]
    public async Task A_mail_whose_sender_died_mid_send_is_taken_again_after_its_lease_and_never_while_the_lease_holds()
    {
        var portal = await fixture.GetAsync();
        await SendAllAsync(portal);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await QueueAsync(portal, await UserIdsAsync(portal, PortalFixture.Viewer), count: 2, tag);
        var ids = await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Subject.Contains(tag)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        // Claimed by a dispatcher that then died: one lease still running, one run out.
        await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Sending)
            .SetProperty(m => m.LeaseOwner, "dead").SetProperty(m => m.Attempts, 1).SetProperty(m => m.LeaseUntilUtc, DateTime.UtcNow.AddMinutes(4))));
        await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Sending)
            .SetProperty(m => m.LeaseOwner, "dead").SetProperty(m => m.Attempts, 1).SetProperty(m => m.LeaseUntilUtc, DateTime.UtcNow.AddSeconds(-1))));

        var before = fixture.Sink.Messages.Count;
        Assert.Equal((1, 0), ((await SendAllAsync(portal)).Sent, 0));
        var arrived = Assert.Single(fixture.Sink.Messages.Skip(before));
        Assert.Contains(tag + " 1", arrived.Subject ?? "");
        var rows = await portal.WithDbAsync(db => db.OutboxMails.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal((OutboxMailState.Sending, "dead"), (rows[0].State, rows[0].LeaseOwner));
        Assert.Equal((OutboxMailState.Sent, 2), (rows[1].State, rows[1].Attempts));
        Assert.NotEqual("dead", rows[1].LeaseOwner);
    }

    [Fact]
    public async Task The_bell_counts_the_unread_notifications_on_every_page_and_the_page_marks_them_read()
    {
        var portal = await fixture.GetAsync();
        var email = $"chuong.{Guid.NewGuid():N}"[..16] + "@test.vn";
        var userId = await portal.CreateUserAsync(email, Domain.Identity.Roles.ProvinceOfficer, "01");
        var client = await ProjectLifecycleSpecs.SignedInAsync(portal, email);

        var empty = HttpForms.Text(await client.GetPageAsync("/Notifications"));
        Assert.Contains("data-testid=\"empty\"", empty);
        Assert.DoesNotContain("data-testid=\"bell-count\"", empty);
        Assert.Contains("data-testid=\"bell\"", empty);

        await QueueAsync(portal, [userId], count: 3, "chuong");
        var home = HttpForms.Text(await client.GetPageAsync("/"));
        Assert.Matches("data-testid=\"bell-count\">3<", home);
        Assert.Contains("aria-label=\"Thông báo: 3 chưa đọc\"", home);

        var list = await client.GetPageAsync("/Notifications");
        Assert.Equal(3, CountOf(list, "data-testid=\"unread\""));
        var newest = await portal.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId).OrderByDescending(n => n.Id).FirstAsync());
        Assert.True(list.IndexOf(newest.Title, StringComparison.Ordinal) < list.IndexOf("chuong 0", StringComparison.Ordinal), "newest first");
        var open = await client.SubmitAsync("/Notifications", new Dictionary<string, string>(), postUrl: $"/Notifications?handler=Open&id={newest.Id}", page: list);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal(newest.Link, open.Headers.Location!.ToString());
        Assert.Matches("data-testid=\"bell-count\">2<", await client.GetPageAsync("/"));

        // Another user's notification is not theirs to open.
        var other = await portal.WithDbAsync(db => db.Notifications.Where(n => n.UserId != userId).Select(n => n.Id).FirstOrDefaultAsync());
        if (other != 0)
        {
            var refused = await client.SubmitAsync("/Notifications", new Dictionary<string, string>(), postUrl: $"/Notifications?handler=Read&id={other}", page: list);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var readAll = await client.SubmitAsync("/Notifications", new Dictionary<string, string>(), postUrl: "/Notifications?handler=ReadAll", page: list);
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        var after = HttpForms.Text(await client.GetPageAsync("/Notifications"));
        Assert.DoesNotContain("data-testid=\"bell-count\"", after);
        Assert.Equal(0, CountOf(after, "data-testid=\"unread\""));
        Assert.Equal(3, CountOf(after, "data-testid=\"read\""));
    }

    [Fact]
    public async Task A_user_who_chose_the_daily_digest_gets_one_mail_for_the_day_and_one_who_chose_none_gets_no_mail()
    {
        var portal = await fixture.GetAsync();
        await SendAllAsync(portal);
        var digestEmail = $"tonghop.{Guid.NewGuid():N}"[..16] + "@test.vn";
        var noneEmail = $"khongthu.{Guid.NewGuid():N}"[..16] + "@test.vn";
        var digestUser = await portal.CreateUserAsync(digestEmail, Domain.Identity.Roles.Viewer);
        var noneUser = await portal.CreateUserAsync(noneEmail, Domain.Identity.Roles.Viewer);
        foreach (var (email, choice) in new[] { (digestEmail, "Digest"), (noneEmail, "None") })
        {
            var client = await ProjectLifecycleSpecs.SignedInAsync(portal, email);
            var page = await client.GetPageAsync("/Account/Notifications");
            Assert.Contains("id=\"pref-all\" value=\"All\" checked=\"checked\"", page);
            var saved = await client.SubmitAsync("/Account/Notifications", new Dictionary<string, string> { ["Preference"] = choice }, page: page);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains($"id=\"pref-{choice.ToLowerInvariant()}\" value=\"{choice}\" checked=\"checked\"", await client.GetPageAsync("/Account/Notifications"));
        }

        var tag = Guid.NewGuid().ToString("N")[..8];
        await QueueAsync(portal, [digestUser, noneUser], count: 2, tag);
        Assert.Equal(2, await portal.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == noneUser)));
        Assert.Equal(0, await portal.WithDbAsync(db => db.OutboxMails.CountAsync(m => m.UserId == noneUser)));
        var held = await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.UserId == digestUser).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.All(held, m => Assert.Equal(OutboxMailState.Held, m.State));
        Assert.Equal((0, 0), ((await SendAllAsync(portal)).Sent, 0));

        // The digest hour comes.
        await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.UserId == digestUser).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        var before = fixture.Sink.Messages.Count;
        var result = await SendAllAsync(portal);
        Assert.Equal((1, 0, 1), (result.Sent, result.Failed, result.Digests));
        var digest = Assert.Single(fixture.Sink.Messages.Skip(before), m => m.To.Mailboxes.Single().Address == digestEmail);
        Assert.Equal("[Khuyến công] 2 thông báo mới trong ngày", digest.Subject);
        Assert.Contains($"Thông báo thử {tag} 0", digest.TextBody);
        Assert.Contains($"Thông báo thử {tag} 1", digest.TextBody);
        Assert.DoesNotContain(fixture.Sink.Messages, m => m.To.Mailboxes.Single().Address == noneEmail);
        var folded = await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.UserId == digestUser && m.State == OutboxMailState.Digested).ToListAsync());
        Assert.Equal(2, folded.Count);
        Assert.Single(folded.Select(m => m.DigestId).Distinct());
    }

    [Fact]
    public async Task The_admin_page_shows_what_failed_and_why_and_resends_it_after_confirmation_and_is_for_administrators_only()
    {
        var portal = await fixture.GetAsync();
        await SendAllAsync(portal);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await QueueAsync(portal, await UserIdsAsync(portal, PortalFixture.Viewer), count: 1, tag);
        var id = await portal.WithDbAsync(db => db.OutboxMails.Where(m => (m.Subject ?? "").Contains(tag)).Select(m => m.Id).SingleAsync());
        await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxMailState.Failed)
            .SetProperty(m => m.Attempts, 8).SetProperty(m => m.LastError, "SmtpCommandException: 550 Hộp thư không tồn tại")));

        var viewer = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/Admin/Mail")).StatusCode);

        var admin = await ProjectLifecycleSpecs.SignedInAsync(portal, PortalFixture.Admin);
        var failed = HttpForms.Text(await admin.GetPageAsync("/Admin/Mail?state=Failed&q=" + tag));
        Assert.Contains("550 Hộp thư không tồn tại", failed);
        Assert.Contains("Gửi lỗi", failed);
        Assert.Contains(PortalFixture.Viewer, failed);
        var confirm = await admin.GetPageAsync($"/Admin/Mail?resend={id}");
        Assert.Contains("data-testid=\"confirm-resend\"", confirm);
        Assert.Contains("Xác nhận gửi lại", confirm);
        Assert.Equal(OutboxMailState.Failed, await portal.WithDbAsync(db => db.OutboxMails.Where(m => m.Id == id).Select(m => m.State).SingleAsync()));
        var resent = await admin.SubmitAsync("/Admin/Mail", new Dictionary<string, string>(), postUrl: $"/Admin/Mail?handler=Resend&id={id}", page: confirm);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);

        var before = fixture.Sink.Messages.Count;
        Assert.Equal((1, 0), ((await SendAllAsync(portal)).Sent, 0));
        Assert.Single(fixture.Sink.Messages.Skip(before), m => (m.Subject ?? "").Contains(tag, StringComparison.Ordinal));
        var sentPage = HttpForms.Text(await admin.GetPageAsync("/Admin/Mail?state=Sent&q=" + tag));
        Assert.Contains("Đã gửi", sentPage);
    }

    [Fact]
    public async Task The_outbox_send_verb_sends_what_is_queued_prints_the_counts_and_sends_nothing_the_second_time()
    {
        var portal = await fixture.GetAsync();
        await SendAllAsync(portal);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await QueueAsync(portal, await UserIdsAsync(portal, PortalFixture.Viewer, PortalFixture.OfficerHanoi), count: 2, tag);
        var before = fixture.Sink.Messages.Count;

        var first = await RunVerbAsync(portal.Database, fixture.Sink.Port, "outbox", "send");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Đã gửi 4 thư, 0 thư lỗi.", first.Output);
        var second = await RunVerbAsync(portal.Database, fixture.Sink.Port, "outbox", "send");
        Assert.Contains("Đã gửi 0 thư, 0 thư lỗi.", second.Output);
        Assert.Equal(4, fixture.Sink.Messages.Skip(before).Count(m => (m.Subject ?? "").Contains(tag, StringComparison.Ordinal)));

        var off = await RunVerbAsync(portal.Database, null, "outbox", "send");
        Assert.Equal(1, off.ExitCode);
        Assert.Contains("Thư điện tử đang tắt", off.Error);
    }

    /// <summary>Sends every mail that is due, as the background dispatcher or the verb does.</summary>
    internal static async Task<DispatchResult> SendAllAsync(PortalFactory portal, string? instance = null)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDispatcher>().SendDueAsync(instance ?? $"spec-{Guid.NewGuid():N}"[..20]);
    }

    /// <summary>Queues <paramref name="count"/> notifications for these users, as any writer does, and saves them.</summary>
    internal static async Task QueueAsync(PortalFactory portal, IReadOnlyList<string> userIds, int count, string tag)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var db = scope.ServiceProvider.GetRequiredService<Data.KhuyenCongDbContext>();
        for (var i = 0; i < count; i++)
        {
            await notifier.QueueAsync(userIds, new NotificationMessage("test", $"Thông báo thử {tag} {i}", "Nội dung thử.", "/Projects", $"test:{tag}:{i}"));
        }

        await db.SaveChangesAsync();
    }

    internal static Task<List<string>> UserIdsAsync(PortalFactory portal, params string[] emails) =>
        portal.WithDbAsync(db => db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync());

    private static List<(string, string)> Sorted(params (string, string)[] items) => [.. items.Order()];

    private static int CountOf(string html, string marker) => html.Split(marker).Length - 1;

    /// <summary>The project's notifications not seen by the previous call, as (e-mail, kind), sorted.</summary>
    private async Task<List<(string, string)>> NewAsync(PortalFactory portal, int projectId)
    {
        var all = await NotificationsAsync(portal, projectId);
        var seen = fixture.Seen.GetValueOrDefault(projectId);
        fixture.Seen[projectId] = all.Count == 0 ? 0 : all.Max(n => n.Id);
        return [.. all.Where(n => n.Id > seen).Select(n => (n.Email, n.Kind)).Order()];
    }

    private static Task<List<(long Id, string Email, string Kind)>> NotificationsAsync(PortalFactory portal, int projectId) =>
        portal.WithDbAsync(async db => (await db.Notifications.Where(n => n.Link == $"/Projects/Details/{projectId}")
            .Select(n => new { n.Id, n.User!.Email, n.Kind }).ToListAsync()).Select(n => (n.Id, n.Email!, n.Kind)).ToList());

    private static async Task<(int ExitCode, string Output, string Error)> RunVerbAsync(TestDatabase database, int? smtpPort, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__KhuyenCong"] = database.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Portal__DataRoot"] = PortalFactory.DataRoot;
        start.Environment["Portal__PublicUrl"] = PublicUrl;
        if (smtpPort is { } port)
        {
            start.Environment["Mail__Host"] = "127.0.0.1";
            start.Environment["Mail__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Mail__RetryDelay"] = "00:00:00";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The portal of these specs: mail through the fixture's SMTP server, sent when a spec says so, retried at once.</summary>
    public abstract class Fixture : PortalFixture, IAsyncDisposable
    {
        public SmtpSink Sink { get; } = new();

        /// <summary>The last notification id each project's journey has looked at.</summary>
        public Dictionary<int, long> Seen { get; } = [];

        protected override void Configure(IDictionary<string, string> settings)
        {
            SmtpSink.Require();
            settings["Mail:Host"] = "127.0.0.1";
            settings["Mail:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Mail:From"] = "Cổng Khuyến công <khuyencong@test.vn>";
            settings["Mail:Background"] = "false";
            settings["Mail:RetryDelay"] = "00:00:00";
            settings["Mail:Timeout"] = "00:00:05";
            settings["Portal:PublicUrl"] = PublicUrl;
        }

        async ValueTask IAsyncDisposable.DisposeAsync()
        {
            await DisposeAsync();
            await Sink.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }

    public sealed class SqliteFixture : Fixture
    {
        protected override void RequireDatabase()
        {
        }

        protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
    }

    public sealed class PostgresFixture : Fixture
    {
        protected override void RequireDatabase() => TestDatabase.RequirePostgres();

        protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
    }
}

public sealed class NotificationsOnSqlite(NotificationSpecs.SqliteFixture fixture) : NotificationSpecs(fixture), IClassFixture<NotificationSpecs.SqliteFixture>;

public sealed class NotificationsOnPostgreSql(NotificationSpecs.PostgresFixture fixture) : NotificationSpecs(fixture), IClassFixture<NotificationSpecs.PostgresFixture>;
