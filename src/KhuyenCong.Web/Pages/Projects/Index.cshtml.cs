using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>Danh sách đề án: search, filters, sorting and paging, within the user's scope.</summary>
public sealed class IndexModel(ProjectService projects, ProjectListCounts counts, KhuyenCongDbContext db, Geography geography, KhuyenCong.Web.Reports.FigureCache figures, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "province")] public string? ProvinceCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")] public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")] public FundingSource? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")] public ProjectKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "content")] public string? ContentCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")] public ProjectState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<string> ContentCodes { get; private set; } = [];

    public bool CanRegister { get; private set; }

    public sealed record Row(int Id, string Code, string Title, int PlanYear, int ProvinceId, string ProvinceThen, string ProvinceNow,
        FundingSource Source, ProjectKind Kind, ProjectState State, decimal Requested, decimal? Approved);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        CanRegister = actor.Role == Domain.Identity.Roles.ProvinceOfficer;
        ContentCodes = await figures.LocalAsync("content-codes", c => db.Contents.AsNoTracking().OrderBy(x => x.Code).Select(x => x.Code).ToListAsync(c), ct);
        var visible = projects.Visible(actor).AsNoTracking();
        var filter = new ProjectFilter(Year, ProvinceCode, Region, Source, Kind, ContentCode, State);
        var query = filter.Apply(visible, db);

        // The count is cached per scope and filter (ProjectListCounts). The page is read in two steps, a deferred
        // join: the page's ids in the list's order, over the indexes alone (cheap however deep the page), then only
        // those rows with their province. Every order ends on a unique column, so the ids and their order are those
        // of a plain OFFSET query.
        // A search is read from the database's index of the search key, unless walking the list's order is cheaper
        // for this page (ProjectSearch.ScanIsCheaper, which needs the view's count without the term, also cached).
        var key = ProjectFilter.SearchKey(Query);
        var matching = key is null ? query : query.Matching(db, key);
        var total = await counts.CountAsync(actor, string.Join('|', key, filter.Key), matching, ct);
        var number = Math.Min(Math.Max(1, PageNumber ?? 1), Math.Max(1, (total + PageSize - 1) / PageSize));
        var skip = (number - 1) * PageSize;
        var paged = matching;
        if (key is not null && ProjectSearch.UsesFullText(db, key)
            && ProjectSearch.ScanIsCheaper(skip, PageSize, total, await counts.CountAsync(actor, string.Join('|', string.Empty, filter.Key), query, ct),
                ReferenceEquals(query, visible) ? total : await counts.CountAsync(actor, string.Join('|', key, "(term alone)"), visible.Matching(db, key), ct)))
        {
            paged = query.Scanning(key);
        }

        // Nothing matches: the (cached) count says so, and looking for a page of nothing would read every candidate.
        List<int> ids = total == 0 ? [] : await Ordered(paged).Select(p => p.Id).Skip(skip).Take(PageSize).ToListAsync(ct);
        var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Title, p.PlanYear, p.ProvinceId, Province = p.Province!.Name, p.Source, p.Kind, p.State, p.RequestedSupport, p.ApprovedSupport })
            .ToDictionaryAsync(p => p.Id, ct);
        var items = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        var directory = await geography.DirectoryAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        Result = new Paged<Row>(
            [.. items.Select(p => new Row(p.Id, p.Code, p.Title, p.PlanYear, p.ProvinceId, p.Province,
                directory.SuccessorOn(p.ProvinceId, today)?.Name ?? "—", p.Source, p.Kind, p.State, p.RequestedSupport, p.ApprovedSupport))],
            number, PageSize, total);
    }

    /// <summary>The list's orders; each ends on a unique column (id or code), so that paging is stable.</summary>
    private IQueryable<Project> Ordered(IQueryable<Project> query) => Sort switch
    {
        "code" => query.OrderBy(p => p.Code),
        "year" => query.OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code),
        "amount" => query.OrderByDescending(p => (double)p.RequestedSupport).ThenBy(p => p.Code),
        _ => query.OrderByDescending(p => p.UpdatedAtUtc).ThenByDescending(p => p.Id),
    };
}
