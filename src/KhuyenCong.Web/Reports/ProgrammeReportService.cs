using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Computes the programme-period report (docs/domain.md §8): for plan years From..To, the whole country or one region,
/// and a cut-off date for executed money. Money and outcomes are summed in the database (GROUP BY per year,
/// province and source or indicator); only those sums and the plan versions come into memory, where each province's
/// figures of a year are kept or dropped by the region it was in on 1 January of that year.
/// </summary>
public sealed class ProgrammeReportService(KhuyenCongDbContext db, Geography geography)
{
    /// <summary>The longest range a report covers: a programme period is five to seven years.</summary>
    public const int MaxYears = 10;

    /// <summary>The report from <see cref="FigureCache"/>: computed once per range, region and cut-off for the current data version.</summary>
    public Task<ProgrammeReport> CachedAsync(FigureCache figures, int fromYear, int toYear, string? region, DateOnly cutoff, CancellationToken ct) =>
        figures.GetAsync<ProgrammeReportService, ProgrammeReport>("programme",
            FormattableString.Invariant($"{fromYear}|{toYear}|{region ?? "CN"}|{cutoff:yyyy-MM-dd}"),
            (service, token) => service.ComputeAsync(fromYear, toYear, region, cutoff, token), ct);

    public async Task<ProgrammeReport> ComputeAsync(int fromYear, int toYear, string? region, DateOnly cutoff, CancellationToken ct = default)
    {
        if (fromYear > toYear || toYear - fromYear + 1 > MaxYears)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), $"The range {fromYear}–{toYear} must run forwards and cover at most {MaxYears} years.");
        }

        var directory = await geography.DirectoryAsync(ct);
        var regionName = region is null ? null : await db.Regions.Where(r => r.Code == region).Select(r => r.Name).SingleAsync(ct);
        bool Counts(int provinceId, int year) => region is null || directory.RegionOn(provinceId, new DateOnly(year, 1, 1)) == region;

        var cells = new Dictionary<(int Year, FundingSource Source), PeriodFigures>();
        void Add(int year, int provinceId, FundingSource source, PeriodFigures figures)
        {
            if (Counts(provinceId, year))
            {
                cells[(year, source)] = cells.GetValueOrDefault((year, source), PeriodFigures.Zero) + figures;
            }
        }

        // Plan of year Y: the version in force on 31/12 of Y (a later adjustment belongs to no year of the range).
        var lastDay = new DateOnly(toYear, 12, 31);
        var versions = await db.AnnualPlans.AsNoTracking()
            .Where(p => p.Year >= fromYear && p.Year <= toYear && p.DecisionDate <= lastDay)
            .ToListAsync(ct);
        foreach (var g in versions.GroupBy(v => (v.Year, v.ProvinceId, v.Source)))
        {
            if (AnnualPlan.InForce(g, new DateOnly(g.Key.Year, 12, 31)) is { } plan)
            {
                Add(plan.Year, plan.ProvinceId, plan.Source, PeriodFigures.Zero with { Plan = plan.Amount });
            }
        }

        // Whole-đồng sums far below 2^53 are exact in a double; SQLite has no decimal SUM.
        var executed = await (from d in db.Disbursements
                              join p in db.Projects on d.ProjectId equals p.Id
                              where p.PlanYear >= fromYear && p.PlanYear <= toYear && d.Source == MoneySource.State && d.Date <= cutoff
                              group d by new { p.PlanYear, p.ProvinceId, p.Source } into g
                              select new { g.Key.PlanYear, g.Key.ProvinceId, g.Key.Source, Amount = g.Sum(x => (double)x.Amount) })
            .ToListAsync(ct);
        foreach (var e in executed)
        {
            Add(e.PlanYear, e.ProvinceId, e.Source, PeriodFigures.Zero with { Executed = (decimal)e.Amount });
        }

        var support = await db.Projects.AsNoTracking()
            .Where(p => p.PlanYear >= fromYear && p.PlanYear <= toYear && p.ApprovedSupport != null && p.State != ProjectState.Rejected)
            .GroupBy(p => new { p.PlanYear, p.ProvinceId, p.Source })
            .Select(g => new
            {
                g.Key.PlanYear,
                g.Key.ProvinceId,
                g.Key.Source,
                Support = g.Sum(p => (double)p.ApprovedSupport!.Value),
                Counterpart = g.Sum(p => (double)(p.RealisedCounterpart ?? p.CounterpartCommitted)),
            })
            .ToListAsync(ct);
        foreach (var s in support)
        {
            Add(s.PlanYear, s.ProvinceId, s.Source, PeriodFigures.Zero with { Support = (decimal)s.Support, Counterpart = (decimal)s.Counterpart });
        }

        var years = Enumerable.Range(fromYear, toYear - fromYear + 1)
            .Select(y => new ProgrammeYear(y, cells.GetValueOrDefault((y, FundingSource.KCQG), PeriodFigures.Zero), cells.GetValueOrDefault((y, FundingSource.KCDP), PeriodFigures.Zero)))
            .ToList();

        var outcomeRows = await (from o in db.ProjectOutcomes
                                 join p in db.Projects on o.ProjectId equals p.Id
                                 where p.PlanYear >= fromYear && p.PlanYear <= toYear && p.ApprovedSupport != null && p.State != ProjectState.Rejected
                                 group o by new { p.PlanYear, p.ProvinceId, o.IndicatorCode } into g
                                 select new { g.Key.PlanYear, g.Key.ProvinceId, g.Key.IndicatorCode, Target = g.Sum(x => (double)x.Target), Actual = g.Sum(x => (double)(x.Actual ?? 0)) })
            .ToListAsync(ct);
        var outcomes = outcomeRows.Where(r => Counts(r.ProvinceId, r.PlanYear))
            .GroupBy(r => r.IndicatorCode)
            .ToDictionary(g => g.Key, g => (Target: (decimal)g.Sum(r => r.Target), Actual: (decimal)g.Sum(r => r.Actual)));

        // The programme whose period contains the first year sets the targets.
        var period = await db.ProgrammePeriods.AsNoTracking().Where(p => p.FromYear <= fromYear && fromYear <= p.ToYear).FirstOrDefaultAsync(ct);
        var targets = period is null
            ? new Dictionary<string, ProgrammeTarget>()
            : await db.ProgrammeTargets.AsNoTracking().Where(t => t.ProgrammePeriodId == period.Id).ToDictionaryAsync(t => t.Measure, ct);
        var indicators = await db.OutcomeIndicators.AsNoTracking().ToListAsync(ct);
        var kcqg = years.Aggregate(PeriodFigures.Zero, (a, y) => a + y.Kcqg);
        var kcdp = years.Aggregate(PeriodFigures.Zero, (a, y) => a + y.Kcdp);
        var lines = new List<ProgrammeTargetLine>
        {
            new(ProgrammeMeasures.Kcqg, "Kinh phí khuyến công quốc gia", "tỷ đồng", true, Target(ProgrammeMeasures.Kcqg), null, kcqg.Plan) { Source = Source(ProgrammeMeasures.Kcqg) },
            new(ProgrammeMeasures.Kcdp, "Kinh phí khuyến công địa phương", "tỷ đồng", true, Target(ProgrammeMeasures.Kcdp), null, kcdp.Plan) { Source = Source(ProgrammeMeasures.Kcdp) },
        };
        lines.AddRange(indicators
            .Where(i => targets.ContainsKey(i.Code) || outcomes.ContainsKey(i.Code))
            .OrderBy(i => i.SortOrder)
            .Select(i => new ProgrammeTargetLine(i.Code, i.Name, i.Unit, false, Target(i.Code),
                outcomes.GetValueOrDefault(i.Code).Target, outcomes.GetValueOrDefault(i.Code).Actual) { Source = Source(i.Code) }));

        // The region's provinces as they were on 1 January of the last year of the range.
        var provinceCount = region is null ? 0 : directory.ValidOn(new DateOnly(toYear, 1, 1)).Count(p => directory.RegionOn(p.Id, new DateOnly(toYear, 1, 1)) == region);
        var report = new ProgrammeReport(fromYear, toYear, region, regionName, provinceCount, cutoff, period?.Name, years, lines, [])
        {
            Establishments = await PeriodProjects(fromYear, toYear, region, directory).SupportedEstablishmentsAsync(db, ct),
            ProgrammeDecision = period?.Decision,
            ProgrammeFromYear = period?.FromYear,
            ProgrammeToYear = period?.ToYear,
        };
        return report with { Narrative = ProgrammeNarrative.Draft(report) };

        decimal? Target(string measure) => targets.TryGetValue(measure, out var t) ? t.Target : null;

        TargetSource? Source(string measure) => targets.TryGetValue(measure, out var t) ? new TargetSource(t.LegalBasis, t.Note, t.Confirmed) : null;
    }

    /// <summary>
    /// The period's projects of the country, or of the region as each year placed them (the region a province was in on
    /// 1 January of the plan year, as the money is counted): one query, a year's provinces per branch.
    /// </summary>
    private IQueryable<Project> PeriodProjects(int fromYear, int toYear, string? region, Domain.Geography.ProvinceDirectory directory)
    {
        var all = db.Projects.Where(p => p.PlanYear >= fromYear && p.PlanYear <= toYear);
        if (region is null)
        {
            return all;
        }

        IQueryable<Project>? projects = null;
        for (var year = fromYear; year <= toYear; year++)
        {
            var (y, ids) = (year, directory.All.Where(p => directory.RegionOn(p.Id, new DateOnly(year, 1, 1)) == region).Select(p => p.Id).ToList());
            var part = db.Projects.Where(p => p.PlanYear == y && ids.Contains(p.ProvinceId));
            projects = projects is null ? part : projects.Concat(part);
        }

        return projects!;
    }
}

/// <summary>The drafted narrative, in the sentences of the 2019 review of the 2014–2020 programme (docs/domain.md §10).</summary>
public static class ProgrammeNarrative
{
    /// <summary>A count of an outcome indicator with vi-VN grouping: 3.382.</summary>
    public static string Quantity(decimal? value) => value is { } v ? v.ToString("#,##0.##", VietnameseCulture.Instance) : ReportFormat.Missing;

    /// <summary>The measured figure as a percentage of the programme target; "—" without a target.</summary>
    public static string Achieved(decimal actual, decimal? target) => target is { } t ? ReportFormat.Percent(actual, t) : ReportFormat.Missing;

    /// <summary>The flag of a target not checked against the decision's text.</summary>
    public const string NotChecked = "chưa đối chiếu được văn bản";

    private static string Unconfirmed(ProgrammeTargetLine line) => line.Source is { Confirmed: false } ? "; " + NotChecked : string.Empty;

    public static IReadOnlyList<string> Draft(ProgrammeReport r)
    {
        string B(decimal v) => ReportFormat.Billions(v);
        var (t, q, d) = (r.Total, r.Kcqg, r.Kcdp);
        var range = $"{r.FromYear}–{r.ToYear}";
        var who = r.IsNational ? "của cả nước" : $"của {r.ProvinceCount} tỉnh, thành phố khu vực {r.RegionName}";
        // The programme's targets are national: a region's money is compared with them, not "achieves" them.
        var reach = r.IsNational ? "đạt" : "bằng";
        // A comparison with a target is drafted only when the programme has that target.
        var kcqgTarget = r.TargetOf(ProgrammeMeasures.Kcqg) is { } qt
            ? $", {reach} {ReportFormat.Percent(q.Plan, qt)} so với kinh phí khuyến công quốc gia dự kiến của chương trình"
            : string.Empty;
        var kcdpTarget = r.TargetOf(ProgrammeMeasures.Kcdp) is { } dt
            ? $", {reach} {ReportFormat.Percent(d.Plan, dt)} so với kinh phí khuyến công địa phương dự kiến của chương trình"
            : string.Empty;
        var sentences = new List<string>
        {
            $"Tổng kế hoạch kinh phí khuyến công giai đoạn {range} {who} đã được phê duyệt là {B(t.Plan)} tỷ đồng.",
            $"Trong đó: kinh phí khuyến công quốc gia là {B(q.Plan)} tỷ đồng, chiếm {ReportFormat.Percent(q.Plan, t.Plan)} tổng kinh phí{kcqgTarget}; kinh phí khuyến công địa phương là {B(d.Plan)} tỷ đồng, chiếm {ReportFormat.Percent(d.Plan, t.Plan)} tổng kinh phí{kcdpTarget}.",
            $"Tính đến ngày {ReportFormat.Date(r.Cutoff)}, kinh phí đã thực hiện là {B(t.Executed)} tỷ đồng, đạt {ReportFormat.Percent(t.Executed, t.Plan)} tổng kế hoạch; trong đó kinh phí khuyến công quốc gia {B(q.Executed)} tỷ đồng, đạt {ReportFormat.Percent(q.Executed, q.Plan)}, kinh phí khuyến công địa phương {B(d.Executed)} tỷ đồng, đạt {ReportFormat.Percent(d.Executed, d.Plan)} kế hoạch.",
            $"Tổng vốn đối ứng của các cơ sở thụ hưởng kinh phí khuyến công quốc gia là {B(q.Counterpart)} tỷ đồng; trung bình 01 đồng kinh phí khuyến công quốc gia thu hút được {ReportFormat.Times(q.Counterpart, q.Support)} đồng vốn đối ứng.",
            $"Vốn đối ứng của các cơ sở thụ hưởng kinh phí khuyến công địa phương là {B(d.Counterpart)} tỷ đồng; trung bình 01 đồng kinh phí khuyến công địa phương thu hút được {ReportFormat.Times(d.Counterpart, d.Support)} đồng vốn đối ứng.",
            r.Establishments.Sentence($"Các đề án được duyệt giai đoạn {range}"),
        };
        sentences.AddRange(r.Targets.Where(l => !l.IsMoney && l.Target is not null).Select(l =>
            $"{l.Name}: thực hiện {Quantity(l.Actual)} {l.Unit}, {reach} {Achieved(l.Actual, l.Target)} so với mục tiêu của chương trình ({Quantity(l.Target)} {l.Unit}{Unconfirmed(l)})."));
        var withoutFigure = r.Targets.Where(l => l.Source is not null && l.Target is null).ToList();
        if (withoutFigure.Count > 0)
        {
            sentences.Add($"Chương trình còn đặt mục tiêu về {string.Join(", ", withoutFigure.Select(l => l.Name.ToLower(VietnameseCulture.Instance)))}; cổng chưa có con số của các mục tiêu này (chưa đối chiếu được văn bản): "
                + $"thực hiện {string.Join("; ", withoutFigure.Select(l => $"{Quantity(l.Actual)} {l.Unit}"))}.");
        }

        if (r.ProgrammeFromYear is { } from && r.ProgrammeToYear is { } to && (r.FromYear < from || r.ToYear > to))
        {
            sentences.Add($"Các năm từ {r.FromYear} đến {r.ToYear} không cùng một giai đoạn chương trình: mục tiêu so sánh là của {r.ProgrammeName} ({from}–{to}).");
        }

        return sentences;
    }
}
