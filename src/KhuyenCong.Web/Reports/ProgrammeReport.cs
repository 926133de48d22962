namespace KhuyenCong.Web.Reports;

/// <summary>The money of one source (or of both) over a year or a period (đồng).</summary>
public sealed record PeriodFigures(decimal Plan, decimal Executed, decimal Support, decimal Counterpart)
{
    public static readonly PeriodFigures Zero = new(0, 0, 0, 0);

    public static PeriodFigures operator +(PeriodFigures a, PeriodFigures b) =>
        new(a.Plan + b.Plan, a.Executed + b.Executed, a.Support + b.Support, a.Counterpart + b.Counterpart);
}

/// <summary>One plan year of the period.</summary>
public sealed record ProgrammeYear(int Year, PeriodFigures Kcqg, PeriodFigures Kcdp)
{
    public PeriodFigures Total => Kcqg + Kcdp;
}

/// <summary>
/// One measure against the programme: a money measure (KCQG, KCDP: actual = the plans of the period, đồng) or an
/// outcome indicator (actual = the actuals of the period's approved projects; <see cref="ProjectTargets"/> what
/// those projects set out to reach). <see cref="Target"/> is null when the programme sets none.
/// </summary>
public sealed record ProgrammeTargetLine(string Measure, string Name, string Unit, bool IsMoney, decimal? Target, decimal? ProjectTargets, decimal Actual)
{
    /// <summary>Where the programme's target comes from; null when the programme sets none for the measure.</summary>
    public TargetSource? Source { get; init; }
}

/// <summary>The text a programme target was read from (legal basis and article), a note, and whether its figure was checked against that text.</summary>
public sealed record TargetSource(string LegalBasis, string Note, bool Confirmed);

/// <summary>Báo cáo giai đoạn chương trình: the figures of a range of plan years against the programme's targets.</summary>
/// <remarks>Immutable, so that <see cref="FigureCache"/>'s memory tier hands out the same instance instead of a copy.</remarks>
[System.ComponentModel.ImmutableObject(true)]
public sealed record ProgrammeReport(
    int FromYear,
    int ToYear,
    string? Region,
    string? RegionName,
    int ProvinceCount,
    DateOnly Cutoff,
    string? ProgrammeName,
    IReadOnlyList<ProgrammeYear> Years,
    IReadOnlyList<ProgrammeTargetLine> Targets,
    IReadOnlyList<string> Narrative)
{
    public PeriodFigures Kcqg => Years.Aggregate(PeriodFigures.Zero, (a, y) => a + y.Kcqg);

    public PeriodFigures Kcdp => Years.Aggregate(PeriodFigures.Zero, (a, y) => a + y.Kcdp);

    public PeriodFigures Total => Kcqg + Kcdp;

    public bool IsNational => Region is null;

    /// <summary>The decision of the programme whose targets are compared, e.g. "QĐ 1881/QĐ-TTg ngày 20/11/2020".</summary>
    public string? ProgrammeDecision { get; init; }

    /// <summary>The establishments the period's counted projects supported, each counted once over the whole period.</summary>
    public EstablishmentFigures Establishments { get; init; } = EstablishmentFigures.Zero;

    public int? ProgrammeFromYear { get; init; }

    public int? ProgrammeToYear { get; init; }

    /// <summary>The programme target of a measure, or null.</summary>
    public decimal? TargetOf(string measure) => Targets.FirstOrDefault(t => t.Measure == measure)?.Target;
}
