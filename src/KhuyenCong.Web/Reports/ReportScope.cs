using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Which regions, and whether the whole country, a user may report on. One rule for every report page: ministry
/// staff, viewers and administrators everything; conference organisers their regions; province users the region
/// of their province today; nobody else anything.
/// </summary>
/// <remarks>
/// Totals are computed over the whole region or country a user may report on; the rows behind them (projects,
/// beneficiaries, disbursements, plan decisions) only for the provinces the user's project scope covers when the
/// user is a province user (<see cref="ListsOwnRowsOnly"/>): other provinces appear to them as totals only.
/// </remarks>
public static class ReportScope
{
    public static IReadOnlySet<string> AllowedRegions(ProjectActor actor, ProvinceDirectory directory, DateOnly today) =>
        actor.Role switch
        {
            Roles.ConferenceOrganiser => actor.Regions,
            Roles.ProvinceOfficer or Roles.ProvinceApprover =>
                actor.ProvinceIds.Select(id => directory.RegionOn(id, today)).OfType<string>().ToHashSet(),
            _ when MaySeeNation(actor) => Region.Codes.ToHashSet(),
            _ => new HashSet<string>(),
        };

    /// <summary>
    /// What a figure computed within the actor's project scope depends on, as part of a cache key: the role and the
    /// provinces and regions it covers (the same for every officer of one province).
    /// </summary>
    /// <summary>The regions (code, name) in their order, kept under the data version; those of <paramref name="allowed"/> only when given.</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> RegionsAsync(FigureCache figures, Data.KhuyenCongDbContext db, IReadOnlyCollection<string>? allowed, CancellationToken ct)
    {
        var all = await figures.LocalAsync("regions", c => db.Regions.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new ValueTuple<string, string>(r.Code, r.Name)).ToListAsync(c), ct);
        return allowed is null ? all : [.. all.Where(r => allowed.Contains(r.Item1))];
    }

    public static string CacheKey(ProjectActor actor) =>
        string.Join(';', actor.Role ?? string.Empty, string.Join(',', actor.ProvinceIds.Order()), string.Join(',', actor.Regions.Order(StringComparer.Ordinal)));

    /// <summary>Figures of the whole country: only those who see every region.</summary>
    public static bool MaySeeNation(ProjectActor actor) =>
        Roles.IsNationalReader(actor.Role);

    /// <summary>
    /// Whether a report lists row by row only the actor's own provinces (province roles: their province and its
    /// predecessors, <see cref="ProjectScope.VisibleTo(IQueryable{Project}, ProjectActor, KhuyenCongDbContext)"/>)
    /// while the other provinces of the region appear as totals only. Everyone else sees the rows of every region
    /// <see cref="AllowedRegions"/> lets them report on, as before.
    /// </summary>
    public static bool ListsOwnRowsOnly(ProjectActor actor) =>
        actor.Role is { } role && Roles.IsProvinceScoped(role);

    /// <summary>
    /// The projects whose rows a report may list to the actor, for a region already checked against
    /// <see cref="AllowedRegions"/>: province users those of their project scope, others all of them.
    /// </summary>
    public static IQueryable<Project> ListedTo(this IQueryable<Project> projects, ProjectActor actor, KhuyenCongDbContext db) =>
        ListsOwnRowsOnly(actor) ? projects.VisibleTo(actor, db) : projects;

    /// <summary>The plan versions (decision numbers and dates) a report may list to the actor, by the same rule as projects.</summary>
    public static IQueryable<AnnualPlan> ListedTo(this IQueryable<AnnualPlan> plans, ProjectActor actor, KhuyenCongDbContext db) =>
        ListsOwnRowsOnly(actor) ? plans.VisibleTo(actor, db) : plans;
}
