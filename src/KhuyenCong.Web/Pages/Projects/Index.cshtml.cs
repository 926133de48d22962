using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
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

    /// <summary>«asc» or «desc»; empty for the order's usual direction (code ascending, the others descending).</summary>
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    /// <summary>The orders a list header sorts by (<see cref="Ordered"/>); any other value is the default order.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["code", "year", "amount", "updated"];

    /// <summary>The order shown: one of <see cref="Sorts"/>.</summary>
    public string SortShown => Sort is { } s && Sorts.Contains(s) ? s : "updated";

    /// <summary>Whether the order shown runs downwards: as asked, else code ascending and the others descending, as before sorting could be turned.</summary>
    public bool Descending => Direction switch
    {
        "asc" => false,
        "desc" => true,
        _ => SortShown != "code",
    };

    /// <summary>The province picker: today's provinces (with those they were formed from named), then the former ones.</summary>
    public IReadOnlyList<ProvinceOption> Provinces { get; private set; } = [];

    /// <summary>The picker's chosen value: the filter's province as its options write it («1» is «01»).</summary>
    public string? ProvinceChosen { get; private set; }

    /// <summary>
    /// The province code the export links pass: the exchange file's rule, the code of the plan year (issue 13 left the
    /// exports as they were), so a former province's «24@2025-06-30» is its code «24».
    /// </summary>
    public string? ExportProvinceCode => ProvinceCode?.Split('@')[0].Trim();

    public sealed record ProvinceOption(string Value, string Label, bool Former);

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<string> ContentCodes { get; private set; } = [];

    public bool CanRegister { get; private set; }

    /// <summary>The contents' names for the content picker.</summary>
    public ContentNames Contents { get; private set; } = ContentNames.None;

    public sealed record Row(int Id, string Code, string Title, int PlanYear, int ProvinceId, string ProvinceThen, string ProvinceNow,
        FundingSource Source, ProjectKind Kind, ProjectState State, decimal Requested, decimal? Approved);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        CanRegister = actor.Role == Domain.Identity.Roles.ProvinceOfficer;
        ContentCodes = await figures.LocalAsync("content-codes", c => db.Contents.AsNoTracking().OrderBy(x => x.Code).Select(x => x.Code).ToListAsync(c), ct);
        Contents = await ContentNames.LoadAsync(figures, db, ct);
        var visible = projects.Visible(actor).AsNoTracking();
        var directory = await geography.DirectoryAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        Provinces = ProvinceOptions(directory, today);
        var filter = new ProjectFilter(Year, ProvinceCode, Region, Source, Kind, ContentCode, State);
        ProvinceChosen = filter.Province;
        var query = filter.Apply(visible, db, directory, today);

        // The count is cached per scope and filter (ProjectListCounts). The page is read in two steps, a deferred
        // join: the page's ids in the list's order, over the indexes alone (cheap however deep the page), then only
        // those rows with their province. Every order ends on a unique column, so the ids and their order are those
        // of a plain OFFSET query.
        // A search is read from the database's index of the search key, unless walking the list's order is cheaper
        // for this page (ProjectSearch.ScanIsCheaper, which needs the view's count without the term, also cached).
        var key = ProjectFilter.SearchKey(Query);
        var named = key is null ? [] : ProjectSearch.ProvincesNamed(directory, key);
        var matching = key is null ? query : query.Matching(db, key, named);
        var total = await counts.CountAsync(actor, string.Join('|', key, filter.Key), matching, ct);
        var number = Math.Min(Math.Max(1, PageNumber ?? 1), Math.Max(1, (total + PageSize - 1) / PageSize));
        var skip = (number - 1) * PageSize;
        var paged = matching;
        if (key is not null && ProjectSearch.UsesFullText(db, key)
            && ProjectSearch.ScanIsCheaper(skip, PageSize, total, await counts.CountAsync(actor, string.Join('|', string.Empty, filter.Key), query, ct),
                ReferenceEquals(query, visible) ? total : await counts.CountAsync(actor, string.Join('|', key, "(term alone)"), visible.Matching(db, key, named), ct)))
        {
            paged = query.Scanning(key, named);
        }

        // Nothing matches: the (cached) count says so, and looking for a page of nothing would read every candidate.
        // The page's rows are kept under the data version, like the count: the same view again reads nothing.
        var view = string.Join('|', key, filter.Key, SortShown, Descending ? "desc" : "asc", number.ToString(System.Globalization.CultureInfo.InvariantCulture), today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        IReadOnlyList<Row> shown = total == 0 ? [] : await counts.PageAsync<IReadOnlyList<Row>>(actor, view, async c =>
        {
            var ids = await Ordered(paged).Select(p => p.Id).Skip(skip).Take(PageSize).ToListAsync(c);
            var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Code, p.Title, p.PlanYear, p.ProvinceId, Province = p.Province!.Name, p.Source, p.Kind, p.State, p.RequestedSupport, p.ApprovedSupport })
                .ToDictionaryAsync(p => p.Id, c);
            return [.. ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(p => new Row(p.Id, p.Code, p.Title, p.PlanYear, p.ProvinceId, p.Province,
                directory.SuccessorOn(p.ProvinceId, today)?.Name ?? "—", p.Source, p.Kind, p.State, p.RequestedSupport, p.ApprovedSupport))];
        }, ct);
        Result = new Paged<Row>(shown,
            number, PageSize, total);
    }

    /// <summary>
    /// The list's orders; each ends on a unique column (id or code), so that paging is stable. The other direction is
    /// the same order reversed, every column at once, so that each database reads the same index backwards
    /// (year ascending lists a year's projects by code descending): a page of it is as cheap, and page 2 continues page 1.
    /// </summary>
    private IQueryable<Project> Ordered(IQueryable<Project> query) => (SortShown, Descending) switch
    {
        ("code", false) => query.OrderBy(p => p.Code),
        ("code", true) => query.OrderByDescending(p => p.Code),
        ("year", true) => query.OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code),
        ("year", false) => query.OrderBy(p => p.PlanYear).ThenByDescending(p => p.Code),
        ("amount", true) => query.OrderByDescending(p => (double)p.RequestedSupport).ThenBy(p => p.Code),
        ("amount", false) => query.OrderBy(p => (double)p.RequestedSupport).ThenByDescending(p => p.Code),
        (_, false) => query.OrderBy(p => p.UpdatedAtUtc).ThenBy(p => p.Id),
        _ => query.OrderByDescending(p => p.UpdatedAtUtc).ThenByDescending(p => p.Id),
    };

    /// <summary>
    /// Today's provinces by code, each with the provinces it was formed from in its label («Bắc Ninh (gồm Bắc Giang,
    /// Bắc Ninh cũ)»), then the former provinces, reachable on their own.
    /// </summary>
    public static IReadOnlyList<ProvinceOption> ProvinceOptions(ProvinceDirectory directory, DateOnly today)
    {
        var current = directory.ValidOn(today).Select(p =>
        {
            var formers = directory.SelfAndPredecessorIds(p.Id).Where(id => id != p.Id).Select(directory.Find).OfType<ProvinceFact>()
                .Select(f => f.Name == p.Name ? f.Name + " cũ" : f.Name).Order(StringComparer.Create(VietnameseCulture.Instance, false)).ToList();
            return new ProvinceOption(p.Code, formers.Count == 0 ? $"{p.Code} – {p.Name}" : $"{p.Code} – {p.Name} (gồm {string.Join(", ", formers)})", false);
        });
        var former = directory.All.Where(p => p.ValidTo is { } last && last < today).OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.ValidFrom)
            .Select(p => new ProvinceOption(ProjectFilter.ProvinceValue(p),
                $"{p.Code} – {p.Name} (đến {VietnameseCulture.Date(p.ValidTo!.Value)}{(directory.SuccessorOn(p.Id, today) is { } now ? ", nay thuộc " + now.Name : string.Empty)})", true));
        return [.. current, .. former];
    }
}
