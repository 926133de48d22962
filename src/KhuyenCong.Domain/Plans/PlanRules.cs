using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Plans;

/// <summary>Who records a plan (docs/domain.md §1, §6): KCQG plans the ministry's staff, KCĐP plans the province's own approver.</summary>
public static class PlanRules
{
    public static string? RefuseRecording(ProjectActor actor, FundingSource source, int provinceId) => source switch
    {
        FundingSource.KCQG when actor.Role is not (Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Admin) =>
            "Kế hoạch KCQG do Bộ giao; tỉnh không nhập được.",
        FundingSource.KCDP when actor.Role != Roles.Admin && !(actor.Role == Roles.ProvinceApprover && actor.HoldsProvince(provinceId)) =>
            "Kế hoạch KCĐP do lãnh đạo Sở Công Thương của tỉnh nhập.",
        _ => null,
    };
}
