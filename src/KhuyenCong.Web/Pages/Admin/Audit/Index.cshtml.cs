using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Audit;

/// <summary>Nhật ký thay đổi: every change to reference data and users, newest first or oldest first.</summary>
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

    /// <summary>«asc» for the oldest first; anything else is the newest first.</summary>
    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    public bool OldestFirst => Direction == "asc";

    public Paged<AuditEntry> Result { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The page's entries as people read them (labels, vi-VN values, actors' names and roles).</summary>
    public IReadOnlyList<AuditItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            entries = entries.Where(e => e.EntityType == EntityType);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            // The page shows actors by full name, so the filter finds them by full name as well as by sign-in name.
            var text = UserName.Trim();
            var named = db.Users.Where(u => u.FullName.Contains(text)).Select(u => u.Id);
            entries = entries.Where(e => e.UserName.Contains(text) || (e.UserId != null && named.Contains(e.UserId)));
        }

        var ordered = OldestFirst ? entries.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id) : entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id);
        Result = await ordered.ToPagedAsync(PageNumber, PageSize, ct);
        Items = await AuditView.RenderAsync(db, Result.Items, ct);
    }
}
