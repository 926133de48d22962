using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Computes the conference report for a region, a year and a cut-off date (DOMAIN.md §8). Money is summed in the
/// database (GROUP BY per province and source); only those sums and the few plan versions come into memory, and
/// are then assigned to provinces and regions as they were, or restated on today's provinces.
/// </summary>
public sealed class ConferenceReportService(KhuyenCongDbContext db, Geography geography, TimeProvider clock)
{
    private sealed record Sums(int ProvinceId, FundingSource Source, decimal Amount);

    public async Task<ConferenceReport> ComputeAsync(string region, int year, DateOnly cutoff, Boundaries boundaries, CancellationToken ct = default)
    {
        var directory = await geography.DirectoryAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var regionName = await db.Regions.Where(r => r.Code == region).Select(r => r.Name).SingleAsync(ct);
        var previousCutoff = cutoff.AddYears(-1);

        // Where a province's figures of a year go: itself and its region then, or its successor and region today.
        (ProvinceFact? Unit, string? Region) Place(int provinceId, int y)
        {
            if (boundaries == Boundaries.Current)
            {
                var successor = directory.SuccessorOn(provinceId, today);
                return (successor, successor is null ? null : directory.RegionOn(successor.Id, today));
            }

            return (directory.Find(provinceId), directory.RegionOn(provinceId, new DateOnly(y, 1, 1)));
        }

        var plans = await PlansAsync(year, cutoff, ct);
        var plansPrevious = await PlansAsync(year - 1, cutoff, ct);
        var executed = await ExecutedAsync(year, cutoff, ct);
        var executedPrevious = await ExecutedAsync(year - 1, previousCutoff, ct);
        var support = await db.Projects.AsNoTracking()
            .Where(p => p.PlanYear == year && p.ApprovedSupport != null && p.State != ProjectState.Rejected)
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
            var (unit, unitRegion) = Place(provinceId, y);
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
        var projectCounts = support.GroupBy(s => Place(s.ProvinceId, year).Unit?.Id ?? 0).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var lines = regionProvinces
            .Select(p => new ProvinceLine(p.Code, p.Name, cells.GetValueOrDefault((p.Id, FundingSource.KCQG), Figures.Zero),
                cells.GetValueOrDefault((p.Id, FundingSource.KCDP), Figures.Zero), projectCounts.GetValueOrDefault(p.Id)))
            .ToList();
        var byState = states.Where(s => Place(s.ProvinceId, year).Region == region)
            .GroupBy(s => s.State).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var gaps = lines.Where(l => l.Total.Plan == 0).Select(l => $"{l.Name} chưa có kế hoạch kinh phí năm {year}.")
            .Concat(lines.Where(l => l.Total.Plan > 0 && l.Projects == 0).Select(l => $"{l.Name} có kế hoạch năm {year} nhưng chưa có đề án được duyệt."))
            .ToList();

        var report = new ConferenceReport(region, regionName, year, cutoff, boundaries, regionProvinces.Count,
            Sum(FundingSource.KCQG, InRegion), Sum(FundingSource.KCDP, InRegion),
            Sum(FundingSource.KCQG, _ => true), Sum(FundingSource.KCDP, _ => true),
            lines, byState, gaps, []);
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
        var contents = contentRows.Where(r => Place(r.ProvinceId, year).Region == region)
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
        var outcomes = outcomeRows.Where(r => Place(r.ProvinceId, year).Region == region)
            .GroupBy(r => r.IndicatorCode)
            .Select(g =>
            {
                var (name, unit, _) = indicators.GetValueOrDefault(g.Key, (g.Key, "", 99));
                return new OutcomeLine(g.Key, name, unit, (decimal)g.Sum(r => r.Target), (decimal)g.Sum(r => r.Actual));
            })
            .OrderBy(o => indicators.GetValueOrDefault(o.Code).SortOrder)
            .ToList();
        return report with { Narrative = ConferenceNarrative.Draft(report), Contents = contents, Outcomes = outcomes };
    }

    /// <summary>The plan versions in force at the cut-off for each province and source of a year (few rows).</summary>
    private async Task<IReadOnlyList<AnnualPlan>> PlansAsync(int year, DateOnly cutoff, CancellationToken ct)
    {
        var versions = await db.AnnualPlans.AsNoTracking().Where(p => p.Year == year && p.DecisionDate <= cutoff).ToListAsync(ct);
        return [.. versions.GroupBy(v => (v.ProvinceId, v.Source)).Select(g => AnnualPlan.InForce(g, cutoff)!)];
    }

    /// <summary>Executed = state disbursements of the year's projects dated on or before the cut-off, summed in the database.</summary>
    private async Task<IReadOnlyList<Sums>> ExecutedAsync(int year, DateOnly cutoff, CancellationToken ct)
    {
        var rows = await (from d in db.Disbursements
                          join p in db.Projects on d.ProjectId equals p.Id
                          where p.PlanYear == year && d.Source == MoneySource.State && d.Date <= cutoff
                          group d by new { p.ProvinceId, p.Source } into g
                          select new { g.Key.ProvinceId, g.Key.Source, Amount = g.Sum(x => (double)x.Amount) })
            .ToListAsync(ct);

        // Whole-đồng sums far below 2^53 are exact in a double; SQLite has no decimal SUM.
        return [.. rows.Select(r => new Sums(r.ProvinceId, r.Source, (decimal)r.Amount))];
    }
}

/// <summary>The drafted narrative, in the sentences the regional conference reports use (DOMAIN.md §8 items 1–5).</summary>
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
        ];
    }
}
