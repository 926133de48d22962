using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Votes;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Votes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Votes;

/// <summary>Bình chọn sản phẩm CNNT tiêu biểu: the votes in the user's scope, searched, filtered by year and level, sorted, paged.</summary>
public sealed class IndexModel(VoteService votes, ProjectService projects) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public VoteLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<Vote> Votes { get; private set; } = new([], 1, PageSize, 0);

    public bool CanCreate { get; private set; }

    public string Shown => Sort is "title" or "level" or "registration" ? Sort : "year";

    public bool Descending => Sort is null ? true : Dir == "desc";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        CanCreate = actor.Role is Roles.ProvinceOfficer or Roles.ConferenceOrganiser or Roles.MinistryOfficer or Roles.MinistryApprover;
        var query = votes.Visible(actor);
        if (!string.IsNullOrWhiteSpace(Search) && Search.Length <= 200)
        {
            var key = SearchText.Key(Search);
            query = query.Where(v => v.SearchKey.Contains(key));
        }

        if (Year is { } year)
        {
            query = query.Where(v => v.Year == year);
        }

        if (Level is { } level && Enum.IsDefined(level))
        {
            query = query.Where(v => v.Level == level);
        }

        query = (Shown, Descending) switch
        {
            ("title", false) => query.OrderBy(v => v.Title),
            ("title", true) => query.OrderByDescending(v => v.Title),
            ("level", false) => query.OrderBy(v => v.Level).ThenBy(v => v.Id),
            ("level", true) => query.OrderByDescending(v => v.Level).ThenBy(v => v.Id),
            ("registration", false) => query.OrderBy(v => v.RegistrationFrom).ThenBy(v => v.Id),
            ("registration", true) => query.OrderByDescending(v => v.RegistrationFrom).ThenBy(v => v.Id),
            (_, false) => query.OrderBy(v => v.Year).ThenBy(v => v.Id),
            _ => query.OrderByDescending(v => v.Year).ThenByDescending(v => v.Id),
        };
        Votes = await query.ToPagedAsync(PageNumber, PageSize, ct);
    }
}
