using System.Linq.Expressions;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Computes the conference report for a region, a year and a cut-off date (docs/domain.md §8). Money is summed in the
/// database (GROUP BY per province and source); only those sums and the few plan versions come into memory, and
/// are then assigned to provinces and regions as they were, or restated on today's provinces.
/// </summary>
public sealed class ConferenceReportService(KhuyenCongDbContext db, Geography geography, TimeProvider clock)
{
    private sealed record Sums(int Year, int ProvinceId, FundingSource Source, decimal Amount);

    private sealed record TrendBound(int Year, DateOnly Cutoff);

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>How many plan years the trend covers (xu hướng 5 năm: Y−4..Y).</summary>
    public const int TrendYears = 5;

    private delegate (ProvinceFact? Unit, string? Region) Placement(int provinceId, int year);

    /// <summary>
    /// The report from <see cref="FigureCache"/>: computed once per region, year, cut-off, boundaries and today's date
    /// (the restated boundaries are today's) for the current data version.
    /// </summary>
    public Task<ConferenceReport> CachedAsync(FigureCache figures, string region, int year, DateOnly cutoff, Boundaries boundaries, CancellationToken ct) =>
        figures.GetAsync<ConferenceReportService, ConferenceReport>("conference",
            FormattableString.Invariant($"{region}|{year}|{cutoff:yyyy-MM-dd}|{boundaries}|{Today():yyyy-MM-dd}"),
            (service, token) => service.ComputeAsync(region, year, cutoff, boundaries, token), ct);

    public async Task<ConferenceReport> ComputeAsync(string region, int year, DateOnly cutoff, Boundaries boundaries, CancellationToken ct = default)
    {
        var directory = await geography.DirectoryAsync(ct);
        var today = Today();
        var regionName = await db.Regions.Where(r => r.Code == region).Select(r => r.Name).SingleAsync(ct);
        var place = Placer(directory, boundaries, today);

        var plans = await PlansAsync(year, cutoff, ct);
        var plansPrevious = await PlansAsync(year - 1, cutoff, ct);
        // Executed Y to C and Y−1 to C − 1 year are two of the trend's five years: one query serves both.
        var trendPlans = await TrendPlansAsync(year, cutoff, ct);
        var trendExecuted = await ExecutedAsync(year, cutoff, ct);
        var executed = trendExecuted.Where(e => e.Year == year).ToList();
        var executedPrevious = trendExecuted.Where(e => e.Year == year - 1).ToList();
        var support = await db.Projects.AsNoTracking()
            .Where(p => p.PlanYear == year).Counted()
            .GroupBy(p => new { p.ProvinceId, p.Source })
            .Select(g => new
            {
                g.Key.ProvinceId,
                g.Key.Source,
                Support = g.Sum(p => (double)p.ApprovedSupport!.Value),
                Counterpart = g.Sum(p => (double)(p.RealisedCounterpart ?? p.CounterpartCommitted)),
                Count = g.Count(),
            })
            .ToListAsync(ct);
        var states = await db.Projects.AsNoTracking().Where(p => p.PlanYear == year)
            .GroupBy(p => new { p.ProvinceId, p.State }).Select(g => new { g.Key.ProvinceId, g.Key.State, Count = g.Count() }).ToListAsync(ct);

        // Every figure lands on a (unit, region, source) cell.
        var cells = new Dictionary<(int Unit, FundingSource Source), Figures>();
        var regionOf = new Dictionary<int, string?>();
        void Add(int provinceId, int y, FundingSource source, Func<Figures, Figures> change)
        {
            var (unit, unitRegion) = place(provinceId, y);
            if (unit is null)
            {
                return;
            }

            regionOf.TryAdd(unit.Id, unitRegion);
            var key = (unit.Id, source);
            cells[key] = change(cells.GetValueOrDefault(key, Figures.Zero));
        }

        foreach (var p in plans)
        {
            Add(p.ProvinceId, year, p.Source, f => f with { Plan = f.Plan + p.Amount });
        }

        foreach (var p in plansPrevious)
        {
            Add(p.ProvinceId, year - 1, p.Source, f => f with { PlanPrevious = f.PlanPrevious + p.Amount });
        }

        foreach (var e in executed)
        {
            Add(e.ProvinceId, year, e.Source, f => f with { Executed = f.Executed + e.Amount });
        }

        foreach (var e in executedPrevious)
        {
            Add(e.ProvinceId, year - 1, e.Source, f => f with { ExecutedPrevious = f.ExecutedPrevious + e.Amount });
        }

        foreach (var s in support)
        {
            Add(s.ProvinceId, year, s.Source, f => f with { Support = f.Support + (decimal)s.Support, Counterpart = f.Counterpart + (decimal)s.Counterpart });
        }

        Figures Sum(FundingSource source, Func<int, bool> unitFilter) =>
            cells.Where(c => c.Key.Source == source && unitFilter(c.Key.Unit)).Aggregate(Figures.Zero, (a, c) => a + c.Value);
        bool InRegion(int unit) => regionOf.GetValueOrDefault(unit) == region;

        // The region's provinces: those valid in the year (or today, restated) that belong to it.
        var regionProvinces = (boundaries == Boundaries.Current
                ? directory.ValidOn(today).Where(p => directory.RegionOn(p.Id, today) == region)
                : directory.ValidOn(new DateOnly(year, 1, 1)).Where(p => directory.RegionOn(p.Id, new DateOnly(year, 1, 1)) == region))
            .ToList();
        var projectCounts = support.GroupBy(s => place(s.ProvinceId, year).Unit?.Id ?? 0).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var lines = regionProvinces
            .Select(p => new ProvinceLine(p.Code, p.Name, cells.GetValueOrDefault((p.Id, FundingSource.KCQG), Figures.Zero),
                cells.GetValueOrDefault((p.Id, FundingSource.KCDP), Figures.Zero), projectCounts.GetValueOrDefault(p.Id)))
            .ToList();
        var byState = states.Where(s => place(s.ProvinceId, year).Region == region)
            .GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var regionKcqg = Sum(FundingSource.KCQG, InRegion);
        var regionKcdp = Sum(FundingSource.KCDP, InRegion);
        var shortfalls = await GapsAsync(region, year, cutoff, lines, regionKcqg + regionKcdp, directory, ct);

        var report = new ConferenceReport(region, regionName, year, cutoff, boundaries, regionProvinces.Count,
            regionKcqg, regionKcdp,
            Sum(FundingSource.KCQG, _ => true), Sum(FundingSource.KCDP, _ => true),
            lines, byState, shortfalls.Items(year), []) { Shortfalls = shortfalls };
        // Per content: approved support shared among a project's contents in proportion to what each asked.
        var contentRows = await (from c in db.ProjectContents
                                 join p in db.Projects on c.ProjectId equals p.Id
                                 where p.PlanYear == year && p.ApprovedSupport != null && p.State != ProjectState.Rejected
                                 group new { c, p } by new { p.ProvinceId, c.ContentCode } into g
                                 select new
                                 {
                                     g.Key.ProvinceId,
                                     g.Key.ContentCode,
                                     Projects = g.Count(),
                                     Requested = g.Sum(x => (double)x.c.RequestedAmount),
                                     Approved = g.Sum(x => (double)x.p.RequestedSupport == 0 ? 0 : (double)x.p.ApprovedSupport! * (double)x.c.RequestedAmount / (double)x.p.RequestedSupport),
                                 })
            .ToListAsync(ct);
        var contentNames = await db.Contents.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var contents = contentRows.Where(r => place(r.ProvinceId, year).Region == region)
            .GroupBy(r => r.ContentCode)
            .Select(g => new ContentLine(g.Key, contentNames.GetValueOrDefault(g.Key, g.Key), g.Sum(r => r.Projects),
                (decimal)g.Sum(r => r.Requested), Math.Round((decimal)g.Sum(r => r.Approved), 0, MidpointRounding.AwayFromZero)))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var outcomeRows = await (from o in db.ProjectOutcomes
                                 join p in db.Projects on o.ProjectId equals p.Id
                                 where p.PlanYear == year && p.ApprovedSupport != null && p.State != ProjectState.Rejected
                                 group o by new { p.ProvinceId, o.IndicatorCode } into g
                                 select new { g.Key.ProvinceId, g.Key.IndicatorCode, Target = g.Sum(x => (double)x.Target), Actual = g.Sum(x => (double)(x.Actual ?? 0)) })
            .ToListAsync(ct);
        var indicators = await db.OutcomeIndicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => (i.Name, i.Unit, i.SortOrder), ct);
        var outcomes = outcomeRows.Where(r => place(r.ProvinceId, year).Region == region)
            .GroupBy(r => r.IndicatorCode)
            .Select(g =>
            {
                var (name, unit, _) = indicators.GetValueOrDefault(g.Key, (g.Key, "", 99));
                return new OutcomeLine(g.Key, name, unit, (decimal)g.Sum(r => r.Target), (decimal)g.Sum(r => r.Actual));
            })
            .OrderBy(o => indicators.GetValueOrDefault(o.Code).SortOrder)
            .ToList();
        var placedInRegion = directory.All.Where(p => place(p.Id, year).Region == region).Select(p => p.Id).ToList();
        var establishments = await db.Projects.Where(p => p.PlanYear == year && placedInRegion.Contains(p.ProvinceId)).SupportedEstablishmentsAsync(db, ct);
        report = report with
        {
            Establishments = establishments,
            Contents = contents,
            Outcomes = outcomes,
            Trend = Trend(region, year, cutoff, trendPlans, trendExecuted, place),
        };

        // Drafted last, from the complete report: the one narrative of the page, the workbook, the document and the API.
        return report with { Narrative = ConferenceNarrative.Draft(report) };
    }

    /// <summary>
    /// Dữ liệu nguồn: the rows the report's totals are summed from, for the region as the boundaries place it: the
    /// plan versions in force at the cut-off for Y and Y−1, and the projects of Y and Y−1 that count (approved
    /// support and not rejected, or state money paid by the cut-off, C for Y and C − 1 year for Y−1), each with its
    /// state money summed in the database. Only the rows the actor may see listed (<see cref="ReportScope.ListedTo(IQueryable{Project}, ProjectActor, KhuyenCongDbContext)"/>):
    /// a province user gets their own province's rows, the other provinces being in the report's totals only.
    /// </summary>
    public async Task<ConferenceSourceRows> SourceRowsAsync(string region, int year, DateOnly cutoff, Boundaries boundaries, ProjectActor actor, CancellationToken ct = default)
    {
        var directory = await geography.DirectoryAsync(ct);
        var place = Placer(directory, boundaries, Today());
        var previousCutoff = cutoff.AddYears(-1);
        IReadOnlyList<int> ProvincesPlacedIn(int y) => [.. directory.All.Where(p => place(p.Id, y).Region == region).Select(p => p.Id)];
        var provinces = ProvincesPlacedIn(year);
        var provincesPrevious = ProvincesPlacedIn(year - 1);

        var planRows = new List<SourcePlanRow>();
        var listedPlans = db.AnnualPlans.ListedTo(actor, db);
        foreach (var (y, versions) in new[] { (year, await PlansAsync(listedPlans, year, cutoff, ct)), (year - 1, await PlansAsync(listedPlans, year - 1, cutoff, ct)) })
        {
            foreach (var v in versions.OrderBy(v => v.ProvinceId).ThenBy(v => v.Source))
            {
                if (place(v.ProvinceId, y) is ({ } unit, var unitRegion) && unitRegion == region)
                {
                    planRows.Add(new SourcePlanRow(y, unit.Code, unit.Name, v.Source, v.Amount, v.DecisionNumber, v.DecisionDate));
                }
            }
        }

        var paid = from d in db.Disbursements
                   join p in db.Projects on d.ProjectId equals p.Id
                   where d.Source == MoneySource.State
                         && ((p.PlanYear == year && d.Date <= cutoff) || (p.PlanYear == year - 1 && d.Date <= previousCutoff))
                   group d by d.ProjectId into g
                   select new { ProjectId = g.Key, Amount = g.Sum(x => (double)x.Amount) };
        var projects = await (from p in db.Projects.AsNoTracking().ListedTo(actor, db)
                              join e in paid on p.Id equals e.ProjectId into pe
                              from e in pe.DefaultIfEmpty()
                              where (p.PlanYear == year && provinces.Contains(p.ProvinceId)) || (p.PlanYear == year - 1 && provincesPrevious.Contains(p.ProvinceId))
                              select new
                              {
                                  p.Code,
                                  p.PlanYear,
                                  p.ProvinceId,
                                  p.Source,
                                  p.State,
                                  p.ApprovedSupport,
                                  Counterpart = p.RealisedCounterpart ?? p.CounterpartCommitted,
                                  Executed = (double?)e.Amount,
                              })
            .Where(x => (x.ApprovedSupport != null && x.State != ProjectState.Rejected) || x.Executed != null)
            .OrderByDescending(x => x.PlanYear).ThenBy(x => x.Code)
            .ToListAsync(ct);
        var projectRows = projects
            .Select(p =>
            {
                var unit = place(p.ProvinceId, p.PlanYear).Unit!;
                // Approved support and counterpart count only where the report counts them: approved and not rejected.
                var counts = p.ApprovedSupport is not null && p.State != ProjectState.Rejected;
                return new SourceProjectRow(p.Code, p.PlanYear, unit.Code, unit.Name, p.Source, p.State,
                    counts ? p.ApprovedSupport : null, counts ? p.Counterpart : null, p.PlanYear == year ? cutoff : previousCutoff, (decimal)(p.Executed ?? 0));
            })
            .ToList();
        return new ConferenceSourceRows(planRows, projectRows) { OwnProvincesOnly = ReportScope.ListsOwnRowsOnly(actor) };
    }

    /// <summary>
    /// The gaps of the report: no plan, a plan but no approved project, execution below half the region's rate, and the
    /// provinces (valid at the period's end, in the region then, as the completeness board counts them) that had not
    /// sent, by the cut-off, the year's latest periodic report whose due date is on or before the cut-off.
    /// </summary>
    private async Task<ConferenceGaps> GapsAsync(string region, int year, DateOnly cutoff, IReadOnlyList<ProvinceLine> lines, Figures total, ProvinceDirectory directory, CancellationToken ct)
    {
        var regionRate = ReportFormat.Ratio(total.Executed, total.Plan);
        var low = regionRate is > 0
            ? lines.Where(l => l.Total.Plan > 0 && l.Projects > 0 && l.Total.Executed / l.Total.Plan < regionRate.Value * ConferenceGaps.LowExecutionShare)
                .Select(l => (l.Name, l.Total.Executed / l.Total.Plan)).ToList()
            : [];

        string? title = null;
        DateOnly? due = null;
        var missing = new List<string>();
        var deadlines = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        // Periodic reports exist in the portal from 2014 (docs/domain.md §8.3); before that, no report is missing.
        var period = year < 2014 ? null : ReportPeriods.All.Reverse()
            .Select(p => (ReportPeriod?)p)
            .FirstOrDefault(p => (ReportPeriods.Due(p!.Value, year, deadlines) ?? ReportPeriods.End(p.Value, year)) <= cutoff);
        if (period is { } reported)
        {
            var end = ReportPeriods.End(reported, year);
            (title, due) = (ReportPeriods.Title(reported, year), ReportPeriods.Due(reported, year, deadlines) ?? end);
            var expected = directory.ValidOn(end).Where(p => directory.RegionOn(p.Id, end) == region).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
            var sentBy = cutoff.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
            var sent = await db.PeriodicReports.AsNoTracking()
                .Where(r => r.Year == year && r.Period == reported && r.FirstSubmittedAtUtc != null && r.FirstSubmittedAtUtc < sentBy)
                .Select(r => r.ProvinceId).ToListAsync(ct);
            missing.AddRange(expected.Where(p => !sent.Contains(p.Id)).Select(p => p.Name));
        }

        return new ConferenceGaps(
            [.. lines.Where(l => l.Total.Plan == 0).Select(l => l.Name)],
            [.. lines.Where(l => l.Total.Plan > 0 && l.Projects == 0).Select(l => l.Name)],
            low, title, due, missing);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    /// <summary>Where a province's figures of a year go: itself and its region then, or its successor and region today.</summary>
    private static Placement Placer(ProvinceDirectory directory, Boundaries boundaries, DateOnly today) => (provinceId, y) =>
    {
        if (boundaries == Boundaries.Current)
        {
            var successor = directory.SuccessorOn(provinceId, today);
            return (successor, successor is null ? null : directory.RegionOn(successor.Id, today));
        }

        return (directory.Find(provinceId), directory.RegionOn(provinceId, new DateOnly(y, 1, 1)));
    };

    /// <summary>The five years Y−4..Y, each with its cut-off: the report's day and month in that year (C − k years).</summary>
    private static IEnumerable<(int Year, DateOnly Cutoff)> TrendCutoffs(int year, DateOnly cutoff) =>
        Enumerable.Range(0, TrendYears).Select(k => (year - TrendYears + 1 + k, cutoff.AddYears(k - TrendYears + 1)));

    private static IReadOnlyList<TrendLine> Trend(string region, int year, DateOnly cutoff, IReadOnlyList<Sums> plans, IReadOnlyList<Sums> executed, Placement place)
    {
        decimal Total(IEnumerable<Sums> sums, int y, FundingSource source) =>
            sums.Where(s => s.Year == y && s.Source == source && place(s.ProvinceId, y) is ({ }, var r) && r == region).Sum(s => s.Amount);
        return [.. TrendCutoffs(year, cutoff).Select(t => new TrendLine(t.Year, t.Cutoff,
            Total(plans, t.Year, FundingSource.KCQG), Total(plans, t.Year, FundingSource.KCDP),
            Total(executed, t.Year, FundingSource.KCQG), Total(executed, t.Year, FundingSource.KCDP)))];
    }

    /// <summary>
    /// The plan in force at each trend year's cut-off, per plan year, province and source, chosen and summed in the
    /// database: a version counts when no later version of the same year, province and source is dated on or before
    /// that year's cut-off.
    /// </summary>
    private async Task<IReadOnlyList<Sums>> TrendPlansAsync(int year, DateOnly cutoff, CancellationToken ct)
    {
        var eligible = db.AnnualPlans.AsNoTracking().Where(InTrend<AnnualPlan>(year, cutoff, v => v.Year, v => v.DecisionDate));
        var rows = await (from v in eligible
                          where !eligible.Any(w => w.Year == v.Year && w.ProvinceId == v.ProvinceId && w.Source == v.Source
                                                   && (w.DecisionDate > v.DecisionDate || (w.DecisionDate == v.DecisionDate && w.Id > v.Id)))
                          group v by new { v.Year, v.ProvinceId, v.Source } into g
                          select new { g.Key.Year, g.Key.ProvinceId, g.Key.Source, Amount = g.Sum(x => (double)x.Amount) })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Sums(r.Year, r.ProvinceId, r.Source, (decimal)r.Amount))];
    }

    /// <summary>
    /// <c>(year = Y−4 and date ≤ C − 4 years) or … or (year = Y and date ≤ C)</c> as one expression that EF translates,
    /// so that the five years are read in one statement.
    /// </summary>
    private static Expression<Func<T, bool>> InTrend<T>(int year, DateOnly cutoff,
        Expression<Func<T, int>> yearOf, Expression<Func<T, DateOnly>> dateOf)
    {
        var item = Expression.Parameter(typeof(T), "x");
        var yearBody = new ReplaceParameter(yearOf.Parameters[0], item).Visit(yearOf.Body);
        var dateBody = new ReplaceParameter(dateOf.Parameters[0], item).Visit(dateOf.Body);
        Expression? any = null;
        foreach (var (y, c) in TrendCutoffs(year, cutoff))
        {
            // Closure-held values become parameters, not constants baked into the cached query.
            var bounds = new TrendBound(y, c);
            var holder = Expression.Constant(bounds);
            var one = Expression.AndAlso(
                Expression.Equal(yearBody, Expression.Property(holder, nameof(TrendBound.Year))),
                Expression.LessThanOrEqual(dateBody, Expression.Property(holder, nameof(TrendBound.Cutoff))));
            any = any is null ? one : Expression.OrElse(any, one);
        }

        return Expression.Lambda<Func<T, bool>>(any!, item);
    }

    /// <summary>The plan versions in force at the cut-off for each province and source of a year (few rows).</summary>
    private Task<IReadOnlyList<AnnualPlan>> PlansAsync(int year, DateOnly cutoff, CancellationToken ct) =>
        PlansAsync(db.AnnualPlans, year, cutoff, ct);

    /// <summary>The same, of the given plans only (a province's own, for the rows listed to a province user).</summary>
    private static async Task<IReadOnlyList<AnnualPlan>> PlansAsync(IQueryable<AnnualPlan> plans, int year, DateOnly cutoff, CancellationToken ct)
    {
        return await plans.AsNoTracking().Where(p => p.Year == year).InForceAt(cutoff).ToListAsync(ct);
    }

    /// <summary>
    /// Executed = state disbursements of a year's projects dated on or before its cut-off, for each of the trend's
    /// five years (C − k years for Y − k), summed in the database per plan year, province and source.
    /// </summary>
    private async Task<IReadOnlyList<Sums>> ExecutedAsync(int year, DateOnly cutoff, CancellationToken ct)
    {
        var first = year - TrendYears + 1;
        var paid = db.Disbursements.Where(d => d.Source == MoneySource.State)
            .Join(db.Projects.Where(p => p.PlanYear >= first && p.PlanYear <= year), d => d.ProjectId, p => p.Id, (d, p) => new PaidRow { PlanYear = p.PlanYear, ProvinceId = p.ProvinceId, Source = p.Source, Date = d.Date, Amount = d.Amount })
            .Where(InTrend<PaidRow>(year, cutoff, x => x.PlanYear, x => x.Date));
        var rows = await paid.GroupBy(x => new { x.PlanYear, x.ProvinceId, x.Source })
            .Select(g => new { g.Key.PlanYear, g.Key.ProvinceId, g.Key.Source, Amount = g.Sum(x => (double)x.Amount) })
            .ToListAsync(ct);

        // Whole-đồng sums far below 2^53 are exact in a double; SQLite has no decimal SUM.
        return [.. rows.Select(r => new Sums(r.PlanYear, r.ProvinceId, r.Source, (decimal)r.Amount))];
    }

    /// <summary>A state payment with its project's plan year, province and source (member-initialised so that EF can compose on it).</summary>
    private sealed class PaidRow
    {
        public int PlanYear { get; init; }

        public int ProvinceId { get; init; }

        public FundingSource Source { get; init; }

        public DateOnly Date { get; init; }

        public decimal Amount { get; init; }
    }
}

/// <summary>The drafted narrative, in the sentences the regional conference reports use (docs/domain.md §8 items 1–5).</summary>
public static class ConferenceNarrative
{
    public static IReadOnlyList<string> Draft(ConferenceReport r)
    {
        string B(decimal v) => ReportFormat.Billions(v);
        var (t, q, d) = (r.Total, r.Kcqg, r.Kcdp);
        var prev = r.Year - 1;
        return
        [
            $"Tổng kế hoạch kinh phí khuyến công năm {r.Year} được duyệt của {r.ProvinceCount} tỉnh, thành phố khu vực {r.RegionName} là {B(t.Plan)} tỷ đồng, {ReportFormat.Change(t.Plan, t.PlanPrevious)} so với kế hoạch năm {prev} ({B(t.PlanPrevious)} tỷ đồng).",
            $"Trong đó, kinh phí khuyến công quốc gia là {B(q.Plan)} tỷ đồng, {ReportFormat.Change(q.Plan, q.PlanPrevious)} so với năm {prev} ({B(q.PlanPrevious)} tỷ đồng), chiếm {ReportFormat.Percent(q.Plan, t.Plan)} tổng kinh phí của khu vực và bằng {ReportFormat.Percent(q.Plan, r.NationalKcqg.Plan)} kế hoạch khuyến công quốc gia cả nước; kinh phí khuyến công địa phương là {B(d.Plan)} tỷ đồng, {ReportFormat.Change(d.Plan, d.PlanPrevious)} so với năm {prev} ({B(d.PlanPrevious)} tỷ đồng), bằng {ReportFormat.Percent(d.Plan, r.NationalKcdp.Plan)} kế hoạch khuyến công địa phương cả nước.",
            $"Tính đến ngày {ReportFormat.Date(r.Cutoff)}, kinh phí đã thực hiện là {B(t.Executed)} tỷ đồng, đạt {ReportFormat.Percent(t.Executed, t.Plan)} kế hoạch năm; trong đó kinh phí khuyến công quốc gia {B(q.Executed)} tỷ đồng, đạt {ReportFormat.Percent(q.Executed, q.Plan)}, kinh phí khuyến công địa phương {B(d.Executed)} tỷ đồng, đạt {ReportFormat.Percent(d.Executed, d.Plan)} kế hoạch.",
            $"So với cùng kỳ năm {prev} ({B(t.ExecutedPrevious)} tỷ đồng), kinh phí thực hiện bằng {ReportFormat.Percent(t.Executed, t.ExecutedPrevious)}.",
            $"Vốn đối ứng của các cơ sở thụ hưởng là {B(t.Counterpart)} tỷ đồng; hệ số thu hút vốn đạt {ReportFormat.Times(t.Counterpart, t.Support)} đồng vốn đối ứng trên mỗi đồng kinh phí khuyến công (kinh phí khuyến công quốc gia: {ReportFormat.Times(q.Counterpart, q.Support)}).",
            States(r),
            r.Establishments.Sentence($"Các đề án được duyệt năm {r.Year} của khu vực"),
            .. Outcomes(r),
            .. Gaps(r),
        ];
    }

    /// <summary>How many outcome indicators the narrative states (the first in the catalogue's order); the table has all.</summary>
    public const int MainOutcomes = 5;

    private static string Count(int value) => value.ToString("#,##0", VietnameseCulture.Instance);

    private static string Quantity(decimal value) => value.ToString("#,##0.##", VietnameseCulture.Instance);

    private static string Lower(string label) => char.ToLower(label[0], VietnameseCulture.Instance) + label[1..];

    /// <summary>"Năm 2024, khu vực có 12 đề án khuyến công: 2 đề án nháp, 5 đề án đang thực hiện, …".</summary>
    private static string States(ConferenceReport r)
    {
        var total = r.ProjectsByState.Values.Sum();
        if (total == 0)
        {
            return $"Năm {r.Year}, khu vực chưa có đề án khuyến công nào trên cổng.";
        }

        return $"Năm {r.Year}, khu vực có {Count(total)} đề án khuyến công, trong đó: "
            + string.Join(", ", r.ProjectsByState.OrderBy(s => s.Key).Select(s => $"{Count(s.Value)} đề án {Lower(ProjectLabels.Of(s.Key))}")) + ".";
    }

    private static IEnumerable<string> Outcomes(ConferenceReport r)
    {
        var main = r.Outcomes.Where(o => o.Target > 0 || o.Actual > 0).Take(MainOutcomes).ToList();
        if (main.Count > 0)
        {
            yield return "Về kết quả, so với mục tiêu của các đề án được duyệt: "
                + string.Join("; ", main.Select(o => $"{Lower(o.Name)} đạt {Quantity(o.Actual)}/{Quantity(o.Target)} {o.Unit} ({ReportFormat.Percent(o.Actual, o.Target)})")) + ".";
        }
    }

    private static IEnumerable<string> Gaps(ConferenceReport r)
    {
        var g = r.Shortfalls;
        string Names(IEnumerable<string> names) => string.Join(", ", names);
        if (g.NoPlan.Count > 0)
        {
            yield return $"Còn {Count(g.NoPlan.Count)} tỉnh, thành phố chưa có kế hoạch kinh phí năm {r.Year} trên cổng: {Names(g.NoPlan)}.";
        }

        if (g.NoProjects.Count > 0)
        {
            yield return $"Có {Count(g.NoProjects.Count)} tỉnh, thành phố đã có kế hoạch năm {r.Year} nhưng chưa có đề án được duyệt: {Names(g.NoProjects)}.";
        }

        if (g.LowExecution.Count > 0)
        {
            yield return $"Có {Count(g.LowExecution.Count)} tỉnh, thành phố thực hiện dưới một nửa tỷ lệ chung của khu vực ({ReportFormat.Percent(r.Total.Executed, r.Total.Plan)}): "
                + Names(g.LowExecution.Select(l => $"{l.Name} ({ReportFormat.Percent(l.Rate)})")) + ".";
        }

        if (g.MissingReports.Count > 0 && g.ReportTitle is { } title && g.ReportDue is { } due)
        {
            yield return $"Đến ngày {ReportFormat.Date(r.Cutoff)}, còn {Count(g.MissingReports.Count)} tỉnh, thành phố chưa gửi {Lower(title)} (hạn nộp {ReportFormat.Date(due)}): {Names(g.MissingReports)}.";
        }
    }
}
