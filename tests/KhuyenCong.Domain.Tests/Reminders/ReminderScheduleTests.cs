using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Reminders;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Domain.Tests.Reminders;

/// <summary>Which reminders are due on a date, to whom, naming what: the shipped rules over a small world.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly ProvinceDirectory s_directory = CatalogDirectory.Build();
    private static readonly ProvinceFact s_bacNinh = s_directory.ValidOn(new DateOnly(2026, 1, 1)).Single(p => p.Code == "24");
    private static readonly ProvinceFact s_hanoi = s_directory.ValidOn(new DateOnly(2026, 1, 1)).Single(p => p.Code == "01");
    /// <summary>Bắc Giang before the merger (code 24 until 30/06/2025), now part of Bắc Ninh.</summary>
    private static readonly ProvinceFact s_oldBacGiang = s_directory.ValidOn(new DateOnly(2025, 1, 1)).Single(p => p.Code == "24");

    private static readonly ReminderUser[] s_users =
    [
        new("officer-bn", Roles.ProvinceOfficer, s_bacNinh.Id),
        new("approver-bn", Roles.ProvinceApprover, s_bacNinh.Id),
        new("officer-hn", Roles.ProvinceOfficer, s_hanoi.Id),
    ];

    private static List<ReminderRule> Rules() =>
        [.. ReferenceCatalog.ReminderRules.Select(r => new ReminderRule
        {
            Deadline = r.Deadline, DaysBefore = r.DaysBefore, OnDueDate = r.OnDueDate, OverdueEveryDays = r.OverdueEvery,
            OverdueForDays = r.OverdueFor, DueMonth = r.Month, DueDay = r.Day, DaysAfterEvent = r.DaysAfter, LegalBasis = r.LegalBasis,
        })];

    private static readonly ReportDeadline[] s_reportDeadlines =
        [.. ReferenceCatalog.ReportDeadlines.Select(d => new ReportDeadline { Period = d.Period, FromYear = d.FromYear, DaysAfterPeriodEnd = d.Days })];

    private static IReadOnlyList<DueReminder> Due(DateOnly date, IReadOnlyList<ReminderProject>? projects = null, IReadOnlyList<ReminderReport>? reports = null, List<ReminderRule>? rules = null) =>
        ReminderSchedule.Due(new ReminderFacts(date, rules ?? Rules(), s_reportDeadlines, s_directory, s_users, projects ?? [], reports ?? []));

    private static string Q1Of(ProvinceFact p) => $"2026-Quarter1-p{p.Id}";

    private static ReminderProject Project(int id, ProjectState state, FundingSource source = FundingSource.KCDP, int planYear = 2026, int? provinceId = null,
        DateOnly? approved = null, DateOnly? end = null) =>
        new(id, $"{source}-{planYear}-24-{id:0000}", $"Đề án {id}", provinceId ?? s_bacNinh.Id, source, planYear, state, approved, end ?? new DateOnly(planYear, 11, 30));

    [Fact]
    public void The_periodic_report_rule_reminds_7_days_before_on_the_day_and_weekly_for_12_weeks()
    {
        var rule = Rules().Single(r => r.Deadline == DeadlineKind.PeriodicReport);
        Assert.Equal([-7, 0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84], rule.Steps());
    }

    [Theory]
    [InlineData("2026-04-07", null)] // 8 days before the 15/04 due date: nothing yet
    [InlineData("2026-04-08", -7)]
    [InlineData("2026-04-11", -7)] // a missed run is caught up; the ledger keeps it to once
    [InlineData("2026-04-15", 0)]
    [InlineData("2026-04-21", 0)]
    [InlineData("2026-04-22", 7)]
    [InlineData("2026-04-29", 14)]
    [InlineData("2026-07-08", 84)]
    [InlineData("2026-07-09", null)] // 85 days overdue: the window is over
    public void The_current_step_of_a_deadline_follows_the_date(string date, int? step)
    {
        var rule = Rules().Single(r => r.Deadline == DeadlineKind.PeriodicReport);
        Assert.Equal(step, ReminderSchedule.CurrentStep(rule, new DateOnly(2026, 4, 15), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_quarterly_report_not_sent_reminds_the_officer_and_approver_of_the_province_only_a_week_before()
    {
        var due = Due(new DateOnly(2026, 4, 8)).Where(r => r.Deadline == DeadlineKind.PeriodicReport && r.Occurrence == Q1Of(s_bacNinh)).ToList();
        Assert.Equal(["approver-bn", "officer-bn"], due.Select(r => r.UserId));
        Assert.All(due, r => Assert.Equal((-7, new DateOnly(2026, 4, 15)), (r.Step, r.DueDate)));
        var record = Assert.Single(due[0].Records);
        Assert.Equal((ReminderRecord.PeriodicReport, 0, "Báo cáo Quý I năm 2026 của Bắc Ninh (chưa lập)"), (record.Kind, record.Id, record.Label));
        Assert.Equal("Nhắc hạn nộp báo cáo định kỳ: Báo cáo Quý I năm 2026 của Bắc Ninh — hạn 15/04/2026, còn 7 ngày", due[0].Subject);
        Assert.DoesNotContain(Due(new DateOnly(2026, 4, 8)), r => r.Occurrence == Q1Of(s_bacNinh) && r.UserId == "officer-hn");
        Assert.DoesNotContain(Due(new DateOnly(2026, 4, 7)), r => r.Occurrence == Q1Of(s_bacNinh));
    }

    [Fact]
    public void A_sent_report_stops_its_reminders_and_a_draft_is_named()
    {
        var sent = new ReminderReport(5, s_bacNinh.Id, 2026, ReportPeriod.Quarter1, PeriodicReportStatus.Submitted);
        var draft = new ReminderReport(6, s_hanoi.Id, 2026, ReportPeriod.Quarter1, PeriodicReportStatus.Draft);
        var due = Due(new DateOnly(2026, 4, 15), reports: [sent, draft]);
        Assert.DoesNotContain(due, r => r.Occurrence == Q1Of(s_bacNinh));
        var hanoi = Assert.Single(due, r => r.Occurrence == Q1Of(s_hanoi));
        Assert.Equal((0, 6, "Báo cáo Quý I năm 2026 của TP Hà Nội (đang soạn)"), (hanoi.Step, hanoi.Records[0].Id, hanoi.Records[0].Label));
        Assert.EndsWith("hôm nay là hạn cuối", hanoi.Subject);
    }

    [Fact]
    public void An_overdue_report_is_reminded_again_each_week_under_a_new_key_and_the_same_date_gives_the_same_keys()
    {
        var week1 = Due(new DateOnly(2026, 4, 22)).Single(r => r.Occurrence == Q1Of(s_bacNinh) && r.UserId == "officer-bn");
        var week2 = Due(new DateOnly(2026, 4, 29)).Single(r => r.Occurrence == Q1Of(s_bacNinh) && r.UserId == "officer-bn");
        Assert.Equal((7, 14), (week1.Step, week2.Step));
        Assert.NotEqual(week1.DedupeKey, week2.DedupeKey);
        Assert.EndsWith("đã quá hạn 7 ngày", week1.Subject);
        Assert.Equal(Due(new DateOnly(2026, 4, 22)).Select(r => r.DedupeKey), Due(new DateOnly(2026, 4, 22)).Select(r => r.DedupeKey));
        Assert.Equal($"periodic-report|{Q1Of(s_bacNinh)}|7|officer-bn", week1.DedupeKey);
    }

    [Fact]
    public void Kcqg_proposals_remind_every_province_before_15_June_and_after_it_only_those_with_proposals_still_at_the_So()
    {
        var draft = Project(1, ProjectState.Draft, FundingSource.KCQG, planYear: 2027);
        var sent = Project(2, ProjectState.UnderMinistryReview, FundingSource.KCQG, planYear: 2027, provinceId: s_hanoi.Id);
        var before = Due(new DateOnly(2026, 5, 16), [draft, sent]).Where(r => r.Deadline == DeadlineKind.KcqgProposal).ToList();
        Assert.Equal(["approver-bn", "officer-bn", "officer-hn"], before.Select(r => r.UserId).Order(StringComparer.Ordinal));
        Assert.All(before, r => Assert.Equal((-30, new DateOnly(2026, 6, 15)), (r.Step, r.DueDate)));
        Assert.Equal(["KCQG-2027-24-0001 — Đề án 1"], before.First(r => r.UserId == "officer-bn").Records.Select(r => r.Label));
        Assert.Empty(before.First(r => r.UserId == "officer-hn").Records);

        var after = Due(new DateOnly(2026, 6, 22), [draft, sent]).Where(r => r.Deadline == DeadlineKind.KcqgProposal).ToList();
        Assert.Equal(["approver-bn", "officer-bn"], after.Select(r => r.UserId));
        Assert.All(after, r => Assert.Equal(7, r.Step));
    }

    [Fact]
    public void The_15_June_date_is_configurable()
    {
        var rules = Rules();
        rules.Single(r => r.Deadline == DeadlineKind.KcqgProposal).DueDay = 30;
        var due = Due(new DateOnly(2026, 6, 23), rules: rules).Where(r => r.Deadline == DeadlineKind.KcqgProposal).ToList();
        Assert.NotEmpty(due);
        Assert.All(due, r => Assert.Equal((-7, new DateOnly(2026, 6, 30)), (r.Step, r.DueDate)));
    }

    [Fact]
    public void Settlement_by_22_January_names_the_open_projects_of_the_year_across_the_merger_and_goes_to_the_officer()
    {
        var accepted = Project(3, ProjectState.Accepted, planYear: 2025, provinceId: s_oldBacGiang.Id);
        var settled = Project(4, ProjectState.Settled, planYear: 2025, provinceId: s_oldBacGiang.Id);
        var due = Due(new DateOnly(2026, 1, 15), [accepted, settled]).Where(r => r.Deadline == DeadlineKind.PlanSettlement).ToList();
        var reminder = Assert.Single(due);
        Assert.Equal(("officer-bn", -7, new DateOnly(2026, 1, 22), $"2025-p{s_bacNinh.Id}"), (reminder.UserId, reminder.Step, reminder.DueDate, reminder.Occurrence));
        Assert.Equal([3], reminder.Records.Select(r => r.Id));
        Assert.DoesNotContain(Due(new DateOnly(2026, 1, 7), [accepted]), r => r.Deadline == DeadlineKind.PlanSettlement);
        Assert.Equal(0, Due(new DateOnly(2026, 1, 22), [accepted]).Single(r => r.Deadline == DeadlineKind.PlanSettlement).Step);
    }

    [Fact]
    public void Contract_signing_is_due_30_days_after_approval_until_the_contract_is_recorded()
    {
        var approved = Project(5, ProjectState.Approved, approved: new DateOnly(2026, 3, 1));
        var contracted = Project(6, ProjectState.Contracted, approved: new DateOnly(2026, 3, 1));
        var onTheDay = Due(new DateOnly(2026, 3, 31), [approved, contracted]).Where(r => r.Deadline == DeadlineKind.ContractSigning).ToList();
        var reminder = Assert.Single(onTheDay);
        Assert.Equal(("officer-bn", 0, "project-5"), (reminder.UserId, reminder.Step, reminder.Occurrence));
        Assert.Equal(7, Due(new DateOnly(2026, 4, 7), [approved]).Single(r => r.Deadline == DeadlineKind.ContractSigning).Step);
        Assert.DoesNotContain(Due(new DateOnly(2026, 3, 23), [approved]), r => r.Deadline == DeadlineKind.ContractSigning);
    }

    [Fact]
    public void Acceptance_is_due_30_days_after_the_end_date_while_the_project_runs()
    {
        var running = Project(7, ProjectState.InProgress, end: new DateOnly(2026, 2, 28));
        var accepted = Project(8, ProjectState.Accepted, end: new DateOnly(2026, 2, 28));
        var due = Due(new DateOnly(2026, 3, 23), [running, accepted]).Where(r => r.Deadline == DeadlineKind.Acceptance).ToList();
        var reminder = Assert.Single(due);
        Assert.Equal((-7, new DateOnly(2026, 3, 30), 7), (reminder.Step, reminder.DueDate, reminder.Records[0].Id));
        Assert.Equal("Nhắc hạn nghiệm thu: đề án KCDP-2026-24-0007 — hạn 30/03/2026, còn 7 ngày", reminder.Subject);
    }

    [Fact]
    public void A_rule_turned_off_reminds_nobody()
    {
        var rules = Rules();
        rules.ForEach(r => r.Enabled = false);
        Assert.Empty(Due(new DateOnly(2026, 4, 15), [Project(5, ProjectState.Approved, approved: new DateOnly(2026, 3, 16))], rules: rules));
    }

    [Theory]
    [InlineData("7", new[] { 7 })]
    [InlineData("30, 7,7", new[] { 30, 7 })]
    [InlineData("", new int[0])]
    public void Days_before_are_a_list_of_whole_days(string text, int[] expected) => Assert.Equal(expected, ReminderRule.ParseDaysBefore(text));

    [Theory]
    [InlineData("0")]
    [InlineData("7;1")]
    [InlineData("-3")]
    [InlineData("121")]
    public void Days_before_outside_1_to_120_are_refused(string text) => Assert.Null(ReminderRule.ParseDaysBefore(text));
}
