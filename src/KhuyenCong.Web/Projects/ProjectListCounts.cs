using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// How many projects a list view matches, counted once per (scope, filter) and kept for a while instead of counting
/// up to 100,000 rows on every page view. The key carries the database's data version (<see cref="Reports.FigureCache"/>),
/// which every project write renews in its own transaction, so a write through any instance of the portal makes
/// every count stale at once.
/// </summary>
public sealed class ProjectListCounts(IMemoryCache cache, Reports.FigureCache figures)
{
    /// <summary>The longest a count may lag a write made outside the portal (a script on the database).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<int> CountAsync(ProjectActor actor, string filter, IQueryable<Project> query, CancellationToken ct)
    {
        var key = string.Join('|', "project-count", (await figures.VersionAsync(ct)).ToString("N"), actor.Role ?? string.Empty,
            string.Join(',', actor.ProvinceIds.Order()), string.Join(',', actor.Regions.Order(StringComparer.Ordinal)), filter);
        if (cache.TryGetValue(key, out int total))
        {
            return total;
        }

        total = await query.CountAsync(ct);
        cache.Set(key, total, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        return total;
    }
}
