using KhuyenCong.Data;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Establishments;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Establishments;

/// <summary>
/// Cơ sở CNNT (docs/domain.md §12): the registry within the user's scope, searched by tax code, name or commune
/// (diacritics-insensitive, the search key), filtered by province (following the merger, as the projects list),
/// type and priority flag, sorted both ways by its headers and paged. Also the picker's JSON (<see cref="OnGetLookupAsync"/>).
/// </summary>
public sealed class IndexModel(EstablishmentService establishments, Geography geography) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The most the picker returns for one text.</summary>
    public const int LookupSize = 10;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "province")] public string? ProvinceCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")] public BeneficiaryType? Type { get; set; }

    /// <summary>«women», «ethnic» or «area»: one of the priority flags.</summary>
    [BindProperty(SupportsGet = true, Name = "flag")] public string? Flag { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "dir")] public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public static readonly IReadOnlyList<string> Sorts = ["name", "code", "commune", "workers"];

    public static readonly IReadOnlyList<(string Value, string Label)> Flags =
        [("women", "Nữ làm chủ"), ("ethnic", "Sử dụng LĐ dân tộc thiểu số"), ("area", "Địa bàn ưu tiên")];

    public string SortShown => Sort is { } s && Sorts.Contains(s) ? s : "name";

    public bool Descending => Direction == "desc";

    public IReadOnlyList<IndexModelProvince> Provinces { get; private set; } = [];

    public string? ProvinceChosen { get; private set; }

    public bool CanRegister { get; private set; }

    public Paged<Row> Result { get; private set; } = new([], 1, PageSize, 0);

    public sealed record Row(int Id, string Identifier, bool HasTaxCode, string Name, BeneficiaryType Type, string Commune, string Province, int? Workers, bool WomenOwned, bool EthnicMinorityEmployer, bool PriorityArea);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await establishments.ActorAsync(User, ct);
        CanRegister = EstablishmentService.CanEdit(actor, null);
        var directory = await geography.DirectoryAsync(ct);
        var today = establishments.Today;
        Provinces = [.. Projects.IndexModel.ProvinceOptions(directory, today).Select(o => new IndexModelProvince(o.Value, o.Label, o.Former))];
        var query = establishments.Visible(actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ProvinceCode))
        {
            ProvinceChosen = new ProjectFilter(null, ProvinceCode, null, null, null, null, null).Province;
            var ids = ProjectFilter.ProvinceIds(ProvinceCode, directory, today).ToList();
            query = query.Where(e => ids.Contains(e.ProvinceId));
        }

        if (Type is { } type && Enum.IsDefined(type))
        {
            query = query.Where(e => e.Type == type);
        }

        query = Flag switch
        {
            "women" => query.Where(e => e.WomenOwned),
            "ethnic" => query.Where(e => e.EthnicMinorityEmployer),
            "area" => query.Where(e => e.PriorityArea),
            _ => query,
        };

        if (ProjectFilter.SearchKey(Query) is { } key)
        {
            query = query.Where(e => e.SearchKey.Contains(key));
        }

        Result = await Ordered(query)
            .Select(e => new Row(e.Id, e.TaxCode ?? e.PortalCode, e.TaxCode != null, e.Name, e.Type, e.Commune, e.Province!.Name, e.Workers, e.WomenOwned, e.EthnicMinorityEmployer, e.PriorityArea))
            .ToPagedAsync(PageNumber, PageSize, ct);
    }

    /// <summary>
    /// The beneficiary picker of the project form (wwwroot/js/establishment-picker.js): the establishments in the user's
    /// scope whose tax code, name or commune contain the typed text, with what the form's line needs.
    /// </summary>
    public async Task<IActionResult> OnGetLookupAsync(string? q, CancellationToken ct)
    {
        var actor = await establishments.ActorAsync(User, ct);
        if (ProjectFilter.SearchKey(q) is not { Length: >= 2 } key)
        {
            return new JsonResult(Array.Empty<object>());
        }

        var digits = new string([.. q!.Where(char.IsAsciiDigit)]);
        var found = await establishments.Visible(actor).AsNoTracking()
            .Where(e => e.SearchKey.Contains(key) || (digits.Length >= 3 && e.TaxCode != null && e.TaxCode.StartsWith(digits)))
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Take(LookupSize)
            .Select(e => new
            {
                id = e.Id, name = e.Name, taxCode = e.TaxCode, portalCode = e.PortalCode, type = e.Type.ToString(), commune = e.Commune, province = e.Province!.Name,
                womenOwned = e.WomenOwned, ethnicMinorityEmployer = e.EthnicMinorityEmployer, priorityArea = e.PriorityArea,
            })
            .ToListAsync(ct);
        return new JsonResult(found);
    }

    private IQueryable<Establishment> Ordered(IQueryable<Establishment> query) => (SortShown, Descending) switch
    {
        ("code", false) => query.OrderBy(e => e.TaxCode ?? e.PortalCode).ThenBy(e => e.Id),
        ("code", true) => query.OrderByDescending(e => e.TaxCode ?? e.PortalCode).ThenByDescending(e => e.Id),
        ("commune", false) => query.OrderBy(e => e.Commune).ThenBy(e => e.Name).ThenBy(e => e.Id),
        ("commune", true) => query.OrderByDescending(e => e.Commune).ThenByDescending(e => e.Name).ThenByDescending(e => e.Id),
        ("workers", false) => query.OrderBy(e => e.Workers).ThenBy(e => e.Id),
        ("workers", true) => query.OrderByDescending(e => e.Workers).ThenByDescending(e => e.Id),
        (_, true) => query.OrderByDescending(e => e.Name).ThenByDescending(e => e.Id),
        _ => query.OrderBy(e => e.Name).ThenBy(e => e.Id),
    };
}

/// <summary>One province of the filter (the projects list's options).</summary>
public sealed record IndexModelProvince(string Value, string Label, bool Former);
