using KhuyenCong.Domain.Identity;

namespace KhuyenCong.Domain.Projects;

/// <summary>Who is acting on a project: their role and the provinces and regions their scope covers.</summary>
public sealed record ProjectActor(string UserId, string UserName, string? Role, IReadOnlySet<int> ProvinceIds, IReadOnlySet<string> Regions)
{
    public bool Is(string role) => Role == role;

    public bool HoldsProvince(int provinceId) => Roles.IsProvinceScoped(Role ?? string.Empty) && ProvinceIds.Contains(provinceId);
}

/// <summary>Everything that can be done to a project.</summary>
public enum ProjectAction
{
    Edit,
    Submit,
    AppraiseBase,
    ReturnByProvince,
    Forward,
    AppraiseMinistry,
    ReturnByMinistry,
    Approve,
    Reject,
    RecordContract,
    RecordProgress,
    RecordDisbursement,
    RecordAcceptance,
    Settle,
    RequestAdjustment,
    DecideAdjustment,
    UploadDocument,
}

/// <summary>The answer to "may this actor do this now": allowed, or refused with a Vietnamese reason.</summary>
/// <param name="NotPermitted">Refused because of who asks (their role or scope), not the project's state: the API answers 403, not 409.</param>
public readonly record struct Decision(bool Allowed, string? Refusal, bool NotPermitted = false)
{
    public static readonly Decision Yes = new(true, null);

    public static Decision No(string refusal) => new(false, refusal);

    public static Decision Denied(string refusal) => new(false, refusal, true);
}

/// <summary>
/// The project state machine (docs/domain.md §5; Decree 45/2012 and TT 36/2013/TT-BCT on who appraises and
/// approves). Pages ask it before they offer an action and services ask it again before they do it.
/// </summary>
public static class ProjectWorkflow
{
    private static readonly ProjectState[] s_editable = [ProjectState.Draft, ProjectState.Returned];
    private static readonly ProjectState[] s_adjustable = [ProjectState.Approved, ProjectState.Contracted, ProjectState.InProgress];
    private static readonly ProjectState[] s_closed = [ProjectState.Rejected, ProjectState.Settled, ProjectState.Stopped];

    public static string Label(ProjectAction action) => action switch
    {
        ProjectAction.Edit => "sửa đề án",
        ProjectAction.Submit => "gửi đề án lên Sở",
        ProjectAction.AppraiseBase => "thẩm định cơ sở",
        ProjectAction.ReturnByProvince => "trả lại đề án",
        ProjectAction.Forward => "gửi đề án lên Bộ",
        ProjectAction.AppraiseMinistry => "thẩm định đề án",
        ProjectAction.ReturnByMinistry => "trả lại đề án",
        ProjectAction.Approve => "phê duyệt đề án",
        ProjectAction.Reject => "không phê duyệt đề án",
        ProjectAction.RecordContract => "ghi nhận hợp đồng",
        ProjectAction.RecordProgress => "ghi nhận tiến độ",
        ProjectAction.RecordDisbursement => "ghi nhận giải ngân",
        ProjectAction.RecordAcceptance => "ghi nhận nghiệm thu",
        ProjectAction.Settle => "ghi nhận quyết toán",
        ProjectAction.RequestAdjustment => "đề nghị điều chỉnh",
        ProjectAction.DecideAdjustment => "quyết định điều chỉnh",
        _ => "đính kèm tài liệu",
    };

    public static Decision Check(ProjectAction action, ProjectActor actor, Project project)
    {
        var kcqg = project.Source == FundingSource.KCQG;
        var provinceOfficer = actor.Is(Roles.ProvinceOfficer) && actor.HoldsProvince(project.ProvinceId);
        var provinceApprover = actor.Is(Roles.ProvinceApprover) && actor.HoldsProvince(project.ProvinceId);
        var executor = provinceOfficer || (kcqg && actor.Is(Roles.MinistryOfficer));
        var approver = kcqg ? actor.Is(Roles.MinistryApprover) : provinceApprover;

        return action switch
        {
            ProjectAction.Edit or ProjectAction.Submit => Rule(action, project, provinceOfficer, s_editable),
            ProjectAction.AppraiseBase or ProjectAction.ReturnByProvince => Rule(action, project, provinceApprover, [ProjectState.Submitted]),
            ProjectAction.Forward => !kcqg ? No(action, "đề án KCĐP do Sở phê duyệt, không gửi lên Bộ")
                : Rule(action, project, provinceApprover, [ProjectState.Submitted]),
            ProjectAction.AppraiseMinistry or ProjectAction.ReturnByMinistry => !kcqg ? No(action, "Bộ chỉ thẩm định đề án KCQG")
                : Rule(action, project, actor.Is(Roles.MinistryOfficer), [ProjectState.UnderMinistryReview]),
            ProjectAction.Approve or ProjectAction.Reject => Approval(action, actor, project, approver),
            ProjectAction.RecordContract => Rule(action, project, executor, [ProjectState.Approved]),
            ProjectAction.RecordProgress => Rule(action, project, executor, [ProjectState.Contracted, ProjectState.InProgress]),
            ProjectAction.RecordDisbursement => Rule(action, project, executor, [ProjectState.Contracted, ProjectState.InProgress, ProjectState.Accepted]),
            ProjectAction.RecordAcceptance => Rule(action, project, executor, [ProjectState.Contracted, ProjectState.InProgress]),
            ProjectAction.Settle => Rule(action, project, executor, [ProjectState.Accepted]),
            ProjectAction.RequestAdjustment => Rule(action, project, provinceOfficer, s_adjustable),
            ProjectAction.DecideAdjustment => Rule(action, project, approver, s_adjustable),
            _ => Rule(action, project, executor || provinceApprover,
                [.. Enum.GetValues<ProjectState>().Where(s => !s_closed.Contains(s))]),
        };
    }

    /// <summary>The state an allowed action leads to (the same state when it only records something).</summary>
    public static ProjectState Next(ProjectAction action, Project project) => action switch
    {
        ProjectAction.Submit => ProjectState.Submitted,
        ProjectAction.ReturnByProvince or ProjectAction.ReturnByMinistry => ProjectState.Returned,
        ProjectAction.Forward => ProjectState.UnderMinistryReview,
        ProjectAction.Approve => ProjectState.Approved,
        ProjectAction.Reject => ProjectState.Rejected,
        ProjectAction.RecordContract => ProjectState.Contracted,
        ProjectAction.RecordProgress => ProjectState.InProgress,
        ProjectAction.RecordDisbursement when project.State == ProjectState.Contracted => ProjectState.InProgress,
        ProjectAction.RecordAcceptance => ProjectState.Accepted,
        ProjectAction.Settle => ProjectState.Settled,
        _ => project.State,
    };

    private static Decision Approval(ProjectAction action, ProjectActor actor, Project project, bool approver)
    {
        var expected = project.Source == FundingSource.KCQG ? ProjectState.UnderMinistryReview : ProjectState.Submitted;
        var decision = Rule(action, project, approver, [expected]);
        if (!decision.Allowed || project.Source != FundingSource.KCQG)
        {
            return decision;
        }

        if (project.MinistryAppraiserId is null)
        {
            return No(action, "đề án chưa được Cục thẩm định");
        }

        return project.MinistryAppraiserId == actor.UserId
            ? No(action, "bạn đã thẩm định đề án này; người phê duyệt phải là người khác")
            : Decision.Yes;
    }

    private static Decision Rule(ProjectAction action, Project project, bool actorMay, ProjectState[] states)
    {
        if (!actorMay)
        {
            return Decision.Denied($"Bạn không có quyền {Label(action)} này.");
        }

        return states.Contains(project.State)
            ? Decision.Yes
            : Decision.No($"Không thể {Label(action)}: đề án đang ở trạng thái «{ProjectLabels.Of(project.State)}».");
    }

    private static Decision No(ProjectAction action, string why) => Decision.No($"Không thể {Label(action)}: {why}.");
}
