using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Web.Establishments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Establishments;

/// <summary>
/// Thêm / sửa cơ sở (docs/domain.md §12): province officers for their province, ministry staff for any. Names near an
/// existing one of the same commune are shown before saving, and saved only once confirmed; an edit of a version that
/// someone changed meanwhile is refused with the input kept.
/// </summary>
public sealed class EditModel(EstablishmentService establishments, Data.Geography geography) : PageModel
{
    [BindProperty] public EstablishmentInput Input { get; set; } = new();

    [BindProperty] public Guid Version { get; set; }

    /// <summary>Ticked after the near duplicates were shown: save anyway.</summary>
    [BindProperty] public bool ConfirmNearDuplicate { get; set; }

    public int? EstablishmentId { get; private set; }

    public IReadOnlyList<Establishment> NearDuplicates { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var actor = await establishments.ActorAsync(User, ct);
        if (id is null)
        {
            if (!EstablishmentService.CanEdit(actor, null))
            {
                return Forbid();
            }

            var directory = await geography.DirectoryAsync(ct);
            Input.ProvinceId = actor.ProvinceIds.Select(directory.Find).FirstOrDefault(p => p?.ValidTo is null)?.Id;
        }
        else
        {
            var e = await establishments.Visible(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return NotFound();
            }

            if (!EstablishmentService.CanEdit(actor, e.ProvinceId))
            {
                return Forbid();
            }

            (EstablishmentId, Version, Input) = (id, e.Version, EstablishmentInput.From(e));
        }

        await LoadOptionsAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await establishments.ActorAsync(User, ct);
        ModelState.Clear();
        var result = await establishments.SaveAsync(actor, id, Version, Input, ConfirmNearDuplicate, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = id is null ? "Đã thêm cơ sở vào sổ." : "Đã lưu thông tin cơ sở.";
            return RedirectToPage("Details", new { id = result.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{nameof(Input)}.{field}", message);
        }

        NearDuplicates = result.NearDuplicates;
        EstablishmentId = id;
        await LoadOptionsAsync(actor, ct);
        return Page();
    }

    private async Task LoadOptionsAsync(Domain.Projects.ProjectActor actor, CancellationToken ct)
    {
        var directory = await geography.DirectoryAsync(ct);
        var today = establishments.Today;
        var provinces = actor.Role is Domain.Identity.Roles.MinistryOfficer or Domain.Identity.Roles.MinistryApprover
            ? directory.All
            : [.. actor.ProvinceIds.Select(directory.Find).OfType<Domain.Geography.ProvinceFact>()];
        Provinces = [.. provinces.Where(p => p.IsValidOn(today) || p.Id == Input.ProvinceId)
            .OrderBy(p => p.ValidTo is null ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new SelectListItem($"{p.Name} (mã {p.Code}{(p.ValidTo is { } to ? $", đến {VietnameseCulture.Date(to)}" : "")})",
                p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Id == Input.ProvinceId))];
    }
}
