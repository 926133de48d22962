using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Contents;

public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Content> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Contents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var key = SearchText.Key(Query);
            query = query.Where(c => c.SearchKey.Contains(key));
        }

        Items = await query.OrderBy(c => c.Code).ToListAsync(ct);
    }
}
