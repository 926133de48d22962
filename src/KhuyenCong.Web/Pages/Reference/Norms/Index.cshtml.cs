using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Norms;

public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "content")]
    public string? ContentCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    public IReadOnlyList<SupportNorm> Items { get; private set; } = [];

    public IReadOnlyList<string> ContentCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ContentCodes = await db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);
        var query = db.SupportNorms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ContentCode))
        {
            query = query.Where(n => n.ContentCode == ContentCode);
        }

        if (VietnameseCulture.TryParseDate(AsOf, out var date))
        {
            query = query.Where(n => n.EffectiveFrom <= date && (n.EffectiveTo == null || n.EffectiveTo >= date));
        }

        Items = await query.OrderBy(n => n.ContentCode).ThenBy(n => n.EffectiveFrom).ThenBy(n => n.Activity).ToListAsync(ct);
    }
}
