using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Dossier;

/// <summary>Hồ sơ đề án: the items a dossier holds, per content, and which must be attached before submission.</summary>
public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public IReadOnlyList<DossierItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ContentNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await db.DossierItems.AsNoTracking().OrderBy(d => d.ContentCode).ThenBy(d => d.Id).ToListAsync(ct);
        ContentNames = await db.Contents.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
    }
}
