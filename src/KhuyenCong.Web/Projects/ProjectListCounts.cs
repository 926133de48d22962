using System.Globalization;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// Bumps a version number whenever a save changes projects or their contents, so that cached list counts made
/// before the save are never read after it on this instance (issue 14): once when the save has run and again when
/// its transaction commits, so that a count read in between (still the old rows) is cached under a retired number.
/// Writes by another instance or outside EF are bounded by <see cref="ProjectListCounts.Lifetime"/> instead.
/// </summary>
public sealed class ProjectWriteStamp : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> wrote = [];
    private long version;

    public long Version => Interlocked.Read(ref version);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Bump(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return Task.CompletedTask;
    }

    private void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Project or ProjectContent))
        {
            wrote.AddOrUpdate(context, this);
        }
    }

    private void Bump(DbContext? context)
    {
        if (context is not null && wrote.TryGetValue(context, out _))
        {
            Interlocked.Increment(ref version);
            if (context.Database.CurrentTransaction is null)
            {
                wrote.Remove(context);
            }
        }
    }
}

/// <summary>
/// How many projects a list view matches, counted once per (scope, filter) and kept for a short time instead of
/// counting up to 100,000 rows on every page view; a project write on this instance makes every count stale.
/// </summary>
public sealed class ProjectListCounts(IMemoryCache cache, ProjectWriteStamp stamp)
{
    /// <summary>The longest a count may lag a write made elsewhere (another instance, a script on the database).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<int> CountAsync(ProjectActor actor, string filter, IQueryable<Project> query, CancellationToken ct)
    {
        var key = string.Join('|', "project-count", stamp.Version.ToString(CultureInfo.InvariantCulture), actor.Role ?? string.Empty,
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
