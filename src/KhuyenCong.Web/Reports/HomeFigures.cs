using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// The home page's year at a glance, within the actor's scope: this year's projects, the plan in force today and the
/// state money paid so far. For the ministry this sums the whole country's payments, so it is computed once per scope
/// and day for each data version (<see cref="FigureCache"/>) instead of on every view.
/// </summary>
/// <remarks>
/// <see cref="BoardAsync"/> adds what the per-role home page draws: the year's lines per province and source taken
/// from <see cref="PlanFigures"/> (the Kế hoạch page's grouped statements, so the plan in force, the approved support
/// and the state money paid mean exactly what they mean there), placed on today's provinces and regions; the year's
/// projects by state; and the projects waiting at each step of the ministry. A handful of grouped statements whatever
/// the number of provinces, cached like the year figures.
/// </remarks>
public sealed class HomeFigures(KhuyenCongDbContext db, ProjectService projects, PlanFigures planFigures, Geography geography)
{
    /// <summary>This year's figures (đồng).</summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record Year(int Projects, decimal Plan, decimal Executed);

    /// <summary>
    /// One source of one of today's provinces this year (đồng): the plan in force today, the approved support of the
    /// counted projects and the state money paid to them by today. <see cref="HasPlan"/> is false without a version in force.
    /// </summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record ProvinceLine(int ProvinceId, string Code, string Name, string? Region, FundingSource Source, bool HasPlan, decimal Plan, decimal Approved,
        decimal Paid, int Projects);

    /// <summary>How many of the year's projects in scope are in one state.</summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record StateCount(ProjectState State, int Count);

    /// <summary>The projects in scope (any year) waiting at the ministry's steps.</summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record MinistrySteps(int Appraisal, int Approval, int PendingAdjustments);

    /// <summary>
    /// What the home page draws for the actor on a day: the year's lines of the provinces of today that their scope
    /// covers (every province of today for the whole country, those of their regions for an organiser, their own for a
    /// province), the year's projects by state, and the ministry's steps (null for a province).
    /// </summary>
    [System.ComponentModel.ImmutableObject(true)]
    public sealed record Board(IReadOnlyList<ProvinceLine> Lines, IReadOnlyList<StateCount> States, MinistrySteps? Steps);

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

    /// <summary>The home page's board from <see cref="FigureCache"/>: once per scope, day and data version.</summary>
    public Task<Board> CachedBoardAsync(FigureCache figures, ProjectActor actor, DateOnly today, CancellationToken ct) =>
        figures.GetAsync<HomeFigures, Board>("home-board", FormattableString.Invariant($"{ReportScope.CacheKey(actor)}|{today:yyyy-MM-dd}"),
            (service, token) => service.BoardAsync(actor, today, token), ct);

    public async Task<Board> BoardAsync(ProjectActor actor, DateOnly today, CancellationToken ct)
    {
        var year = today.Year;
        var directory = await geography.DirectoryAsync(ct);
        var allowed = ReportScope.AllowedRegions(actor, directory, today);
        var provinceScoped = ReportScope.ListsOwnRowsOnly(actor);

        // The provinces of today the board lists: a province user their own province as it is today (their scope's
        // provinces that are still valid), everyone else every province of today in the regions they may report on.
        var listed = directory.ValidOn(today)
            .Where(p => provinceScoped ? actor.ProvinceIds.Contains(p.Id) : directory.RegionOn(p.Id, today) is { } r && allowed.Contains(r))
            .ToDictionary(p => p.Id);

        var cells = listed.Values
            .SelectMany(p => new[] { FundingSource.KCQG, FundingSource.KCDP }.Select(s => (p.Id, Source: s)))
            .ToDictionary(k => k, _ => (HasPlan: false, Plan: 0m, Approved: 0m, Paid: 0m, Projects: 0));
        // PlanFigures: the same grouped statements and rules as the Kế hoạch page, within the actor's project scope;
        // a line of a province that no longer exists (a predecessor's) is placed on its successor today.
        foreach (var line in await planFigures.ComputeAsync(actor, year, today, ct))
        {
            if (directory.SuccessorOn(line.ProvinceId, today) is not { } unit || !cells.TryGetValue((unit.Id, line.Source), out var cell))
            {
                continue;
            }

            cells[(unit.Id, line.Source)] = (cell.HasPlan || line.Allocation is not null, cell.Plan + (line.Allocation ?? 0), cell.Approved + line.Approved,
                cell.Paid + line.Disbursed, cell.Projects + line.Projects);
        }

        var lines = cells.Select(c =>
            {
                var p = listed[c.Key.Id];
                return new ProvinceLine(p.Id, p.Code, p.Name, directory.RegionOn(p.Id, today), c.Key.Source, c.Value.HasPlan, c.Value.Plan, c.Value.Approved, c.Value.Paid,
                    c.Value.Projects);
            })
            .OrderBy(l => l.Code, StringComparer.Ordinal).ThenBy(l => l.Source)
            .ToList();

        var states = await projects.Visible(actor).AsNoTracking().Where(p => p.PlanYear == year)
            .GroupBy(p => p.State).Select(g => new StateCount(g.Key, g.Count()))
            .ToListAsync(ct);

        MinistrySteps? steps = null;
        if (!provinceScoped)
        {
            var visible = projects.Visible(actor).AsNoTracking();
            steps = new MinistrySteps(
                await visible.CountAsync(p => p.State == ProjectState.UnderMinistryReview && p.MinistryAppraiserId == null, ct),
                await visible.CountAsync(p => p.State == ProjectState.UnderMinistryReview && p.MinistryAppraiserId != null, ct),
                await visible.CountAsync(p => p.Source == FundingSource.KCQG && p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending), ct));
        }

        return new Board(lines, [.. states.OrderBy(s => s.State)], steps);
    }
}
