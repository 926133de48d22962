using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Users;

/// <summary>The choices the user form offers: roles, provinces valid today, regions.</summary>
public sealed record UserFormOptions(IReadOnlyList<SelectListItem> Provinces, IReadOnlyList<Region> Regions)
{
    public static async Task<UserFormOptions> LoadAsync(KhuyenCongDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var provinces = await db.Provinces.AsNoTracking()
            .Where(p => p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
            .OrderBy(p => p.Code)
            .Select(p => new SelectListItem(p.Code + " – " + p.Name, p.Code))
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        return new UserFormOptions(provinces, regions);
    }
}
