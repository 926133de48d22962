using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Reports;

/// <summary>Như thời điểm báo cáo (provinces as they were) or quy về 34 tỉnh hiện nay (restated on today's provinces).</summary>
public enum Boundaries
{
    Historical,
    Current,
}

/// <summary>The money figures of one source (or of both) for a region, a province or the nation (đồng).</summary>
public sealed record Figures(decimal Plan, decimal PlanPrevious, decimal Executed, decimal ExecutedPrevious, decimal Counterpart, decimal Support)
{
    public static readonly Figures Zero = new(0, 0, 0, 0, 0, 0);

    public static Figures operator +(Figures a, Figures b) =>
        new(a.Plan + b.Plan, a.PlanPrevious + b.PlanPrevious, a.Executed + b.Executed, a.ExecutedPrevious + b.ExecutedPrevious,
            a.Counterpart + b.Counterpart, a.Support + b.Support);
}

/// <summary>One province's line of the report.</summary>
public sealed record ProvinceLine(string Code, string Name, Figures Kcqg, Figures Kcdp, int Projects)
{
    public Figures Total => Kcqg + Kcdp;
}

/// <summary>One content's line: how many approved projects carry it and the money asked and approved for it (đồng).</summary>
public sealed record ContentLine(string Code, string Name, int Projects, decimal Requested, decimal Approved);

/// <summary>One outcome indicator over the year's approved projects: the targets set and the actuals accepted.</summary>
public sealed record OutcomeLine(string Code, string Name, string Unit, decimal Target, decimal Actual);

/// <summary>Báo cáo hội nghị khuyến công vùng: the figures of docs/domain.md §8 and the drafted narrative.</summary>
/// <remarks>Immutable, so that <see cref="FigureCache"/>'s memory tier hands out the same instance instead of a copy.</remarks>
[System.ComponentModel.ImmutableObject(true)]
public sealed record ConferenceReport(
    string Region,
    string RegionName,
    int Year,
    DateOnly Cutoff,
    Boundaries Boundaries,
    int ProvinceCount,
    Figures Kcqg,
    Figures Kcdp,
    Figures NationalKcqg,
    Figures NationalKcdp,
    IReadOnlyList<ProvinceLine> Provinces,
    IReadOnlyDictionary<ProjectState, int> ProjectsByState,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<string> Narrative)
{
    /// <summary>Per content of the year's approved projects in the region (docs/domain.md §8 item 5).</summary>
    public IReadOnlyList<ContentLine> Contents { get; init; } = [];

    /// <summary>Outcome indicators of the year's approved projects in the region (docs/domain.md §8 item 6).</summary>
    public IReadOnlyList<OutcomeLine> Outcomes { get; init; } = [];

    /// <summary>What the data lacks, by kind (the sentences of the narrative and the items of <see cref="ConferenceReport.Gaps"/>).</summary>
    public ConferenceGaps Shortfalls { get; init; } = ConferenceGaps.None;

    /// <summary>The establishments the year's counted projects in the region supported (docs/domain.md §8.1 item 5).</summary>
    public EstablishmentFigures Establishments { get; init; } = EstablishmentFigures.Zero;

    /// <summary>Xu hướng 5 năm: plan and executed of the region for Y−4..Y, each to that year's cut-off (C − k years).</summary>
    public IReadOnlyList<TrendLine> Trend { get; init; } = [];

    public Figures Total => Kcqg + Kcdp;

    public Figures NationalTotal => NationalKcqg + NationalKcdp;
}

/// <summary>
/// The gaps of a conference report (docs/domain.md §8.1): provinces with no plan for the year, with a plan but no
/// approved project, with an execution rate below half the region's (among those with projects), and provinces that
/// had not sent the latest periodic report due by the cut-off (<see cref="ReportTitle"/>, due <see cref="ReportDue"/>).
/// </summary>
public sealed record ConferenceGaps(
    IReadOnlyList<string> NoPlan,
    IReadOnlyList<string> NoProjects,
    IReadOnlyList<(string Name, decimal Rate)> LowExecution,
    string? ReportTitle,
    DateOnly? ReportDue,
    IReadOnlyList<string> MissingReports)
{
    public static readonly ConferenceGaps None = new([], [], [], null, null, []);

    /// <summary>Below this share of the region's execution rate a province's execution is low (the portal's rule).</summary>
    public const decimal LowExecutionShare = 0.5m;

    /// <summary>One item per province and kind, for the warning box of the page and the API's <c>gaps</c>.</summary>
    public IReadOnlyList<string> Items(int year) =>
    [
        .. NoPlan.Select(n => $"{n} chưa có kế hoạch kinh phí năm {year}."),
        .. NoProjects.Select(n => $"{n} có kế hoạch năm {year} nhưng chưa có đề án được duyệt."),
        .. LowExecution.Select(l => $"{l.Name} mới thực hiện {ReportFormat.Percent(l.Rate)} kế hoạch, dưới một nửa tỷ lệ chung của khu vực."),
        .. MissingReports.Select(n => $"{n} chưa gửi {ReportTitle?.ToLower(Domain.Common.VietnameseCulture.Instance)}."),
    ];
}

/// <summary>
/// One year of the five-year trend (xu hướng 5 năm): the plan in force at that year's cut-off and the state money
/// of that plan year's projects paid by it (đồng).
/// </summary>
public sealed record TrendLine(int Year, DateOnly Cutoff, decimal PlanKcqg, decimal PlanKcdp, decimal ExecutedKcqg, decimal ExecutedKcdp)
{
    public decimal Plan => PlanKcqg + PlanKcdp;

    public decimal Executed => ExecutedKcqg + ExecutedKcdp;
}

/// <summary>A plan version in force used by the report (kế hoạch kinh phí), on the province the boundaries place it.</summary>
public sealed record SourcePlanRow(int Year, string ProvinceCode, string ProvinceName, FundingSource Source, decimal Amount, string DecisionNumber, DateOnly DecisionDate);

/// <summary>
/// A project the report counts: approved support and counterpart (null where the report does not count them) and
/// the state money paid up to <see cref="ExecutedTo"/> (đồng).
/// </summary>
public sealed record SourceProjectRow(string Code, int PlanYear, string ProvinceCode, string ProvinceName, FundingSource Source, ProjectState State,
    decimal? ApprovedSupport, decimal? Counterpart, DateOnly ExecutedTo, decimal Executed);

/// <summary>Dữ liệu nguồn: the rows behind the report's totals, for the workbook's sheet DuLieuNguon.</summary>
public sealed record ConferenceSourceRows(IReadOnlyList<SourcePlanRow> Plans, IReadOnlyList<SourceProjectRow> Projects)
{
    /// <summary>
    /// True when the rows are the reader's own provinces only (a province user): the other provinces of the region
    /// are in the totals but not listed, and the rows no longer sum to the region's totals.
    /// </summary>
    public bool OwnProvincesOnly { get; init; }
}
