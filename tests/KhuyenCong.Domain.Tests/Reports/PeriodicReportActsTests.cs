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

        // The narrative starts as a draft written from the figures; emptied, the report cannot be sent.
        Assert.StartsWith("Tính đến ngày 31/03/2026, tổng kế hoạch kinh phí khuyến công năm 2026 của tỉnh là 8,000 tỷ đồng", report.Results);
        Assert.Null(report.EditNarrative(" ", null, null, Actor(Roles.ProvinceOfficer)));
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

    [Fact]
    public void The_draft_states_execution_names_the_late_projects_and_the_indicators_behind_and_only_a_redraft_replaces_it()
    {
        var figures = s_march with
        {
            Outcomes =
            [
                new PeriodicOutcome("LAO_DONG_DAO_TAO", "Lao động được đào tạo", "người", 50, 20, 30, 10),
                new PeriodicOutcome("MO_HINH_TRINH_DIEN", "Mô hình trình diễn kỹ thuật", "mô hình", 2, 2, 2, 2),
            ],
            Late = [new LateProject("KCQG-2025-24-0003", "Máy sấy chè", new DateOnly(2025, 10, 31))],
        };
        var (report, _) = PeriodicReport.Open(Province, 2026, ReportPeriod.Quarter1, figures, Actor(Roles.ProvinceOfficer), s_now);

        Assert.Equal(
            "Tính đến ngày 31/03/2026, tổng kế hoạch kinh phí khuyến công năm 2026 của tỉnh là 8,000 tỷ đồng (khuyến công quốc gia 5,000 tỷ đồng, khuyến công địa phương 3,000 tỷ đồng); "
            + "kinh phí đã giải ngân là 1,000 tỷ đồng, đạt 12,50% kế hoạch năm; trong đó khuyến công quốc gia 1,000 tỷ đồng, đạt 20,00%, khuyến công địa phương 0,000 tỷ đồng, đạt 0,00% kế hoạch.",
            report!.Results.Split('\n')[0]);
        Assert.Contains("Lao động được đào tạo 20/50 người (40,00%)", report.Results);
        Assert.Contains("Có 1 đề án đã quá thời hạn kết thúc nhưng đến ngày 31/03/2026 chưa được nghiệm thu: KCQG-2025-24-0003 «Máy sấy chè» (kết thúc ngày 31/10/2025).", report.Difficulties);
        Assert.Contains("Lao động được đào tạo mới đạt 10/30 người (33,33%)", report.Difficulties);
        Assert.DoesNotContain("Mô hình trình diễn kỹ thuật mới đạt", report.Difficulties);
        Assert.Contains("chậm tiến độ", report.Proposals);
        Assert.Equal(2, report.Outcomes.Count);
        Assert.True(report.Outcomes[0].Behind);

        // What the officer types survives a refresh of the figures; only "Soạn lại từ số liệu" replaces it.
        Assert.Null(report.EditNarrative("Bản của chuyên viên.", "Khó khăn riêng.", "Kiến nghị riêng.", Actor(Roles.ProvinceOfficer)));
        Assert.Null(report.Refresh(figures with { Late = [] }, Actor(Roles.ProvinceOfficer), s_now.AddDays(1)));
        Assert.Equal(("Bản của chuyên viên.", "Khó khăn riêng."), (report.Results, report.Difficulties));
        Assert.Null(report.Redraft(figures with { Late = [] }, Actor(Roles.ProvinceApprover), s_now.AddDays(2)));
        Assert.StartsWith("Tính đến ngày 31/03/2026", report.Results);
        Assert.DoesNotContain("KCQG-2025-24-0003", report.Difficulties);
        Assert.NotNull(report.Redraft(figures, Actor(Roles.MinistryApprover), s_now));
    }

    [Fact]
    public void Stored_outcomes_that_cannot_be_read_are_no_indicators_not_an_error() =>
        Assert.Empty(PeriodicOutcome.Parse("{not json"));
}
