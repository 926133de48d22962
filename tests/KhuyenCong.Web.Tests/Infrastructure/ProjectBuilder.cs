using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>Builds a project straight into the test database, as it would be after the given steps.</summary>
public sealed class ProjectBuilder(PortalFactory portal)
{
    private string _provinceCode = "24";
    private int _year = 2026;
    private FundingSource _source = FundingSource.KCQG;
    private ProjectState _state = ProjectState.Draft;
    private decimal? _approved;
    private string _title = "Hỗ trợ ứng dụng máy móc sản xuất mây tre đan";
    private string _beneficiary = "Hợp tác xã Mây tre Phú Lộc";
    private bool _costEstimate;
    private string? _taxCode = "2300123454";
    private string _commune = "xã Phú Lộc";
    private string _content = "ND03";
    private OutcomeDraft _outcome = new("LAO_DONG_DAO_TAO", 30);

    /// <summary>Test projects are loaded as history, as the command line's operator would.</summary>
    public static readonly ProjectActor Operator = new(string.Empty, "dòng lệnh", Domain.Identity.Roles.Admin, new HashSet<int>(), new HashSet<string>());

    public ProjectBuilder In(string provinceCode, int year) => Set(() => (_provinceCode, _year) = (provinceCode, year));

    public ProjectBuilder Source(FundingSource source) => Set(() => _source = source);

    public ProjectBuilder State(ProjectState state, decimal? approved = null) => Set(() => (_state, _approved) = (state, approved));

    public ProjectBuilder Titled(string title) => Set(() => _title = title);

    /// <summary>Files the required cost estimate (Dự toán kinh phí), as the officer would before sending the draft.</summary>
    public ProjectBuilder WithCostEstimate() => Set(() => _costEstimate = true);

    /// <summary>A project of content ND04 whose outcome is the typical products voted (it pays for a vote).</summary>
    public ProjectBuilder ForTypicalProducts(decimal target = 2) => Set(() => (_content, _outcome) = ("ND04", new OutcomeDraft("SAN_PHAM_TIEU_BIEU", target)));

    public ProjectBuilder BenefitingTo(string beneficiary) => Set(() => _beneficiary = beneficiary);

    /// <summary>The beneficiary with its own tax code (null: none) and commune, so that the registry links it apart from the other test projects.</summary>
    public ProjectBuilder BenefitingTo(string beneficiary, string? taxCode, string commune) => Set(() => (_beneficiary, _taxCode, _commune) = (beneficiary, taxCode, commune));

    public async Task<int> SaveAsync() => await portal.WithDbAsync(async db =>
    {
        var jan1 = new DateOnly(_year, 1, 1);
        var province = await db.Provinces.SingleAsync(p => p.Code == _provinceCode && p.ValidFrom <= jan1 && (p.ValidTo == null || p.ValidTo >= jan1));
        var draft = new ProjectDraft(_year, province.Id, _source, ProjectKind.Thuong, _title, "Trung tâm Khuyến công",
            new DateOnly(_year, 3, 1), new DateOnly(_year, 10, 31), 1_200_000_000,
            [new ContentDraft(_content, 1_700_000_000, Math.Max(500_000_000, _approved ?? 0))],
            [new BeneficiaryDraft(_beneficiary, _taxCode, BeneficiaryType.Cooperative, _commune)],
            [_outcome]);
        var approved = _approved ?? (_state >= ProjectState.Approved && _state != ProjectState.Rejected ? 400_000_000 : null);
        var (project, result) = Project.LoadHistorical($"TEST-{Guid.NewGuid():N}"[..20], new HistoricalProject(draft, _state, approved, approved is null ? null : new DateOnly(_year, 2, 1)),
            new ActContext(Operator, DateTime.UtcNow, ProjectLimits.Default));
        Assert.True(result.Done, result.Message);
        if (_costEstimate)
        {
            var officer = new ProjectActor("test-officer", "Chuyên viên", Domain.Identity.Roles.ProvinceOfficer, new HashSet<int> { province.Id }, new HashSet<string>());
            var attached = project!.AttachDocument("Dự toán kinh phí", "du-toan.pdf", "application/pdf", 10, "du-toan-thu.pdf", "x", new ActContext(officer, DateTime.UtcNow, ProjectLimits.Default));
            Assert.True(attached.Done, attached.Message);
        }

        db.Projects.Add(project!);
        await db.SaveChangesAsync();
        return project!.Id;
    });

    private ProjectBuilder Set(Action change)
    {
        change();
        return this;
    }

    /// <summary>A project loaded as history (the operator's act), for report fixtures that need exact figures.</summary>
    public static Project Historical(int year, int provinceId, FundingSource source, ProjectState state, decimal approved, decimal counterpart, decimal totalCost,
        IReadOnlyList<OutcomeDraft>? outcomes = null, decimal? realisedCounterpart = null, string prefix = "HS")
    {
        var draft = new ProjectDraft(year, provinceId, source, ProjectKind.Thuong, "Đề án", "Trung tâm", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), counterpart,
            [new ContentDraft("ND03", totalCost, approved)], [], outcomes ?? []);
        var approvedState = state >= ProjectState.Approved && state != ProjectState.Rejected;
        var (project, result) = Project.LoadHistorical($"{prefix}-{Guid.NewGuid():N}"[..16],
            new HistoricalProject(draft, state, approvedState ? approved : null, approvedState ? new DateOnly(year, 1, 1) : null, realisedCounterpart), Act());
        Assert.True(result.Done, result.Message);
        return project!;
    }

    /// <summary>A payment recorded by the domain's act for historical data: every money and date rule applies.</summary>
    public static void Pay(Project project, DateOnly date, decimal amount, MoneySource source = MoneySource.State)
    {
        var result = project.DisburseHistorical(new DisburseMoney(date, amount, source, null), Act());
        Assert.True(result.Done, result.Message);
    }

    /// <summary>Payments on a stored project, through the same act.</summary>
    public static Task PayAsync(PortalFactory portal, int projectId, params (DateOnly Date, decimal Amount, MoneySource Source)[] payments) =>
        portal.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Disbursements).SingleAsync(p => p.Id == projectId);
            foreach (var (date, amount, source) in payments)
            {
                Pay(project, date, amount, source);
            }

            return await db.SaveChangesAsync();
        });

    private static ActContext Act() => new(Operator, DateTime.UtcNow, ProjectLimits.Default);
}
