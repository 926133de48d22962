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
        var provinceClaim = User.FindFirstValue(PortalClaims.ProvinceId);
        var regions = User.FindAll(PortalClaims.Region).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var actor = await projects.ActorAsync(User, ct);

        // Everything below changes only with a write (which renews the data version) or with the day, so it is read
        // once per user, day and version rather than in nine queries on every view (issue 14).
        var key = string.Join('|', "home", actor.UserId, role, provinceClaim, string.Join(',', regions), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var board = await figures.LocalAsync(key, c => BoardAsync(role, provinceClaim, regions, actor, today, c), ct);
        (ScopeLabel, ProvincesToday, Contents, Waiting, ReportsOwed, LatestCompleteness) =
            (board.ScopeLabel, board.ProvincesToday, board.Contents, board.Waiting, board.ReportsOwed, board.LatestCompleteness);
        Year = today.Year;
        var thisYear = await homeFigures.CachedAsync(figures, actor, today, ct);
        (ProjectsThisYear, PlanThisYear, ExecutedThisYear) = (thisYear.Projects, thisYear.Plan, thisYear.Executed);
        Today = today;
    }

    private sealed record Board(string? ScopeLabel, int ProvincesToday, int Contents, int Waiting,
        IReadOnlyList<KhuyenCong.Web.Reports.PeriodicReportService.Owed> ReportsOwed, Domain.Reports.Completeness? LatestCompleteness);

    private async Task<Board> BoardAsync(string? role, string? provinceClaim, List<string> regions, Domain.Projects.ProjectActor actor, DateOnly today, CancellationToken ct)
    {
        string? scopeLabel = null;
        if (int.TryParse(provinceClaim, NumberStyles.None, CultureInfo.InvariantCulture, out var provinceId))
        {
            scopeLabel = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        }

        if (regions.Count > 0)
        {
            var names = await db.Regions.Where(r => regions.Contains(r.Code)).OrderBy(r => r.SortOrder).Select(r => r.Name).ToListAsync(ct);
            scopeLabel = "Vùng " + string.Join(", ", names);
        }

        Domain.Reports.Completeness? latest = null;
        if (Roles.IsNationalReader(role))
        {
            var (latestYear, latestPeriod) = Domain.Reports.ReportPeriods.EndedBefore(today)[0];
            latest = await periodicReports.CompletenessAsync(latestYear, latestPeriod, null, ct);
        }

        return new Board(
            scopeLabel,
            await db.Provinces.CountAsync(p => p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today), ct),
            await db.Contents.CountAsync(ct),
            await projects.WaitingFor(actor).CountAsync(ct),
            await periodicReports.OwedByAsync(actor, ct),
            latest);
    }
}
