using KhuyenCong.Data;
using KhuyenCong.Domain.Reference;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Indicators;

public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public IReadOnlyList<OutcomeIndicator> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.OutcomeIndicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
}
