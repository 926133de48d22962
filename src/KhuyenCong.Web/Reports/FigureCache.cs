using KhuyenCong.Data;
using KhuyenCong.Data.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;

namespace KhuyenCong.Web.Reports;

/// <summary>
/// Report figures (conference, programme, home page, plans page) computed once per (figure, scope, date) and data
/// version, and then served from <see cref="HybridCache"/>: its memory tier on every instance, and the distributed
/// tier that <c>Cache:Distributed</c> chooses, if any (<see cref="FigureCacheSetup"/>). The key carries the database's
/// <see cref="DataVersion.Stamp"/>, read once per request, which every figure write renews in its own transaction;
/// so a figure is never served after a write that committed before the request read the stamp, whichever instance
/// wrote it, and nothing has to be told to forget anything (issue 14).
/// </summary>
/// <remarks>
/// The figure is computed in a scope of its own, not the request's: the cache runs one computation for every caller
/// waiting on the same key, and it must not use a DbContext that a caller who gave up has already disposed.
/// </remarks>
public sealed class FigureCache(HybridCache cache, IMemoryCache memory, ListViews views, KhuyenCongDbContext db, IServiceScopeFactory scopes)
{
    /// <summary>How long an entry lives at most; a write retires it at once, so this bounds memory, not staleness.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private static readonly HybridCacheEntryOptions s_options = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    private Guid? version;

    /// <summary>The data version this request reads figures under (one indexed read of one row per request).</summary>
    public async Task<Guid> VersionAsync(CancellationToken ct) =>
        version ??= await db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.SingleId).Select(v => v.Stamp).SingleAsync(ct);

    /// <summary>
    /// The longest a value kept by <see cref="LocalAsync"/> may lag a change made outside the portal (a script on the
    /// database, which renews no data version); writes through any instance retire it at once.
    /// </summary>
    public static readonly TimeSpan OutsideWriteBound = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What a page reads on every view and only a write changes (reference rows, list totals, the home page's
    /// board, a project's parts), kept in this instance's memory under the data version: never serialized nor
    /// shared, and retired by any write through the portal. <paramref name="read"/> must return values nobody
    /// changes afterwards (untracked rows).
    /// </summary>
    public Task<T> LocalAsync<T>(string name, Func<CancellationToken, Task<T>> read, CancellationToken ct) => KeepAsync(memory, name, read, ct);

    /// <summary>
    /// Like <see cref="LocalAsync"/>, for a value that a write outside the figures may also change (one that renews no
    /// data version): kept at most <paramref name="lifetime"/>, and forgotten by <see cref="ForgetLocalAsync"/> where
    /// that write is made.
    /// </summary>
    public Task<T> LocalForAsync<T>(string name, TimeSpan lifetime, Func<CancellationToken, Task<T>> read, CancellationToken ct) => KeepAsync(memory, name, read, ct, lifetime);

    /// <summary>Drops what <see cref="LocalForAsync"/> keeps under <paramref name="name"/> for the current data version.</summary>
    public async Task ForgetLocalAsync(string name, CancellationToken ct) => memory.Remove(await KeyAsync(name, ct));

    /// <summary>
    /// Like <see cref="LocalAsync"/>, for one page of a list: in <see cref="ListViews"/>, bounded in number, because a
    /// list has as many views as page numbers times filters times orders.
    /// </summary>
    public Task<T> ViewAsync<T>(string name, Func<CancellationToken, Task<T>> read, CancellationToken ct) => KeepAsync(views.Memory, name, read, ct);

    private async Task<T> KeepAsync<T>(IMemoryCache memory, string name, Func<CancellationToken, Task<T>> read, CancellationToken ct, TimeSpan? lifetime = null)
    {
        var key = await KeyAsync(name, ct);
        if (memory.TryGetValue(key, out T? value))
        {
            return value!;
        }

        value = await read(ct);
        memory.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime ?? OutsideWriteBound, Size = 1 });
        return value;
    }

    private async Task<string> KeyAsync(string name, CancellationToken ct) => string.Join('|', "local", (await VersionAsync(ct)).ToString("N"), name);

    /// <summary>
    /// The figure named <paramref name="figure"/> for <paramref name="scope"/> (whatever it depends on: region, years,
    /// dates, the actor's scope), computed by <paramref name="compute"/> with a <typeparamref name="TService"/> of its
    /// own scope when the current data version has not computed it yet.
    /// </summary>
    public async Task<T> GetAsync<TService, T>(string figure, string scope, Func<TService, CancellationToken, Task<T>> compute, CancellationToken ct)
        where TService : notnull
    {
        var key = string.Join('|', "figure", (await VersionAsync(ct)).ToString("N"), figure, scope);
        return await cache.GetOrCreateAsync(key, (scopes, compute), static async (state, token) =>
        {
            await using var owned = state.scopes.CreateAsyncScope();
            return await state.compute(owned.ServiceProvider.GetRequiredService<TService>(), token);
        }, s_options, cancellationToken: ct);
    }
}

/// <summary>
/// The list views kept under the data version (<see cref="FigureCache.ViewAsync"/>), in a memory of their own holding
/// <see cref="Capacity"/> views at most (some 25 rows each, about 10 MB in all), so that paging through a list or
/// trying every filter cannot grow the process; past the bound the least used are dropped.
/// </summary>
public sealed class ListViews : IDisposable
{
    public const int Capacity = 2_000;

    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public void Dispose() => Memory.Dispose();
}

/// <summary>
/// Registers <see cref="HybridCache"/> with the distributed tier named by <c>Cache:Distributed</c>: <c>none</c> (the
/// default: each instance keeps its own memory tier, which the data version keeps right) or <c>redis</c>
/// (<c>Cache:Redis</c> is the StackExchange.Redis connection string), so that instances share computed figures.
/// </summary>
public static class FigureCacheSetup
{
    public static IServiceCollection AddFigureCache(this IServiceCollection services, IConfiguration configuration)
    {
        var distributed = configuration["Cache:Distributed"] ?? "none";
        switch (distributed.ToUpperInvariant())
        {
            case "NONE":
                break;
            case "REDIS":
                var redis = configuration["Cache:Redis"];
                if (string.IsNullOrWhiteSpace(redis))
                {
                    throw new InvalidOperationException("Cache:Redis is required when Cache:Distributed is redis.");
                }

                services.AddStackExchangeRedisCache(options =>
                {
                    options.Configuration = redis;
                    options.InstanceName = "khuyencong:";
                });
                break;
            default:
                throw new InvalidOperationException($"Cache:Distributed '{distributed}' is not one of none, redis.");
        }

        // A conference report with its trend and per-content lines is a few kilobytes; 4 MB leaves room.
        services.AddHybridCache(options => options.MaximumPayloadBytes = 4 * 1024 * 1024);
        services.AddSingleton<ListViews>();
        services.AddScoped<FigureCache>();
        return services;
    }
}
