using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Domain.Tests;

/// <summary>A <see cref="ProvinceDirectory"/> built from the shipped catalogue, with ids as the data layer would give.</summary>
internal static class CatalogDirectory
{
    public static ProvinceDirectory Build()
    {
        var facts = new List<ProvinceFact>();
        var oldIds = new Dictionary<string, int>();
        var id = 0;
        foreach (var (code, name, region) in ReferenceCatalog.OldProvinces)
        {
            oldIds[code] = ++id;
            facts.Add(new ProvinceFact(id, code, name, ReferenceCatalog.OldMapFrom, ReferenceCatalog.OldMapTo, [],
                [new RegionPeriod(region, ReferenceCatalog.OldMapFrom, ReferenceCatalog.OldMapTo)]));
        }

        foreach (var (code, name, region, predecessors) in ReferenceCatalog.NewProvinces)
        {
            facts.Add(new ProvinceFact(++id, code, name, ReferenceCatalog.MergerDate, null,
                [.. predecessors.Select(p => oldIds[p])],
                [new RegionPeriod(region, ReferenceCatalog.MergerDate, null)]));
        }

        return new ProvinceDirectory(facts);
    }
}
