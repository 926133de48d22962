using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>Việc chờ tôi: the projects and adjustments waiting for the user's role, within their scope.</summary>
public sealed class QueueModel(ProjectService projects) : PageModel
{
    public sealed record Item(int Id, string Code, string Title, string Province, ProjectState State, string Waiting, DateTime Since);

    public IReadOnlyList<Item> Items { get; private set; } = [];

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
        var rows = await ordered.Take(200)
            .Select(p => new { p.Id, p.Code, p.Title, Province = p.Province!.Name, p.State, p.UpdatedAtUtc, Pending = p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending) })
            .ToListAsync(ct);
        Items = [.. rows.Select(r => new Item(r.Id, r.Code, r.Title, r.Province, r.State, Describe(actor.Role, r.State, r.Pending), r.UpdatedAtUtc))];
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
