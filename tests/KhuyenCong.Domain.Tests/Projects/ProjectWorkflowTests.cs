using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Tests.Projects;

public sealed class ProjectWorkflowTests
{
    private const int OwnProvince = 24;
    private const int OtherProvince = 1;
    private const string Appraiser = "appraiser";

    /// <summary>
    /// The specification (docs/domain.md §2 and §5), written independently of the code: which role may do what, in which
    /// states, for which source; province roles only in their own province.
    /// </summary>
    private static readonly (ProjectAction Action, string Role, FundingSource[] Sources, ProjectState[] States)[] s_allowed =
    [
        (ProjectAction.Edit, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Draft, ProjectState.Returned]),
        (ProjectAction.Submit, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Draft, ProjectState.Returned]),
        (ProjectAction.AppraiseBase, Roles.ProvinceApprover, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Submitted]),
        (ProjectAction.ReturnByProvince, Roles.ProvinceApprover, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Submitted]),
        (ProjectAction.Forward, Roles.ProvinceApprover, [FundingSource.KCQG], [ProjectState.Submitted]),
        (ProjectAction.AppraiseMinistry, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.UnderMinistryReview]),
        (ProjectAction.ReturnByMinistry, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.UnderMinistryReview]),
        (ProjectAction.Approve, Roles.MinistryApprover, [FundingSource.KCQG], [ProjectState.UnderMinistryReview]),
        (ProjectAction.Reject, Roles.MinistryApprover, [FundingSource.KCQG], [ProjectState.UnderMinistryReview]),
        (ProjectAction.Approve, Roles.ProvinceApprover, [FundingSource.KCDP], [ProjectState.Submitted]),
        (ProjectAction.Reject, Roles.ProvinceApprover, [FundingSource.KCDP], [ProjectState.Submitted]),
        (ProjectAction.RecordContract, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Approved]),
        (ProjectAction.RecordContract, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.Approved]),
        (ProjectAction.RecordProgress, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.RecordProgress, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.RecordDisbursement, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Contracted, ProjectState.InProgress, ProjectState.Accepted]),
        (ProjectAction.RecordDisbursement, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.Contracted, ProjectState.InProgress, ProjectState.Accepted]),
        (ProjectAction.RecordAcceptance, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.RecordAcceptance, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.Settle, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Accepted]),
        (ProjectAction.Settle, Roles.MinistryOfficer, [FundingSource.KCQG], [ProjectState.Accepted]),
        (ProjectAction.RequestAdjustment, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], [ProjectState.Approved, ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.DecideAdjustment, Roles.MinistryApprover, [FundingSource.KCQG], [ProjectState.Approved, ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.DecideAdjustment, Roles.ProvinceApprover, [FundingSource.KCDP], [ProjectState.Approved, ProjectState.Contracted, ProjectState.InProgress]),
        (ProjectAction.UploadDocument, Roles.ProvinceOfficer, [FundingSource.KCQG, FundingSource.KCDP], Open),
        (ProjectAction.UploadDocument, Roles.ProvinceApprover, [FundingSource.KCQG, FundingSource.KCDP], Open),
        (ProjectAction.UploadDocument, Roles.MinistryOfficer, [FundingSource.KCQG], Open),
    ];

    private static ProjectState[] Open =>
        [.. Enum.GetValues<ProjectState>().Except([ProjectState.Rejected, ProjectState.Settled, ProjectState.Stopped])];

    public static TheoryData<ProjectAction, string> ActionsAndRoles()
    {
        var data = new TheoryData<ProjectAction, string>();
        foreach (var action in Enum.GetValues<ProjectAction>())
        {
            foreach (var role in Roles.All)
            {
                data.Add(action, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActionsAndRoles))]
    public void Every_action_is_allowed_exactly_where_the_specification_says(ProjectAction action, string role)
    {
        foreach (var source in Enum.GetValues<FundingSource>())
        {
            foreach (var state in Enum.GetValues<ProjectState>())
            {
                foreach (var province in new[] { OwnProvince, OtherProvince })
                {
                    var project = source == FundingSource.KCQG && state == ProjectState.UnderMinistryReview
                        ? TestProjects.AppraisedByMinistry(province)
                        : TestProjects.Loaded(state, source, province);
                    var expected = s_allowed.Any(a => a.Action == action && a.Role == role && a.Sources.Contains(source) && a.States.Contains(state))
                        && (!Roles.IsProvinceScoped(role) || province == OwnProvince);
                    var decision = ProjectWorkflow.Check(action, Actor(role), project);
                    Assert.True(expected == decision.Allowed,
                        $"{action} by {role} on a {source} project in {state} of {(province == OwnProvince ? "their" : "another")} province: expected {(expected ? "allowed" : "refused")}, got {(decision.Allowed ? "allowed" : decision.Refusal)}");
                    Assert.True(decision.Allowed || decision.Refusal!.Length > 0);
                }
            }
        }
    }

    [Fact]
    public void A_ministry_approver_may_not_approve_a_project_they_appraised()
    {
        var project = TestProjects.AppraisedByMinistry();
        var decision = ProjectWorkflow.Check(ProjectAction.Approve, Actor(Roles.MinistryApprover, Appraiser), project);
        Assert.False(decision.Allowed);
        Assert.Contains("người phê duyệt phải là người khác", decision.Refusal);
    }

    [Fact]
    public void A_kcqg_project_cannot_be_approved_before_the_ministry_appraised_it()
    {
        var project = TestProjects.Loaded(ProjectState.UnderMinistryReview, FundingSource.KCQG);
        var decision = ProjectWorkflow.Check(ProjectAction.Approve, Actor(Roles.MinistryApprover), project);
        Assert.False(decision.Allowed);
        Assert.Contains("chưa được Cục thẩm định", decision.Refusal);
    }

    [Fact]
    public void A_refusal_for_the_wrong_state_names_the_state_in_vietnamese()
    {
        var project = TestProjects.Loaded(ProjectState.Settled);
        var decision = ProjectWorkflow.Check(ProjectAction.Submit, Actor(Roles.ProvinceOfficer), project);
        Assert.Equal("Không thể gửi đề án lên Sở: đề án đang ở trạng thái «Đã quyết toán».", decision.Refusal);
    }

    [Theory]
    [InlineData(ProjectAction.Submit, ProjectState.Draft, ProjectState.Submitted)]
    [InlineData(ProjectAction.Forward, ProjectState.Submitted, ProjectState.UnderMinistryReview)]
    [InlineData(ProjectAction.ReturnByMinistry, ProjectState.UnderMinistryReview, ProjectState.Returned)]
    [InlineData(ProjectAction.Approve, ProjectState.UnderMinistryReview, ProjectState.Approved)]
    [InlineData(ProjectAction.RecordContract, ProjectState.Approved, ProjectState.Contracted)]
    [InlineData(ProjectAction.RecordDisbursement, ProjectState.Contracted, ProjectState.InProgress)]
    [InlineData(ProjectAction.RecordDisbursement, ProjectState.Accepted, ProjectState.Accepted)]
    [InlineData(ProjectAction.RecordAcceptance, ProjectState.InProgress, ProjectState.Accepted)]
    [InlineData(ProjectAction.Settle, ProjectState.Accepted, ProjectState.Settled)]
    [InlineData(ProjectAction.AppraiseMinistry, ProjectState.UnderMinistryReview, ProjectState.UnderMinistryReview)]
    public void Actions_lead_to_the_next_state(ProjectAction action, ProjectState from, ProjectState to) =>
        Assert.Equal(to, ProjectWorkflow.Next(action, TestProjects.Loaded(from, FundingSource.KCQG)));

    private static ProjectActor Actor(string role, string userId = "user") =>
        new(userId, "Người dùng", role, Roles.IsProvinceScoped(role) ? new HashSet<int> { OwnProvince } : new HashSet<int>(), new HashSet<string>());
}
