using KhuyenCong.Data;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reports;

/// <summary>
/// Theo dõi nộp báo cáo định kỳ (ministry staff, viewers, administrators): per period, the provinces expected to
/// report, who submitted on time or late, who is missing, and the rates.
/// </summary>
[Authorize(Policy = Policies.NationalReader)]
public sealed class CompletenessModel(PeriodicReportService reports, KhuyenCongDbContext db, FigureCache figures) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")] public ReportPeriod? Period { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public Completeness Board { get; private set; } = null!;

    public string? Error { get; private set; }

    public DateOnly Today => reports.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Regions = await ReportScope.RegionsAsync(figures, db, null, ct);
        if (Region is not null && !Regions.Any(r => r.Code == Region))
        {
            Region = null;
        }

        // Default: the latest period that has ended.
        if (Year is null || Period is null)
        {
            var latest = ReportPeriods.EndedBefore(Today)[0];
            Year ??= latest.Year;
            Period ??= latest.Period;
        }

        if (Year is < 2014 or > 2100)
        {
            Error = "Năm báo cáo từ 2014.";
            Year = Today.Year;
        }

        // Reports, deadlines and the provinces expected change only with a write (a new data version).
        Board = await figures.LocalAsync(FormattableString.Invariant($"completeness|{Year}|{Period}|{Region}"),
            c => reports.CompletenessAsync(Year!.Value, Period!.Value, Region, c), ct);
    }
}
