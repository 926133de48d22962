using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>Đăng ký đề án / sửa đề án nháp: a province officer fills the project in and saves it as a draft.</summary>
public sealed class EditModel(ProjectService projects, KhuyenCongDbContext db, Geography geography, TimeProvider clock) : PageModel
{
    public const int ContentRows = 4;
    public const int BeneficiaryRows = 3;
    public const int OutcomeRows = 4;

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

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
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

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{nameof(Input)}.{field}", message);
        }

        ProjectId = id;
        await LoadOptionsAsync(actor, ct);
        return Page();
    }

    private async Task LoadOptionsAsync(ProjectActor actor, CancellationToken ct)
    {
        var directory = await geography.DirectoryAsync(ct);
        Provinces = [.. actor.ProvinceIds.Select(directory.Find).OfType<Domain.Geography.ProvinceFact>()
            .OrderBy(p => p.ValidTo is null ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new SelectListItem($"{p.Name} (mã {p.Code}{(p.ValidTo is { } to ? $", đến {VietnameseCulture.Date(to)}" : "")})", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        ContentOptions = await db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => new SelectListItem(c.Code + " – " + c.Name, c.Code)).ToListAsync(ct);
        IndicatorOptions = await db.OutcomeIndicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder)
            .Select(i => new SelectListItem(i.Name + " (" + i.Unit + ")", i.Code)).ToListAsync(ct);
        Pad(Input.Contents, ContentRows);
        Pad(Input.Beneficiaries, BeneficiaryRows);
        Pad(Input.Outcomes, OutcomeRows);
    }

    private static void Pad<T>(List<T> rows, int count)
        where T : new()
    {
        while (rows.Count < count)
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
            Name = b.Name, TaxCode = b.TaxCode, Type = b.Type, Commune = b.Commune,
            WomenOwned = b.WomenOwned, EthnicMinorityEmployer = b.EthnicMinorityEmployer, PriorityArea = b.PriorityArea,
        })],
        Outcomes = [.. p.Outcomes.Select(o => new ProjectInput.OutcomeLine { IndicatorCode = o.IndicatorCode, Target = VietnameseCulture.Dong(o.Target) })],
    };
}
