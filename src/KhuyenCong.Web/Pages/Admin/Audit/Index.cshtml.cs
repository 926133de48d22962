using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Audit;

/// <summary>Nhật ký thay đổi: every change to reference data and users, newest first.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public Paged<AuditEntry> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            entries = entries.Where(e => e.EntityType == EntityType);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            entries = entries.Where(e => e.UserName.Contains(UserName.Trim()));
        }

        Result = await entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).ToPagedAsync(PageNumber, PageSize, ct);
    }
}
