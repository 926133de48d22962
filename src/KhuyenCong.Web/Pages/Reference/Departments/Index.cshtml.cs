using KhuyenCong.Data;
using KhuyenCong.Domain.Reference;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Departments;

public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public IReadOnlyList<DepartmentName> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await db.DepartmentNames.AsNoTracking().OrderBy(d => d.ValidFrom).ToListAsync(ct);
}
