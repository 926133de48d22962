using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(KhuyenCongDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>«name» (full name) or «email» (the default).</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>«asc» (the default) or «desc».</summary>
    [BindProperty(SupportsGet = true, Name = "dir")]
    public string? Direction { get; set; }

    public string SortShown => Sort == "name" ? "name" : "email";

    public bool Descending => Direction == "desc";

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Row(string Id, string? Email, string FullName, string? Role, string? Province, IReadOnlyList<string> Regions, bool IsDisabled, DateTimeOffset? LockoutEnd);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var key = SearchText.Key(Query);
            users = users.Where(u => u.SearchKey.Contains(key));
        }

        if (Roles.Exists(Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        }

        // Each order ends on the unique id, so that paging is stable and the other direction is the same list reversed.
        var ordered = (SortShown, Descending) switch
        {
            ("name", false) => users.OrderBy(u => u.FullName).ThenBy(u => u.Id),
            ("name", true) => users.OrderByDescending(u => u.FullName).ThenByDescending(u => u.Id),
            (_, true) => users.OrderByDescending(u => u.Email).ThenByDescending(u => u.Id),
            _ => users.OrderBy(u => u.Email).ThenBy(u => u.Id),
        };
        Result = await ordered
            .Select(u => new Row(
                u.Id, u.Email, u.FullName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.Province != null ? u.Province.Name : null,
                u.Regions.Select(r => r.Region!.Name).ToList(),
                u.IsDisabled, u.LockoutEnd))
            .ToPagedAsync(PageNumber, PageSize, ct);
    }
}
