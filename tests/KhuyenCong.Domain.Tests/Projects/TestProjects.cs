using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Tests.Projects;

/// <summary>Projects for the rule tests, made by the domain's own acts, never by setting fields.</summary>
internal static class TestProjects
{
    public const int Province = 24;

    public static readonly DateTime Now = new(2026, 6, 15, 3, 0, 0, DateTimeKind.Utc);

    public static ProjectActor Actor(string role, string userId = "user", int province = Province) =>
        new(userId, "Người dùng " + userId, role, Roles.IsProvinceScoped(role) ? new HashSet<int> { province } : new HashSet<int>(), new HashSet<string>());

    public static readonly ProjectActor Operator = new(string.Empty, "dòng lệnh", Roles.Admin, new HashSet<int>(), new HashSet<string>());

    public static ActContext As(ProjectActor actor, DateTime? now = null, decimal advancePercent = 70) => new(actor, now ?? Now, new ProjectLimits(advancePercent));

    public static ProjectDraft Draft(FundingSource source = FundingSource.KCDP, int province = Province, ProjectKind kind = ProjectKind.Thuong,
        decimal requested = 500_000_000, DateOnly? start = null, DateOnly? end = null, IReadOnlyList<ContentDraft>? contents = null, bool beneficiary = true) =>
        new(2026, province, source, kind, "Hỗ trợ máy móc sản xuất mây tre đan", "Trung tâm Khuyến công",
            start ?? new DateOnly(2026, 3, 1), end ?? new DateOnly(2026, 10, 31), 1_000_000_000,
            contents ?? [new ContentDraft("ND03", 1_700_000_000, requested)],
            beneficiary ? [new BeneficiaryDraft("Hợp tác xã Phú Lộc", "2300123454", BeneficiaryType.Cooperative, "xã Phú Lộc")] : [],
            [new OutcomeDraft("LAO_DONG_DAO_TAO", 30)]);

    /// <summary>A project loaded as history in the given state (the operator's act).</summary>
    public static Project Loaded(ProjectState state, FundingSource source = FundingSource.KCDP, int province = Province, decimal? approved = 400_000_000)
    {
        var approvedState = state >= ProjectState.Approved && state != ProjectState.Rejected;
        var (project, result) = Project.LoadHistorical("TEST-0001", new HistoricalProject(Draft(source, province, requested: Math.Max(500_000_000, approved ?? 0)), state, approvedState ? approved : null,
            approvedState ? new DateOnly(2026, 2, 1) : null), As(Operator));
        Assert.True(result.Done, result.Message);
        return project!;
    }

    /// <summary>A draft registered by the province officer.</summary>
    public static Project Registered(FundingSource source = FundingSource.KCDP, ProjectDraft? draft = null)
    {
        draft ??= Draft(source);
        var (project, result) = Project.Register("KCDP-2026-24-0001", draft, As(Actor(Roles.ProvinceOfficer, "officer", draft.ProvinceId)));
        Assert.True(result.Done, result.Message);
        return project!;
    }

    /// <summary>A KCQG project that the Sở appraised and forwarded and the ministry's officer «appraiser» appraised.</summary>
    public static Project AppraisedByMinistry(int province = Province)
    {
        var p = Registered(FundingSource.KCQG, Draft(FundingSource.KCQG, province));
        var officer = Actor(Roles.ProvinceOfficer, "officer", province);
        Done(p.AttachDocument("Dự toán kinh phí", "du-toan.pdf", "application/pdf", 10, "x.pdf", "x", As(officer)));
        Done(p.Submit(Dossier, As(officer)));
        Done(p.AppraiseBase(450_000_000, As(Actor(Roles.ProvinceApprover, "so-appraiser", province))));
        Done(p.Forward(As(Actor(Roles.ProvinceApprover, "so-leader", province))));
        Done(p.AppraiseMinistry(420_000_000, As(Actor(Roles.MinistryOfficer, "appraiser"))));
        return p;
    }

    /// <summary>A dossier that requires the cost estimate of every project.</summary>
    public static readonly IReadOnlyList<DossierItem> Dossier =
    [
        new() { Id = 1, Name = "Dự toán kinh phí", Required = true },
        new() { Id = 2, Name = "Đề án (thuyết minh)" },
        new() { Id = 3, ContentCode = "ND01", Name = "Danh sách học viên", Required = true },
    ];

    public static void Done(ActResult result) => Assert.True(result.Done, result.Message);
}
