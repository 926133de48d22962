using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reports;

/// <summary>
/// Báo cáo giai đoạn chương trình: the country for ministry staff, viewers and administrators; a region for those
/// the shared report scope allows (<see cref="ReportScope"/>), checked in every handler.
/// </summary>
public sealed class ProgrammeModel(ProgrammeReportService reports, FigureCache figures, ProjectService projects, Geography geography, KhuyenCongDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")] public int? PeriodId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")] public int? FromYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")] public int? ToYear { get; set; }

    /// <summary>A region code, or empty for the whole country.</summary>
    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "cutoff")] public string? Cutoff { get; set; }

    public bool MaySeeNation { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public IReadOnlyList<(int Id, string Label)> Periods { get; private set; } = [];

    public ProgrammeReport? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } refused)
        {
            return refused;
        }

        if (Requested && Error is null)
        {
            Report = await ComputeAsync(ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExcelAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!Requested || Error is not null)
        {
            return BadRequest();
        }

        var report = await ComputeAsync(ct);
        var stream = new MemoryStream();
        ProgrammeWorkbook.Write(stream, report);
        stream.Position = 0;
        var scope = report.Region ?? "CN";
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-giai-doan-{report.FromYear}-{report.ToYear}-{scope}.xlsx");
    }

    private bool Requested => FromYear is not null && ToYear is not null;

    private Task<ProgrammeReport> ComputeAsync(CancellationToken ct)
    {
        // PrepareAsync has refused an unreadable date.
        var cutoff = VietnameseCulture.TryParseDate(Cutoff, out var c) ? c : default;
        return reports.CachedAsync(figures, FromYear!.Value, ToYear!.Value, string.IsNullOrEmpty(Region) ? null : Region, cutoff, ct);
    }

    /// <summary>Checks the user's right to the scope asked for (403 when refused) and the inputs.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var actor = await projects.ActorAsync(User, ct);
        var allowed = ReportScope.AllowedRegions(actor, await geography.DirectoryAsync(ct), today);
        MaySeeNation = ReportScope.MaySeeNation(actor);
        Regions = await ReportScope.RegionsAsync(figures, db, allowed, ct);
        if (Regions.Count == 0 && !MaySeeNation)
        {
            return Forbid();
        }

        var periods = await figures.LocalAsync("programme-periods", c => db.ProgrammePeriods.AsNoTracking().OrderBy(p => p.FromYear).ToListAsync(c), ct);
        Periods = [.. periods.Select(p => (p.Id, $"{p.FromYear}–{p.ToYear}: {p.Name}"))];
        if (PeriodId is { } id && periods.FirstOrDefault(p => p.Id == id) is { } chosen)
        {
            (FromYear, ToYear) = (chosen.FromYear, chosen.ToYear);
        }

        Cutoff ??= VietnameseCulture.Date(today);
        if (!Requested)
        {
            Region ??= MaySeeNation ? string.Empty : Regions[0].Code;
            return null;
        }

        if (string.IsNullOrEmpty(Region) ? !MaySeeNation : !allowed.Contains(Region))
        {
            return Forbid();
        }

        if (FromYear is < 2000 or > 2100 || ToYear is < 2000 or > 2100 || FromYear > ToYear)
        {
            Error = "Khoảng năm không hợp lệ: năm từ 2000 đến 2100, năm đầu không sau năm cuối.";
        }
        else if (ToYear - FromYear + 1 > ProgrammeReportService.MaxYears)
        {
            Error = $"Báo cáo giai đoạn gồm tối đa {ProgrammeReportService.MaxYears} năm.";
        }
        else if (!VietnameseCulture.TryParseDate(Cutoff, out _))
        {
            Error = "Ngày số liệu không hợp lệ: nhập theo dạng ngày/tháng/năm.";
        }

        return null;
    }
}
