using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reports.Periodic;

/// <summary>Báo cáo định kỳ: the reports in my scope, and for province users the form that opens a new one.</summary>
public sealed class IndexModel(PeriodicReportService reports, ProjectService projects, Data.Geography geography, Web.Reports.FigureCache figures) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")] public ReportPeriod? Period { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")] public PeriodicReportStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    /// <summary>«asc» or «desc»; empty for the order's usual direction (the period newest first, the province by code, the others largest or latest first).</summary>
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Direction { get; set; }

    /// <summary>The orders a header sorts by; any other value is the period's.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["period", "province", "submitted", "executed"];

    public string SortShown => Sort is { } s && Sorts.Contains(s) ? s : "period";

    public bool Descending => Direction switch
    {
        "asc" => false,
        "desc" => true,
        _ => SortShown != "province",
    };

    [BindProperty] public CreateInput Input { get; set; } = new();

    public sealed class CreateInput
    {
        public int? Year { get; set; }

        public ReportPeriod? Period { get; set; }

        public int? ProvinceId { get; set; }
    }

    public sealed record Row(int Id, string ProvinceCode, string Province, int Year, ReportPeriod Period, PeriodicReportStatus Status, DateTime? SubmittedAtUtc, decimal Plan, decimal Executed);

    public Paged<Row> Rows { get; private set; } = new([], 1, 25, 0);

    /// <summary>The provinces whose reports I may open (my province and the predecessors it answers for).</summary>
    public IReadOnlyList<(int Id, string Label)> MyProvinces { get; private set; } = [];

    public bool CanCreate => MyProvinces.Count > 0;

    public bool CanSeeCompleteness => Roles.NationalReaders.Any(User.IsInRole);

    public int CurrentYear => reports.Today.Year;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        if (Input.Year is null || Input.Period is null || Input.ProvinceId is null)
        {
            ModelState.AddModelError(string.Empty, "Hãy chọn năm, kỳ báo cáo và tỉnh.");
        }
        else
        {
            var (report, refusal) = await reports.CreateAsync(actor, Input.ProvinceId.Value, Input.Year.Value, Input.Period.Value, ct);
            if (report is not null)
            {
                TempData["Message"] = $"Đã lập {ReportPeriods.Title(report.Period, report.Year)}; số liệu được lấy từ dữ liệu đến ngày {Domain.Common.VietnameseCulture.Date(ReportPeriods.End(report.Period, report.Year))}.";
                return RedirectToPage("Details", new { id = report.Id });
            }

            ModelState.AddModelError(string.Empty, refusal!);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        if (actor.Role is Roles.ProvinceOfficer or Roles.ProvinceApprover)
        {
            var directory = await geography.DirectoryAsync(ct);
            MyProvinces = [.. actor.ProvinceIds.Select(directory.Find).OfType<Domain.Geography.ProvinceFact>()
                .OrderByDescending(p => p.ValidFrom).ThenBy(p => p.Code, StringComparer.Ordinal)
                .Select(p => (p.Id, p.ValidTo is null ? $"{p.Code} {p.Name}" : $"{p.Code} {p.Name} (đến {Domain.Common.VietnameseCulture.Date(p.ValidTo)})"))];
        }

        Input.Year ??= CurrentYear;
        var query = reports.Visible(actor).AsNoTracking();
        if (Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (Period is { } period)
        {
            query = query.Where(r => r.Period == period);
        }

        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        // Each order ends on the unique id, so that paging is stable and the other direction is the same list reversed.
        var ordered = (SortShown, Descending) switch
        {
            ("province", false) => query.OrderBy(r => r.Province!.Code).ThenByDescending(r => r.Year).ThenByDescending(r => r.Period).ThenBy(r => r.Id),
            ("province", true) => query.OrderByDescending(r => r.Province!.Code).ThenBy(r => r.Year).ThenBy(r => r.Period).ThenByDescending(r => r.Id),
            ("submitted", true) => query.OrderByDescending(r => r.SubmittedAtUtc).ThenByDescending(r => r.Id),
            ("submitted", false) => query.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id),
            ("executed", true) => query.OrderByDescending(r => (double)(r.ExecutedKcqg + r.ExecutedKcdp)).ThenByDescending(r => r.Id),
            ("executed", false) => query.OrderBy(r => (double)(r.ExecutedKcqg + r.ExecutedKcdp)).ThenBy(r => r.Id),
            (_, false) => query.OrderBy(r => r.Year).ThenBy(r => r.Period).ThenByDescending(r => r.Province!.Code).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.Year).ThenByDescending(r => r.Period).ThenBy(r => r.Province!.Code).ThenByDescending(r => r.Id),
        };
        // The page of reports is kept under the data version, per scope and view: a report's change is a figure write.
        var view = FormattableString.Invariant($"periodic-list|{Web.Reports.ReportScope.CacheKey(actor)}|{Year}|{Period}|{Status}|{SortShown}|{Descending}|{PageNumber}");
        Rows = await figures.ViewAsync(view, c => ordered
            .Select(r => new Row(r.Id, r.Province!.Code, r.Province.Name, r.Year, r.Period, r.Status, r.SubmittedAtUtc,
                r.PlanKcqg + r.PlanKcdp, r.ExecutedKcqg + r.ExecutedKcdp))
            .ToPagedAsync(PageNumber, 25, c), ct);
    }
}
