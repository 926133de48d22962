using System.Security.Claims;
using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Account;

/// <summary>
/// The user's own personal access tokens (issue 12): make one (its secret is shown once, in the answer to the POST,
/// never in a redirect or a cookie), see when each was last used, revoke one. Only the user's own tokens are listed
/// and revoked: the owner is checked in <see cref="ApiTokens.RevokeAsync"/>, on the server.
/// </summary>
public sealed class TokensModel(ApiTokens tokens) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The lives offered beside the number field; any 1..365 is accepted.</summary>
    public static readonly int[] DayChoices = [30, 90, 180, ApiToken.MaxDays];

    [BindProperty]
    public TokenInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public Paged<ApiToken> Result { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Set only in the answer that made the token: shown once.</summary>
    public TokenResult? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        // A lifetime that is not a number is already refused by binding, in Vietnamese; every other rule is the service's.
        var result = ModelState.IsValid ? await tokens.CreateAsync(Me, Input.Name, Input.Days ?? 0, ct) : null;
        if (result?.Error is { } error)
        {
            ModelState.AddModelError($"{nameof(Input)}.{result.Field}", error);
        }
        else if (result is not null)
        {
            // The secret is in this answer only: no cache may keep it, and the list (GET) never shows it again.
            Response.Headers.CacheControl = "no-store";
            Created = result;
            Input = new TokenInput();
            ModelState.Clear();
            PageNumber = 1;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (await tokens.RevokeAsync(id, ownerId: Me, revokedBy: Web.Projects.ProjectScope.DisplayName(User, Domain.Identity.Roles.All.FirstOrDefault(User.IsInRole)), ct))
        {
            TempData["Message"] = "Đã thu hồi mã truy cập: hệ thống dùng mã này sẽ không gọi được API nữa.";
            return RedirectToPage();
        }

        // Someone else's token, or none: the same answer as a token that does not exist.
        if (!await tokens.Listing(Me).AnyAsync(t => t.Id == id, ct))
        {
            return NotFound();
        }

        TempData["Message"] = "Mã truy cập này đã bị thu hồi trước đó.";
        return RedirectToPage();
    }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task LoadAsync(CancellationToken ct) => Result = await tokens.Listing(Me).ToPagedAsync(PageNumber, PageSize, ct);

    public sealed class TokenInput
    {
        public string? Name { get; set; }

        public int? Days { get; set; } = 90;
    }
}
