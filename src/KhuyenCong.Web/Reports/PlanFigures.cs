using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// The Kế hoạch page's figures for a plan year and a date, within the actor's scope: per province and source with a
/// plan version or a counted project, the version in force at the date, how many versions were decided by then, and
/// the number and sum of approved support of the counted projects, and the state money they had received by then. Four
/// grouped statements, cached per scope, year, date and data version (<see cref="FigureCache"/>).
/// </summary>
public sealed class PlanFigures(KhuyenCongDbContext db, ProjectService projects)
{
    /// <summary>One province and source of the year (đồng); <see cref="Allocation"/> is null without a version in force.</summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record Line(int ProvinceId, FundingSource Source, decimal? Allocation, string? DecisionNumber, DateOnly? DecisionDate, int Versions, decimal Approved, int Projects,
        decimal Disbursed)
    {
        /// <summary>Số lần điều chỉnh: the versions decided by the date after the first.</summary>
        public int Adjustments => Math.Max(0, Versions - 1);

        /// <summary>The allocation in force differs from the approved support of the counted projects.</summary>
        public bool Differs => Allocation is not null && Allocation != Approved;
    }

    /// <summary>The date a plan year is read at when none is asked: the year's end for a past year, else today.</summary>
    public static DateOnly DefaultDate(int year, DateOnly today) => year < today.Year ? new DateOnly(year, 12, 31) : today;

    /// <summary>
    /// The lines as the cache keeps them: a sealed immutable type, so that HybridCache hands the kept object to every
    /// view; a list typed as an interface was deserialized again on each one.
    /// </summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record Statement(IReadOnlyList<Line> Lines);

    public async Task<IReadOnlyList<Line>> CachedAsync(FigureCache figures, ProjectActor actor, int year, DateOnly date, CancellationToken ct) =>
        (await figures.GetAsync<PlanFigures, Statement>("plans", FormattableString.Invariant($"{ReportScope.CacheKey(actor)}|{year}|{date:yyyy-MM-dd}"),
            async (service, token) => new Statement(await service.ComputeAsync(actor, year, date, token)), ct)).Lines;

    public async Task<IReadOnlyList<Line>> ComputeAsync(ProjectActor actor, int year, DateOnly date, CancellationToken ct)
    {
        var plans = db.AnnualPlans.VisibleTo(actor, db).AsNoTracking().Where(p => p.Year == year);
        var versions = await plans.GroupBy(p => new { p.ProvinceId, p.Source })
            .Select(g => new { g.Key.ProvinceId, g.Key.Source, Decided = g.Count(p => p.DecisionDate <= date) })
            .ToListAsync(ct);
        var inForce = (await plans.InForceAt(date).Select(p => new { p.ProvinceId, p.Source, p.Amount, p.DecisionNumber, p.DecisionDate }).ToListAsync(ct))
            .ToDictionary(p => (p.ProvinceId, p.Source));
        // Whole-đồng sums far below 2^53 are exact in a double; SQLite has no decimal SUM.
        var approved = (await projects.Visible(actor).AsNoTracking().Where(p => p.PlanYear == year).Counted()
                .GroupBy(p => new { p.ProvinceId, p.Source })
                .Select(g => new { g.Key.ProvinceId, g.Key.Source, Sum = g.Sum(p => (double)p.ApprovedSupport!.Value), Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(p => (p.ProvinceId, p.Source));
        // Giải ngân: state money (not the counterpart) paid to the counted projects up to the date, as the plan is read then.
        var counted = projects.Visible(actor).Where(p => p.PlanYear == year).Counted();
        var paid = (await db.Disbursements.AsNoTracking()
                .Where(d => d.Source == MoneySource.State && d.Date <= date)
                .Join(counted, d => d.ProjectId, p => p.Id, (d, p) => new { p.ProvinceId, p.Source, d.Amount })
                .GroupBy(x => new { x.ProvinceId, x.Source })
                .Select(g => new { g.Key.ProvinceId, g.Key.Source, Sum = g.Sum(x => (double)x.Amount) })
                .ToListAsync(ct))
            .ToDictionary(p => (p.ProvinceId, p.Source), p => (decimal)p.Sum);
        var decided = versions.ToDictionary(v => (v.ProvinceId, v.Source), v => v.Decided);
        return [.. decided.Keys.Concat(approved.Keys).Distinct().Select(k =>
        {
            var plan = inForce.GetValueOrDefault(k);
            var sums = approved.GetValueOrDefault(k);
            return new Line(k.ProvinceId, k.Source, plan?.Amount, plan?.DecisionNumber, plan?.DecisionDate, decided.GetValueOrDefault(k),
                (decimal)(sums?.Sum ?? 0), sums?.Count ?? 0, paid.GetValueOrDefault(k));
        })];
    }

    /// <summary>One decision of a plan (a version), whether or not in force at the date asked.</summary>
    public sealed record Version(int Id, int ProvinceId, FundingSource Source, decimal Amount, string DecisionNumber, DateOnly DecisionDate);

    /// <summary>Every version of the year's plans in the actor's scope, in decision order (the Kế hoạch page's list of versions).</summary>
    public async Task<IReadOnlyList<Version>> VersionsAsync(ProjectActor actor, int year, CancellationToken ct) =>
        await db.AnnualPlans.VisibleTo(actor, db).AsNoTracking().Where(p => p.Year == year)
            .OrderBy(p => p.DecisionDate).ThenBy(p => p.Id)
            .Select(p => new Version(p.Id, p.ProvinceId, p.Source, p.Amount, p.DecisionNumber, p.DecisionDate))
            .ToListAsync(ct);
}
