using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Domain.Tests.Reports;

public sealed class PeriodicReportActsTests
{
    private const int Province = 24;
    private static readonly DateTime s_now = new(2026, 4, 10, 3, 0, 0, DateTimeKind.Utc);
    private static readonly PeriodicFigures s_march = new(5_000_000_000, 3_000_000_000, 1_000_000_000, 0, 2_000_000_000, 1, 0);

    private static ProjectActor Actor(string role) =>
        new("u-" + role, "Người " + role, role, Roles.IsProvinceScoped(role) ? new HashSet<int> { Province } : new HashSet<int>(), new HashSet<string>());

    [Fact]
    public void A_report_is_drafted_by_the_province_sent_by_its_leader_locked_then_reopened_only_by_the_ministry_with_a_reason()
    {
        var (report, refusal) = PeriodicReport.Open(Province, 2026, ReportPeriod.Quarter1, s_march, Actor(Roles.ProvinceOfficer), s_now);
        Assert.Null(refusal);
        Assert.Equal(("Người ProvinceOfficer", 5_000_000_000m, PeriodicReportStatus.Draft), (report!.CreatedBy, report.PlanKcqg, report.Status));

        Assert.Equal("Hãy nhập phần kết quả đạt được và lưu trước khi gửi báo cáo.", report.Submit(s_march, Actor(Roles.ProvinceApprover), s_now));
        Assert.Null(report.EditNarrative("Đạt kế hoạch quý", null, null, Actor(Roles.ProvinceOfficer)));
        Assert.NotNull(report.Submit(s_march, Actor(Roles.ProvinceOfficer), s_now));
        Assert.Null(report.Submit(s_march with { ExecutedKcqg = 1_500_000_000 }, Actor(Roles.ProvinceApprover), s_now.AddDays(1)));
        Assert.Equal((PeriodicReportStatus.Submitted, 1_500_000_000m, s_now.AddDays(1)), (report.Status, report.ExecutedKcqg, report.FirstSubmittedAtUtc));

        Assert.Equal("Báo cáo đã gửi Bộ nên không sửa được; cần lãnh đạo Cục mở lại báo cáo.", report.EditNarrative("Khác", null, null, Actor(Roles.ProvinceOfficer)));
        Assert.Equal("Hãy nêu lý do mở lại báo cáo (tối đa 1.000 ký tự).", report.Reopen(" ", Actor(Roles.MinistryApprover), s_now));
        Assert.NotNull(report.Reopen("Thiếu số liệu", Actor(Roles.MinistryOfficer), s_now));
        Assert.Null(report.Reopen("Thiếu số liệu vốn đối ứng", Actor(Roles.MinistryApprover), s_now.AddDays(2)));
        Assert.Equal((PeriodicReportStatus.Draft, "Thiếu số liệu vốn đối ứng", s_now.AddDays(1)), (report.Status, report.ReopenReason, report.FirstSubmittedAtUtc));
    }

    [Fact]
    public void Another_province_cannot_open_the_report() =>
        Assert.NotNull(PeriodicReport.Open(1, 2026, ReportPeriod.Quarter1, s_march, Actor(Roles.ProvinceOfficer), s_now).Refusal);
}
