using KhuyenCong.Data.Identity;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Admin.Tokens;

/// <summary>Every user's personal access tokens, for an administrator: find one by its user or name, revoke any.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(ApiTokens tokens) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Part of the user's name or e-mail (accents and case ignored), or of the token's name.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public ApiTokenState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public Paged<ApiToken> Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = tokens.Listing(ownerId: null, State);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var key = SearchText.Key(Query);
            var text = Query.Trim();
            list = list.Where(t => t.User!.SearchKey.Contains(key) || t.Name.Contains(text));
        }

        Result = await list.ToPagedAsync(PageNumber, PageSize, ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        TempData["Message"] = await tokens.RevokeAsync(id, ownerId: null, revokedBy: Web.Projects.ProjectScope.DisplayName(User, Domain.Identity.Roles.All.FirstOrDefault(User.IsInRole)), ct)
            ? "Đã thu hồi mã truy cập: hệ thống dùng mã này sẽ không gọi được API nữa."
            : "Không có mã truy cập này, hoặc mã đã bị thu hồi trước đó.";
        return RedirectToPage(new { q = Query, state = State, p = PageNumber });
    }
}
