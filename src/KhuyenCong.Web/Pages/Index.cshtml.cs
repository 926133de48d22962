using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages;

/// <summary>Trang chủ: who I am, what my scope is, and where to go.</summary>
public sealed class IndexModel(KhuyenCongDbContext db, KhuyenCong.Web.Projects.ProjectService projects, KhuyenCong.Web.Reports.PeriodicReportService periodicReports,
    KhuyenCong.Web.Reports.HomeFigures homeFigures, KhuyenCong.Web.Reports.FigureCache figures, TimeProvider clock) : PageModel
{
    public string RoleLabel { get; private set; } = string.Empty;

    public string? ScopeLabel { get; private set; }

    public int ProvincesToday { get; private set; }

    public int Contents { get; private set; }

    public int Waiting { get; private set; }

    public int ProjectsThisYear { get; private set; }

    public int Year { get; private set; }

    /// <summary>This year's plan in force today and the state money paid so far, within my scope (đồng).</summary>
    public decimal PlanThisYear { get; private set; }

    public decimal ExecutedThisYear { get; private set; }

    /// <summary>Báo cáo đến hạn: the periodic reports my province still owes.</summary>
    public IReadOnlyList<KhuyenCong.Web.Reports.PeriodicReportService.Owed> ReportsOwed { get; private set; } = [];

    /// <summary>For ministry staff and viewers: the completeness of the latest ended period.</summary>
    public Domain.Reports.Completeness? LatestCompleteness { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        RoleLabel = role is null ? "Chưa được gán vai trò" : Roles.Label(role);
        if (User.FindFirstValue(PortalClaims.ProvinceId) is { } provinceClaim
            && int.TryParse(provinceClaim, NumberStyles.None, CultureInfo.InvariantCulture, out var provinceId))
        {
            ScopeLabel = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        }

        var regions = User.FindAll(PortalClaims.Region).Select(c => c.Value).ToList();
        if (regions.Count > 0)
        {
            var names = await db.Regions.Where(r => regions.Contains(r.Code)).OrderBy(r => r.SortOrder).Select(r => r.Name).ToListAsync(ct);
            ScopeLabel = "Vùng " + string.Join(", ", names);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        ProvincesToday = await db.Provinces.CountAsync(p => p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today), ct);
        Contents = await db.Contents.CountAsync(ct);
        var actor = await projects.ActorAsync(User, ct);
        Waiting = await projects.WaitingFor(actor).CountAsync(ct);
        Year = today.Year;
        var thisYear = await homeFigures.CachedAsync(figures, actor, today, ct);
        (ProjectsThisYear, PlanThisYear, ExecutedThisYear) = (thisYear.Projects, thisYear.Plan, thisYear.Executed);
        Today = today;
        ReportsOwed = await periodicReports.OwedByAsync(actor, ct);
        if (Roles.IsNationalReader(role))
        {
            var (latestYear, latestPeriod) = Domain.Reports.ReportPeriods.EndedBefore(today)[0];
            LatestCompleteness = await periodicReports.CompletenessAsync(latestYear, latestPeriod, null, ct);
        }
    }
}
