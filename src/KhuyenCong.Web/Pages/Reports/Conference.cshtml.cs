using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Reports.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reports;

/// <summary>
/// Báo cáo hội nghị khuyến công vùng: organisers their regions, province users their own province's region,
/// ministry staff, viewers and administrators every region. The workbook's source rows are those the user may see
/// listed (<see cref="ReportScope.ListsOwnRowsOnly"/>); the totals are the region's for everyone.
/// </summary>
public sealed class ConferenceModel(ConferenceReportService reports, FigureCache figures, ProjectService projects, Geography geography, KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "cutoff")] public string? Cutoff { get; set; }

    /// <summary>
    /// The cut-off as the user typed it, shown back in the form; empty means the year's default (31/12, or today in the
    /// current year), so that changing the year does not carry the previous year's default along.
    /// </summary>
    public string? CutoffTyped { get; private set; }

    [BindProperty(SupportsGet = true, Name = "boundaries")] public Boundaries Boundaries { get; set; }

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public ConferenceReport? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The form before the Word document: the defaults until the user sends it (<see cref="DocumentForm.Filled"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "doc")] public DocumentForm Document { get; set; } = new();

    /// <summary>A mistake in that form, shown beside it with the user's input kept.</summary>
    public string? DocumentError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await PrepareAsync(ct);
        if (result is not null)
        {
            return result;
        }

        if (Region is not null && Error is null)
        {
            Report = await reports.CachedAsync(figures, Region, Year!.Value, VietnameseCulture.TryParseDate(Cutoff, out var c) ? c : default, Boundaries, ct);
            if (!Document.Filled)
            {
                Document = (await DocumentDefaultsAsync(Report, ct)).ToForm();
            }
        }

        return Page();
    }

    /// <summary>
    /// The report as a Word document to sign (Nghị định 30/2020/NĐ-CP), with the same rights as the page and the
    /// same report object; a mistake in the form shows the page again with it.
    /// </summary>
    public async Task<IActionResult> OnGetWordAsync(CancellationToken ct)
    {
        var result = await PrepareAsync(ct);
        if (result is not null)
        {
            return result;
        }

        if (Region is null || Error is not null)
        {
            return BadRequest();
        }

        var report = await reports.CachedAsync(figures, Region, Year!.Value, VietnameseCulture.TryParseDate(Cutoff, out var c) ? c : default, Boundaries, ct);
        var (details, error) = DocumentForms.Details(Document, await DocumentDefaultsAsync(report, ct));
        if (details is null)
        {
            Report = report;
            DocumentError = error;
            return Page();
        }

        var stream = new MemoryStream();
        ConferenceDocument.Write(stream, report, details);
        stream.Position = 0;
        return File(stream, ConferenceDocument.ContentType, ConferenceDocument.FileName(report));
    }

    private async Task<DocumentDetails> DocumentDefaultsAsync(ConferenceReport report, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var (department, abbreviation) = DocumentForms.Department(await DocumentForms.NamesAsync(figures, db, ct), today);
        return ConferenceDocument.Defaults(report, department, abbreviation, today);
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        var result = await PrepareAsync(ct);
        if (result is not null)
        {
            return result;
        }

        if (Region is null || Error is not null)
        {
            return BadRequest();
        }

        var cutoff = VietnameseCulture.TryParseDate(Cutoff, out var c) ? c : default;
        var report = await reports.CachedAsync(figures, Region, Year!.Value, cutoff, Boundaries, ct);
        var sources = await reports.SourceRowsAsync(Region, Year.Value, cutoff, Boundaries, await projects.ActorAsync(User, ct), ct);
        var stream = new MemoryStream();
        ConferenceWorkbook.Write(stream, report, sources);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-hoi-nghi-{Region}-{Year}.xlsx");
    }

    /// <summary>Checks the inputs and the user's right to the region; a refused region answers 403.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var allowed = ReportScope.AllowedRegions(await projects.ActorAsync(User, ct), await geography.DirectoryAsync(ct), today);
        Regions = await ReportScope.RegionsAsync(figures, db, allowed, ct);
        if (Regions.Count == 0)
        {
            return Forbid();
        }

        Year ??= today.Year;
        CutoffTyped = string.IsNullOrWhiteSpace(Cutoff) ? null : Cutoff;
        Cutoff = CutoffTyped;
        if (Year is < 2012 or > 2035)
        {
            // Out of the programme's years: said on the page, and the default cut-off is not built from it.
            Error = "Năm báo cáo phải từ 2012 đến 2035.";
            Cutoff ??= VietnameseCulture.Date(today);
            return null;
        }

        Cutoff ??= VietnameseCulture.Date(Year < today.Year ? new DateOnly(Year.Value, 12, 31) : today);
        if (Region is null)
        {
            return null;
        }

        if (!allowed.Contains(Region))
        {
            return Forbid();
        }

        if (!VietnameseCulture.TryParseDate(Cutoff, out var cutoff) || cutoff.Year < Year || Year is < 2012 or > 2035)
        {
            Error = "Ngày số liệu không hợp lệ: nhập theo dạng ngày/tháng/năm, trong năm báo cáo hoặc sau đó.";
        }

        return null;
    }
}
