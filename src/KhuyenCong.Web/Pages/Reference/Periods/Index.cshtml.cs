using KhuyenCong.Data;
using KhuyenCong.Domain.Reference;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Periods;

public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public IReadOnlyList<ProgrammePeriod> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.ProgrammePeriods.AsNoTracking().OrderBy(p => p.FromYear).ToListAsync(ct);
}
