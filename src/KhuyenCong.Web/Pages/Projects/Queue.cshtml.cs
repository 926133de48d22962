using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>
/// Việc chờ tôi: the projects and adjustments waiting for the user's role, within their scope, a page at a time. The
/// count and each page are kept under the data version (<see cref="ProjectListCounts"/>) per user, since what waits
/// for a ministry approver depends on who appraised it: the same view again reads nothing until a write (issue 14).
/// </summary>
public sealed class QueueModel(ProjectService projects, ProjectListCounts counts) : PageModel
{
    public const int PageSize = 50;

    public sealed record Item(int Id, string Code, string Title, string Province, ProjectState State, string Waiting, DateTime Since);

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int Number { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    /// <summary>«code» or «since» (the default: the oldest waiting first).</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    /// <summary>«asc» or «desc»; empty for ascending.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "dir")] public string? Direction { get; set; }

    public string SortShown => Sort == "code" ? "code" : "since";

    public bool Descending => Direction == "desc";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var waiting = projects.WaitingFor(actor);
        var ordered = (SortShown, Descending) switch
        {
            ("code", false) => waiting.OrderBy(p => p.Code),
            ("code", true) => waiting.OrderByDescending(p => p.Code),
            (_, true) => waiting.OrderByDescending(p => p.UpdatedAtUtc).ThenByDescending(p => p.Id),
            _ => waiting.OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id),
        };
        var mine = string.Join('|', "queue", actor.UserId);
        Total = await counts.CountAsync(actor, mine, waiting, ct);
        Number = Math.Clamp(PageNumber ?? 1, 1, PageCount);
        var view = string.Join('|', mine, SortShown, Descending ? "desc" : "asc", Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Items = Total == 0 ? [] : await counts.PageAsync<IReadOnlyList<Item>>(actor, view, async c =>
        {
            var rows = await ordered.Skip((Number - 1) * PageSize).Take(PageSize)
                .Select(p => new { p.Id, p.Code, p.Title, Province = p.Province!.Name, p.State, p.UpdatedAtUtc, Pending = p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending) })
                .ToListAsync(c);
            return [.. rows.Select(r => new Item(r.Id, r.Code, r.Title, r.Province, r.State, Describe(actor.Role, r.State, r.Pending), r.UpdatedAtUtc))];
        }, ct);
    }

    private static string Describe(string? role, ProjectState state, bool pendingAdjustment) => (role, state) switch
    {
        (Roles.ProvinceOfficer, ProjectState.Returned) => "Bổ sung theo yêu cầu và gửi lại",
        (Roles.ProvinceOfficer, _) => "Hoàn thiện hồ sơ và gửi Sở",
        (Roles.ProvinceApprover, ProjectState.Submitted) => "Thẩm định cơ sở",
        (Roles.MinistryOfficer, _) => "Cục thẩm định",
        (_, ProjectState.UnderMinistryReview) => "Phê duyệt",
        _ when pendingAdjustment => "Quyết định điều chỉnh",
        _ => ProjectLabels.Of(state),
    };
}
