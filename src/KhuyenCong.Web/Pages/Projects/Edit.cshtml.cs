using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>
/// Đăng ký đề án / sửa đề án nháp: a province officer fills the project in and saves it as a draft. The contents,
/// beneficiaries and indicators grow and shrink row by row: without JavaScript the "Thêm dòng" and "Xóa" buttons post
/// the form back and it is shown again with one row more or less (nothing saved); with JavaScript
/// (wwwroot/js/form-rows.js) the same buttons do it in the page.
/// </summary>
public sealed class EditModel(ProjectService projects, KhuyenCongDbContext db, Geography geography, TimeProvider clock) : PageModel
{
    /// <summary>The growing sections, as named in the form (Input.Contents[0]...) and in the buttons' values.</summary>
    public static readonly string[] Sections = [nameof(ProjectInput.Contents), nameof(ProjectInput.Beneficiaries), nameof(ProjectInput.Outcomes)];

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public int? ProjectId { get; private set; }

    public IReadOnlyList<SelectListItem> Provinces { get; private set; } = [];

    public IReadOnlyList<SelectListItem> ContentOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> IndicatorOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        if (id is null)
        {
            if (actor.Role != Domain.Identity.Roles.ProvinceOfficer)
            {
                return Forbid();
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
            var directory = await geography.DirectoryAsync(ct);
            Input = new ProjectInput
            {
                PlanYear = today.Year + (today.Month >= 7 ? 1 : 0),
                ProvinceId = actor.ProvinceIds.Select(directory.Find).FirstOrDefault(p => p?.ValidTo is null)?.Id,
                Kind = ProjectKind.Thuong,
            };
        }
        else
        {
            var project = await projects.FindAsync(id.Value, actor, ct);
            if (project is null)
            {
                return NotFound();
            }

            if (!ProjectWorkflow.Check(ProjectAction.Edit, actor, project).Allowed)
            {
                return Forbid();
            }

            ProjectId = id;
            Version = project.Version;
            Input = ToInput(project);
        }

        await LoadOptionsAsync(actor, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? addRow, string? removeRow, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        if (addRow is not null || removeRow is not null)
        {
            // "Thêm dòng" / "Xóa" without JavaScript: the form comes back with the row added or removed, nothing saved.
            // The same gate as opening the form: who may register, or edit this draft.
            var project = id is null ? null : await projects.FindAsync(id.Value, actor, ct);
            if (id is not null && project is null)
            {
                return NotFound();
            }

            if (project is null ? actor.Role != Domain.Identity.Roles.ProvinceOfficer : !ProjectWorkflow.Check(ProjectAction.Edit, actor, project).Allowed)
            {
                return Forbid();
            }

            ChangeRows(addRow, removeRow);
            ProjectId = id;
            await LoadOptionsAsync(actor, ct);
            return Page();
        }

        var result = await projects.SaveDraftAsync(actor, id, Version, Input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "Đã lưu đề án (nháp). Khi hồ sơ đủ, bấm «Gửi Sở thẩm định».";
            return RedirectToPage("Details", new { id = result.ProjectId });
        }

        // The service dropped the blank rows, so the rows are shown again as they are now and the errors name their new places.
        ForgetRowState();
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{nameof(Input)}.{field}", message);
        }

        ProjectId = id;
        await LoadOptionsAsync(actor, ct);
        return Page();
    }

    private void ChangeRows(string? addRow, string? removeRow)
    {
        switch (addRow)
        {
            case nameof(ProjectInput.Contents): Input.Contents.Add(new()); break;
            case nameof(ProjectInput.Beneficiaries): Input.Beneficiaries.Add(new()); break;
            case nameof(ProjectInput.Outcomes): Input.Outcomes.Add(new()); break;
            default: break;
        }

        var parts = removeRow?.Split(':') ?? [];
        if (parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            switch (parts[0])
            {
                case nameof(ProjectInput.Contents): RemoveAt(Input.Contents, index); break;
                case nameof(ProjectInput.Beneficiaries): RemoveAt(Input.Beneficiaries, index); break;
                case nameof(ProjectInput.Outcomes): RemoveAt(Input.Outcomes, index); break;
                default: break;
            }
        }

        // The rows moved: what is shown comes from Input, not from the posted names of the old places.
        ForgetRowState();
        foreach (var key in ModelState.Keys.ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState[key]!.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Skipped;
        }
    }

    private static void RemoveAt<T>(List<T> rows, int index)
    {
        if (index < rows.Count)
        {
            rows.RemoveAt(index);
        }
    }

    private void ForgetRowState()
    {
        foreach (var key in ModelState.Keys.Where(k => Sections.Any(s => k.StartsWith($"{nameof(Input)}.{s}[", StringComparison.Ordinal))).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task LoadOptionsAsync(ProjectActor actor, CancellationToken ct)
    {
        var directory = await geography.DirectoryAsync(ct);
        // A new project is registered for a province as it is today; a draft keeps its own province among the choices.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        Provinces = [.. actor.ProvinceIds.Select(directory.Find).OfType<Domain.Geography.ProvinceFact>()
            .Where(p => p.IsValidOn(today) || (ProjectId is not null && p.Id == Input.ProvinceId))
            .OrderBy(p => p.ValidTo is null ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new SelectListItem($"{p.Name} (mã {p.Code}{(p.ValidTo is { } to ? $", đến {VietnameseCulture.Date(to)}" : "")})", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        ContentOptions = await db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => new SelectListItem(c.Code + " – " + c.Name, c.Code)).ToListAsync(ct);
        IndicatorOptions = await db.OutcomeIndicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder)
            .Select(i => new SelectListItem(i.Name + " (" + i.Unit + ")", i.Code)).ToListAsync(ct);
        // Each section shows at least one row to fill in; more come with "Thêm dòng".
        Pad(Input.Contents);
        Pad(Input.Beneficiaries);
        Pad(Input.Outcomes);
    }

    private static void Pad<T>(List<T> rows)
        where T : new()
    {
        if (rows.Count == 0)
        {
            rows.Add(new T());
        }
    }

    private static ProjectInput ToInput(Project p) => new()
    {
        PlanYear = p.PlanYear,
        ProvinceId = p.ProvinceId,
        Source = p.Source,
        Kind = p.Kind,
        Title = p.Title,
        ImplementingUnit = p.ImplementingUnit,
        StartDate = VietnameseCulture.Date(p.StartDate),
        EndDate = VietnameseCulture.Date(p.EndDate),
        CounterpartCommitted = VietnameseCulture.Dong(p.CounterpartCommitted),
        Contents = [.. p.Contents.Select(c => new ProjectInput.ContentLine { ContentCode = c.ContentCode, TotalCost = VietnameseCulture.Dong(c.TotalCost), RequestedAmount = VietnameseCulture.Dong(c.RequestedAmount) })],
        Beneficiaries = [.. p.Beneficiaries.Select(b => new ProjectInput.BeneficiaryLine
        {
            EstablishmentId = b.EstablishmentId, Name = b.Name, TaxCode = b.TaxCode, Type = b.Type, Commune = b.Commune,
            WomenOwned = b.WomenOwned, EthnicMinorityEmployer = b.EthnicMinorityEmployer, PriorityArea = b.PriorityArea,
        })],
        Outcomes = [.. p.Outcomes.Select(o => new ProjectInput.OutcomeLine { IndicatorCode = o.IndicatorCode, Target = VietnameseCulture.Dong(o.Target) })],
    };
}
