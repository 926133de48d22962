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

    public ProjectBuilder In(string provinceCode, int year) => Set(() => (_provinceCode, _year) = (provinceCode, year));

    public ProjectBuilder Source(FundingSource source) => Set(() => _source = source);

    public ProjectBuilder State(ProjectState state, decimal? approved = null) => Set(() => (_state, _approved) = (state, approved));

    public ProjectBuilder Titled(string title) => Set(() => _title = title);

    public ProjectBuilder BenefitingTo(string beneficiary) => Set(() => _beneficiary = beneficiary);

    public async Task<int> SaveAsync() => await portal.WithDbAsync(async db =>
    {
        var jan1 = new DateOnly(_year, 1, 1);
        var province = await db.Provinces.SingleAsync(p => p.Code == _provinceCode && p.ValidFrom <= jan1 && (p.ValidTo == null || p.ValidTo >= jan1));
        var project = new Project
        {
            Code = $"TEST-{Guid.NewGuid():N}"[..20],
            Title = _title,
            PlanYear = _year,
            ProvinceId = province.Id,
            Source = _source,
            Kind = ProjectKind.Thuong,
            ImplementingUnit = "Trung tâm Khuyến công",
            StartDate = new DateOnly(_year, 3, 1),
            EndDate = new DateOnly(_year, 10, 31),
            RequestedSupport = 500_000_000,
            CounterpartCommitted = 1_200_000_000,
            State = _state,
            CreatedById = "test",
            ApprovedSupport = _approved ?? (_state >= ProjectState.Approved && _state != ProjectState.Rejected ? 400_000_000 : null),
        };
        project.Contents.Add(new ProjectContent { ContentCode = "ND03", TotalCost = 1_700_000_000, RequestedAmount = 500_000_000 });
        project.Beneficiaries.Add(new Beneficiary { Name = _beneficiary, TaxCode = "2300123456", Type = BeneficiaryType.Cooperative, Commune = "xã Phú Lộc" });
        project.Outcomes.Add(new ProjectOutcome { IndicatorCode = "LAO_DONG_DAO_TAO", Target = 30 });
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });

    private ProjectBuilder Set(Action change)
    {
        change();
        return this;
    }
}
