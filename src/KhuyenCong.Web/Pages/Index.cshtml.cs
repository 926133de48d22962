using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using KhuyenCong.Data;
using KhuyenCong.Data.Imports;
using KhuyenCong.Data.Notifications;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages;

/// <summary>
/// Trang chủ, one per role (issue 13): a province its year's plan against approved and paid per source, its projects by
/// state, what waits for it and the reports it owes; the ministry and viewers the country by region and province, the
/// projects at each ministry step and the last period's completeness; an organiser their regions; an administrator
/// accounts, imports and mail. Every figure comes from <see cref="HomeFigures"/> within the user's scope, cached per
/// scope, day and data version.
/// </summary>
public sealed class IndexModel(KhuyenCongDbContext db, KhuyenCong.Web.Projects.ProjectService projects, PeriodicReportService periodicReports,
    HomeFigures homeFigures, FigureCache figures, TimeProvider clock) : PageModel
{
    /// <summary>Which home a role gets.</summary>
    public enum HomeKind
    {
        None,
        Province,
        National,
        Organiser,
        Admin,
    }

    /// <summary>How many waiting items the home lists before "Xem tất cả".</summary>
    public const int QueuePreview = 5;

    /// <summary>The orders of the per-province table: <c>?sort=</c>; amounts and the rate largest first.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
        [("region", "Vùng"), ("name", "Tỉnh, thành phố"), ("plan", "Kế hoạch"), ("paid", "Đã giải ngân"), ("rate", "Tỷ lệ")];

    public sealed record QueueItem(int Id, string Code, string Title, string Province, ProjectState State);

    /// <summary>One source of the province's year (đồng).</summary>
    public sealed record SourceRow(FundingSource Source, bool HasPlan, decimal Plan, decimal Approved, decimal Paid);

    /// <summary>A region's or a province's execution this year (đồng).</summary>
    public sealed record ExecutionRow(string Code, string Name, string? Region, string? RegionName, bool HasPlan, decimal Plan, decimal Paid)
    {
        public decimal? Rate => Domain.Reports.ReportFormat.Ratio(Paid, Plan);
    }

    public sealed record AdminSummary(int Users, int Disabled, int Locked, IReadOnlyList<(ImportJobState State, int Count)> Jobs,
        IReadOnlyList<(OutboxMailState State, int Count)> Mails);

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public HomeKind Kind { get; private set; }

    public string? Role { get; private set; }

    public string RoleLabel { get; private set; } = string.Empty;

    public string? ScopeLabel { get; private set; }

    public int Waiting { get; private set; }

    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    /// <summary>Whether the role has a work queue at all (a viewer or an organiser has none).</summary>
    public bool HasQueue => Role is Roles.ProvinceOfficer or Roles.ProvinceApprover or Roles.MinistryOfficer or Roles.MinistryApprover;

    public int ProjectsThisYear { get; private set; }

    public int Year { get; private set; }

    /// <summary>This year's plan in force today and the state money paid so far, within my scope (đồng).</summary>
    public decimal PlanThisYear { get; private set; }

    public decimal ExecutedThisYear { get; private set; }

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public IReadOnlyList<HomeFigures.StateCount> States { get; private set; } = [];

    public IReadOnlyList<ExecutionRow> RegionRows { get; private set; } = [];

    public IReadOnlyList<ExecutionRow> ProvinceRows { get; private set; } = [];

    public HomeFigures.MinistrySteps? Steps { get; private set; }

    public AdminSummary? Admin { get; private set; }

    /// <summary>The order the per-province table is in (one of <see cref="Sorts"/>).</summary>
    public string SortKey { get; private set; } = "region";

    /// <summary>Báo cáo đến hạn: the periodic reports my province still owes.</summary>
    public IReadOnlyList<PeriodicReportService.Owed> ReportsOwed { get; private set; } = [];

    /// <summary>For ministry staff and viewers: the completeness of the latest ended period.</summary>
    public Domain.Reports.Completeness? LatestCompleteness { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        Role = role;
        RoleLabel = role is null ? "Chưa được gán vai trò" : Roles.Label(role);
        Kind = role switch
        {
            Roles.ProvinceOfficer or Roles.ProvinceApprover => HomeKind.Province,
            Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Viewer => HomeKind.National,
            Roles.ConferenceOrganiser => HomeKind.Organiser,
            Roles.Admin => HomeKind.Admin,
            _ => HomeKind.None,
        };
        var provinceClaim = User.FindFirstValue(PortalClaims.ProvinceId);
        var regions = User.FindAll(PortalClaims.Region).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        Today = today;
        Year = today.Year;
        var actor = await projects.ActorAsync(User, ct);

        // The user's own board changes only with a write (which renews the data version) or with the day, so it is read
        // once per user, day and version rather than on every view (issue 14).
        var key = string.Join('|', "home", actor.UserId, role, provinceClaim, string.Join(',', regions), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var mine = await figures.LocalAsync(key, c => MineAsync(role, provinceClaim, regions, actor, today, c), ct);
        (ScopeLabel, Waiting, Queue, ReportsOwed, LatestCompleteness) = (mine.ScopeLabel, mine.Waiting, mine.Queue, mine.ReportsOwed, mine.LatestCompleteness);

        if (Kind == HomeKind.Admin)
        {
            Admin = await AdminAsync(ct);
            return;
        }

        if (Kind == HomeKind.None)
        {
            return;
        }

        var thisYear = await homeFigures.CachedAsync(figures, actor, today, ct);
        (ProjectsThisYear, PlanThisYear, ExecutedThisYear) = (thisYear.Projects, thisYear.Plan, thisYear.Executed);
        var board = await homeFigures.CachedBoardAsync(figures, actor, today, ct);
        States = board.States;
        if (Kind == HomeKind.Province)
        {
            Sources = [.. new[] { FundingSource.KCQG, FundingSource.KCDP }.Select(s =>
            {
                var of = board.Lines.Where(l => l.Source == s).ToList();
                return new SourceRow(s, of.Any(l => l.HasPlan), of.Sum(l => l.Plan), of.Sum(l => l.Approved), of.Sum(l => l.Paid));
            })];
            return;
        }

        Steps = Kind == HomeKind.National ? board.Steps : null;
        var regionNames = await figures.LocalAsync("region-names", c => db.Regions.AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new { r.Code, r.Name, r.SortOrder }).ToListAsync(c), ct);
        var provinces = board.Lines.GroupBy(l => l.ProvinceId).Select(g =>
        {
            var first = g.First();
            return new ExecutionRow(first.Code, first.Name, first.Region, regionNames.FirstOrDefault(r => r.Code == first.Region)?.Name,
                g.Any(l => l.HasPlan), g.Sum(l => l.Plan), g.Sum(l => l.Paid));
        }).ToList();
        RegionRows = [.. regionNames.Where(r => provinces.Any(p => p.Region == r.Code)).Select(r =>
        {
            var of = provinces.Where(p => p.Region == r.Code).ToList();
            return new ExecutionRow(r.Code, r.Name, r.Code, r.Name, of.Any(p => p.HasPlan), of.Sum(p => p.Plan), of.Sum(p => p.Paid));
        })];
        var order = regionNames.Select(r => r.Code).ToList();
        SortKey = Sorts.Any(s => s.Key == Sort) ? Sort! : "region";
        var names = StringComparer.Create(Domain.Common.VietnameseCulture.Instance, ignoreCase: true);
        ProvinceRows = SortKey switch
        {
            "name" => [.. provinces.OrderBy(p => p.Name, names)],
            "plan" => [.. provinces.OrderByDescending(p => p.Plan).ThenBy(p => p.Name, names)],
            "paid" => [.. provinces.OrderByDescending(p => p.Paid).ThenBy(p => p.Name, names)],
            "rate" => [.. provinces.OrderByDescending(p => p.Rate ?? -1).ThenBy(p => p.Name, names)],
            _ => [.. provinces.OrderBy(p => order.IndexOf(p.Region ?? string.Empty)).ThenBy(p => p.Name, names)],
        };
    }

    /// <summary>Tỷ đồng rounded as <see cref="Domain.Reports.ReportFormat.Billions"/> prints them, for a chart's data.</summary>
    public static decimal Billions(decimal dong) => Math.Round(dong / 1_000_000_000m, 3, MidpointRounding.AwayFromZero);

    /// <summary>A chart's data for wwwroot/js/home-chart.js: labels and named series, in tỷ đồng.</summary>
    public static string Chart(IEnumerable<string> labels, params (string Label, IEnumerable<decimal> Data)[] series) =>
        JsonSerializer.Serialize(new { labels, series = series.Select(s => new { label = s.Label, data = s.Data.Select(Billions) }) });

    private sealed record Mine(string? ScopeLabel, int Waiting, IReadOnlyList<QueueItem> Queue,
        IReadOnlyList<PeriodicReportService.Owed> ReportsOwed, Domain.Reports.Completeness? LatestCompleteness);

    private async Task<Mine> MineAsync(string? role, string? provinceClaim, List<string> regions, Domain.Projects.ProjectActor actor, DateOnly today, CancellationToken ct)
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
        if (role is Roles.MinistryOfficer or Roles.MinistryApprover or Roles.Viewer)
        {
            var (latestYear, latestPeriod) = Domain.Reports.ReportPeriods.EndedBefore(today)[0];
            latest = await periodicReports.CompletenessAsync(latestYear, latestPeriod, null, ct);
        }

        var waiting = projects.WaitingFor(actor);
        var queue = await waiting.OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id).Take(QueuePreview)
            .Select(p => new QueueItem(p.Id, p.Code, p.Title, p.Province!.Name, p.State))
            .ToListAsync(ct);
        return new Mine(
            scopeLabel,
            await waiting.CountAsync(ct),
            queue,
            Roles.IsProvinceScoped(role ?? string.Empty) ? await periodicReports.OwedByAsync(actor, ct) : [],
            latest);
    }

    /// <summary>What the administration pages know, in three grouped counts (accounts, import jobs, the mail outbox).</summary>
    private async Task<AdminSummary> AdminAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Disabled = g.Count(u => u.IsDisabled) })
            .FirstOrDefaultAsync(ct);
        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare in SQL: the few locked accounts are read as dates.
        var lockouts = await db.Users.AsNoTracking().Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct);
        var jobs = await db.ImportJobs.AsNoTracking().GroupBy(j => j.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var mails = await db.OutboxMails.AsNoTracking().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new AdminSummary(users?.Total ?? 0, users?.Disabled ?? 0, lockouts.Count(l => l > now),
            [.. jobs.OrderBy(j => j.Key).Select(j => (j.Key, j.Count))], [.. mails.OrderBy(m => m.Key).Select(m => (m.Key, m.Count))]);
    }
}
