using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Domain.Tests.Reports;

public sealed class PeriodicReportRulesTests
{
    private const int Own = 7;
    private const int Other = 8;

    private static ProjectActor Actor(string role) => new("u", "u@test.vn", role, new HashSet<int> { Own }, new HashSet<string>());

    /// <summary>Every role × action × status: who may create, edit, submit and reopen the report of province 7.</summary>
    [Theory]
    [InlineData(Roles.ProvinceOfficer, PeriodicReportAction.Create, PeriodicReportStatus.Draft, true)]
    [InlineData(Roles.ProvinceApprover, PeriodicReportAction.Create, PeriodicReportStatus.Draft, true)]
    [InlineData(Roles.MinistryOfficer, PeriodicReportAction.Create, PeriodicReportStatus.Draft, false)]
    [InlineData(Roles.Admin, PeriodicReportAction.Create, PeriodicReportStatus.Draft, false)]
    [InlineData(Roles.ProvinceOfficer, PeriodicReportAction.Edit, PeriodicReportStatus.Draft, true)]
    [InlineData(Roles.ProvinceApprover, PeriodicReportAction.Edit, PeriodicReportStatus.Draft, true)]
    [InlineData(Roles.ProvinceOfficer, PeriodicReportAction.Edit, PeriodicReportStatus.Submitted, false)]
    [InlineData(Roles.ProvinceApprover, PeriodicReportAction.Edit, PeriodicReportStatus.Submitted, false)]
    [InlineData(Roles.MinistryApprover, PeriodicReportAction.Edit, PeriodicReportStatus.Draft, false)]
    [InlineData(Roles.ProvinceOfficer, PeriodicReportAction.Submit, PeriodicReportStatus.Draft, false)]
    [InlineData(Roles.ProvinceApprover, PeriodicReportAction.Submit, PeriodicReportStatus.Draft, true)]
    [InlineData(Roles.ProvinceApprover, PeriodicReportAction.Submit, PeriodicReportStatus.Submitted, false)]
    [InlineData(Roles.MinistryApprover, PeriodicReportAction.Submit, PeriodicReportStatus.Draft, false)]
    [InlineData(Roles.MinistryApprover, PeriodicReportAction.Reopen, PeriodicReportStatus.Submitted, true)]
    [InlineData(Roles.MinistryApprover, PeriodicReportAction.Reopen, PeriodicReportStatus.Draft, false)]
    [InlineData(Roles.MinistryOfficer, PeriodicReportAction.Reopen, PeriodicReportStatus.Submitted, false)]
    [InlineData(Roles.ProvinceApprover, PeriodicReportAction.Reopen, PeriodicReportStatus.Submitted, false)]
    [InlineData(Roles.Viewer, PeriodicReportAction.Reopen, PeriodicReportStatus.Submitted, false)]
    [InlineData(Roles.ConferenceOrganiser, PeriodicReportAction.Edit, PeriodicReportStatus.Draft, false)]
    public void Who_may_act_on_a_periodic_report(string role, PeriodicReportAction action, PeriodicReportStatus status, bool allowed) =>
        Assert.Equal(allowed, PeriodicReportRules.Refuse(action, Actor(role), Own, status) is null);

    [Theory]
    [InlineData(PeriodicReportAction.Create)]
    [InlineData(PeriodicReportAction.Edit)]
    [InlineData(PeriodicReportAction.Submit)]
    public void A_province_user_never_acts_on_another_provinces_report(PeriodicReportAction action) =>
        Assert.NotNull(PeriodicReportRules.Refuse(action, Actor(Roles.ProvinceApprover), Other, PeriodicReportStatus.Draft));
}

public sealed class CompletenessTests
{
    private static readonly ReportDeadline[] s_rules =
    [
        new() { Period = ReportPeriod.Quarter1, FromYear = 2014, DaysAfterPeriodEnd = 15 },
        new() { Period = ReportPeriod.Year, FromYear = 2014, DaysAfterPeriodEnd = 31 },
        new() { Period = ReportPeriod.Year, FromYear = 2026, DaysAfterPeriodEnd = 20 },
    ];

    [Fact]
    public void The_due_date_follows_the_rule_in_force_for_the_year()
    {
        Assert.Equal(new DateOnly(2026, 4, 15), ReportPeriods.Due(ReportPeriod.Quarter1, 2026, s_rules));
        Assert.Equal(new DateOnly(2026, 1, 31), ReportPeriods.Due(ReportPeriod.Year, 2025, s_rules));
        Assert.Equal(new DateOnly(2027, 1, 20), ReportPeriods.Due(ReportPeriod.Year, 2026, s_rules));
        Assert.Null(ReportPeriods.Due(ReportPeriod.HalfYear, 2026, s_rules));
    }

    [Fact]
    public void Each_expected_province_is_on_time_late_drafting_reopened_or_missing()
    {
        var due = new DateOnly(2026, 4, 15);
        var board = Completeness.Of(2026, ReportPeriod.Quarter1, due,
            [(1, "01", "A"), (2, "02", "B"), (3, "03", "C"), (4, "04", "D"), (5, "05", "E")],
            [
                (10, 1, PeriodicReportStatus.Submitted, new DateOnly(2026, 4, 15)),
                (11, 2, PeriodicReportStatus.Submitted, new DateOnly(2026, 4, 16)),
                (12, 3, PeriodicReportStatus.Draft, null),
                (13, 4, PeriodicReportStatus.Draft, new DateOnly(2026, 4, 1)),
            ]);
        Assert.Equal([SubmissionState.OnTime, SubmissionState.Late, SubmissionState.Drafting, SubmissionState.Reopened, SubmissionState.Missing], board.Lines.Select(l => l.State));
        Assert.Equal((5, 2, 1, 1, 3), (board.Expected, board.Submitted, board.OnTime, board.Late, board.Missing));
    }

    [Fact]
    public void The_periods_that_ended_in_the_last_year_come_latest_first()
    {
        Assert.Equal(
            [(2026, ReportPeriod.NineMonths), (2026, ReportPeriod.HalfYear), (2026, ReportPeriod.Quarter1), (2025, ReportPeriod.Year)],
            ReportPeriods.EndedBefore(new DateOnly(2026, 11, 30)));
        Assert.Equal((2025, ReportPeriod.Year), ReportPeriods.EndedBefore(new DateOnly(2026, 1, 1))[0]);
    }
}
