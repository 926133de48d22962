using KhuyenCong.Data;
using KhuyenCong.Domain.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Deadlines;

public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public IReadOnlyList<ReportDeadline> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.ReportDeadlines.AsNoTracking().OrderBy(d => d.Period).ThenBy(d => d.FromYear).ToListAsync(ct);
}
