using KhuyenCong.Data;
using KhuyenCong.Domain.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Deadlines;

public sealed class IndexModel(KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The year whose due dates the examples show (this year in Vietnam).</summary>
    public int ThisYear => clock.GetUtcNow().UtcDateTime.AddHours(7).Year;

    public IReadOnlyList<ReportDeadline> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.ReportDeadlines.AsNoTracking().OrderBy(d => d.Period).ThenBy(d => d.FromYear).ToListAsync(ct);
}
