using KhuyenCong.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KhuyenCong.Data;

/// <summary>
/// Gives the <see cref="ProvinceDirectory"/> built from the database, cached for a few minutes (reference
/// data changes rarely; an edit on this instance drops the cache at once, other instances within the expiry).
/// </summary>
public sealed class Geography(IDbContextFactory<KhuyenCongDbContext> factory, IMemoryCache cache)
{
    private const string CacheKey = "geography:directory";

    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    public async Task<ProvinceDirectory> DirectoryAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out ProvinceDirectory? directory) && directory is not null)
        {
            return directory;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        directory = await LoadAsync(db, ct);
        cache.Set(CacheKey, directory, Expiry);
        return directory;
    }

    public void Invalidate() => cache.Remove(CacheKey);

    public static async Task<ProvinceDirectory> LoadAsync(KhuyenCongDbContext db, CancellationToken ct = default)
    {
        var provinces = await db.Provinces.AsNoTracking().AsSplitQuery()
            .Select(p => new
            {
                p.Id,
                p.Code,
                p.Name,
                p.ValidFrom,
                p.ValidTo,
                Predecessors = p.Predecessors.Select(s => s.PredecessorId).ToList(),
                Regions = p.RegionMemberships.Select(m => new { m.Region!.Code, m.ValidFrom, m.ValidTo }).ToList(),
            })
            .ToListAsync(ct);
        return new ProvinceDirectory(provinces.Select(p => new ProvinceFact(
            p.Id, p.Code, p.Name, p.ValidFrom, p.ValidTo, p.Predecessors,
            [.. p.Regions.Select(r => new RegionPeriod(r.Code, r.ValidFrom, r.ValidTo))])));
    }
}
