using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// How many projects a list view matches, counted once per (scope, filter) and kept for a while instead of counting
/// up to 100,000 rows on every page view. The key carries the database's data version (<see cref="Reports.FigureCache"/>),
/// which every project write renews in its own transaction, so a write through any instance of the portal makes
/// every count stale at once.
/// </summary>
public sealed class ProjectListCounts(Reports.FigureCache figures)
{
    /// <summary>The longest a count may lag a write made outside the portal (a script on the database).</summary>
    public static readonly TimeSpan Lifetime = Reports.FigureCache.OutsideWriteBound;

    public Task<int> CountAsync(ProjectActor actor, string filter, IQueryable<Project> query, CancellationToken ct) =>
        figures.LocalAsync(string.Join('|', "project-count", ScopeKey(actor), filter), query.CountAsync, ct);

    /// <summary>
    /// One page of a list view (scope, filter, order, page number) read once per data version, like its count: a list
    /// view then costs the data version's read and no query of its own until a write (issue 14). Kept among
    /// <see cref="Reports.ListViews.Capacity"/> views at most, since page numbers and filters have no end.
    /// </summary>
    public Task<T> PageAsync<T>(ProjectActor actor, string view, Func<CancellationToken, Task<T>> read, CancellationToken ct) =>
        figures.ViewAsync(string.Join('|', "project-page", ScopeKey(actor), view), read, ct);

    private static string ScopeKey(ProjectActor actor) =>
        string.Join('|', actor.Role ?? string.Empty, string.Join(',', actor.ProvinceIds.Order()), string.Join(',', actor.Regions.Order(StringComparer.Ordinal)));
}
