using KhuyenCong.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Regions;

/// <summary>The three regions, with how many provinces each holds today and before the merger.</summary>
public sealed class IndexModel(KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, int ProvincesToday, int ProvincesBeforeMerger);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public static readonly DateOnly BeforeMerger = new(2025, 6, 30);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var before = BeforeMerger;
        Items = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new Row(r.Id, r.Code, r.Name,
                db.ProvinceRegionMemberships.Count(m => m.RegionId == r.Id && m.ValidFrom <= today && (m.ValidTo == null || m.ValidTo >= today)),
                db.ProvinceRegionMemberships.Count(m => m.RegionId == r.Id && m.ValidFrom <= before && (m.ValidTo == null || m.ValidTo >= before))))
            .ToListAsync(ct);
    }
}
