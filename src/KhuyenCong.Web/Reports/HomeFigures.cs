using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// The home page's year at a glance, within the actor's scope: this year's projects, the plan in force today and the
/// state money paid so far. For the ministry this sums the whole country's payments, so it is computed once per scope
/// and day for each data version (<see cref="FigureCache"/>) instead of on every view.
/// </summary>
public sealed class HomeFigures(KhuyenCongDbContext db, ProjectService projects)
{
    /// <summary>This year's figures (đồng).</summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record Year(int Projects, decimal Plan, decimal Executed);

    public Task<Year> CachedAsync(FigureCache figures, ProjectActor actor, DateOnly today, CancellationToken ct) =>
        figures.GetAsync<HomeFigures, Year>("home", FormattableString.Invariant($"{ReportScope.CacheKey(actor)}|{today:yyyy-MM-dd}"),
            (service, token) => service.ComputeAsync(actor, today, token), ct);

    public async Task<Year> ComputeAsync(ProjectActor actor, DateOnly today, CancellationToken ct)
    {
        var year = today.Year;
        var count = await projects.Visible(actor).CountAsync(p => p.PlanYear == year, ct);
        // Whole-đồng sums far below 2^53 are exact in a double; SQLite has no decimal SUM.
        var plan = await db.AnnualPlans.VisibleTo(actor, db).Where(p => p.Year == year).InForceAt(today).SumAsync(p => (double?)p.Amount, ct);
        var paid = await projects.Visible(actor).Where(p => p.PlanYear == year)
            .SelectMany(p => p.Disbursements, (p, d) => d)
            .StatePaidBy(today)
            .SumAsync(d => (double?)d.Amount, ct);
        return new Year(count, (decimal)(plan ?? 0), (decimal)(paid ?? 0));
    }
}
