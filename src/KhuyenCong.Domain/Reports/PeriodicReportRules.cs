using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Reports;

/// <summary>What can be done to a periodic report.</summary>
public enum PeriodicReportAction
{
    /// <summary>Lập báo cáo: a province user opens a new draft.</summary>
    Create,

    /// <summary>Sửa nội dung or cập nhật số liệu of a draft.</summary>
    Edit,

    /// <summary>Duyệt và gửi Bộ: the Sở's leader approves the draft and submits it; it is locked from then on.</summary>
    Submit,

    /// <summary>Mở lại: a ministry approver reopens a submitted report for correction, with a reason (audited).</summary>
    Reopen,
}

/// <summary>
/// Who may do what to a periodic report (docs/domain.md §2 and §8): province users draft their province's reports, the
/// province approver submits them, a submitted report is locked, and only a ministry approver reopens one.
/// Answers null when allowed, else the Vietnamese reason.
/// </summary>
public static class PeriodicReportRules
{
    public static string? Refuse(PeriodicReportAction action, ProjectActor actor, int provinceId, PeriodicReportStatus status)
    {
        var ownProvince = actor.Role is Roles.ProvinceOfficer or Roles.ProvinceApprover && actor.ProvinceIds.Contains(provinceId);
        return action switch
        {
            PeriodicReportAction.Create or PeriodicReportAction.Edit when !ownProvince =>
                "Chỉ chuyên viên hoặc lãnh đạo Sở Công Thương của tỉnh mới lập và sửa báo cáo định kỳ của tỉnh.",
            PeriodicReportAction.Edit when status != PeriodicReportStatus.Draft =>
                "Báo cáo đã gửi Bộ nên không sửa được; cần lãnh đạo Cục mở lại báo cáo.",
            PeriodicReportAction.Submit when !(ownProvince && actor.Role == Roles.ProvinceApprover) =>
                "Chỉ lãnh đạo Sở Công Thương của tỉnh mới duyệt và gửi báo cáo định kỳ.",
            PeriodicReportAction.Submit when status != PeriodicReportStatus.Draft =>
                "Báo cáo đã được gửi Bộ.",
            PeriodicReportAction.Reopen when actor.Role != Roles.MinistryApprover =>
                "Chỉ lãnh đạo Cục mới mở lại báo cáo đã gửi.",
            PeriodicReportAction.Reopen when status != PeriodicReportStatus.Submitted =>
                "Chỉ mở lại được báo cáo đã gửi Bộ.",
            _ => null,
        };
    }
}
