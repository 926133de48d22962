using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// The filters of the project list (year, province, region, source, kind, content, state) and its search text, for
/// the projects page and <c>GET /api/v1/projects</c> alike: both narrow the actor's <see cref="ProjectService.Visible"/>
/// projects with this one definition.
/// </summary>
public sealed record ProjectFilter(int? Year, string? ProvinceCode, string? Region, FundingSource? Source, ProjectKind? Kind, string? ContentCode, ProjectState? State)
{
    /// <summary>The province code as the exchange writes it: two digits ("1" and "01" are Hà Nội).</summary>
    public string? Province => string.IsNullOrWhiteSpace(ProvinceCode) ? null : ProvinceCode.Trim().PadLeft(2, '0');

    /// <summary>The filters as one string, to key the cached counts of a view.</summary>
    public string Key => string.Join('|', Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), Province, Region,
        Source?.ToString(), Kind?.ToString(), ContentCode, State?.ToString());

    /// <summary>The query narrowed by every filter given; the same query object when none is.</summary>
    public IQueryable<Project> Apply(IQueryable<Project> query, KhuyenCongDbContext db)
    {
        if (Year is { } year)
        {
            query = query.Where(p => p.PlanYear == year);
        }

        if (Province is { } code)
        {
            query = query.Where(p => p.Province!.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(Region))
        {
            var region = Region;
            query = query.Where(p => db.ProvinceRegionMemberships.Any(m => m.ProvinceId == p.ProvinceId && m.Region!.Code == region));
        }

        if (Source is { } source)
        {
            query = query.Where(p => p.Source == source);
        }

        if (Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(ContentCode))
        {
            var content = ContentCode;
            query = query.Where(p => p.Contents.Any(c => c.ContentCode == content));
        }

        if (State is { } state)
        {
            query = query.Where(p => p.State == state);
        }

        return query;
    }

    /// <summary>The search key of a typed search text (<see cref="SearchText.Key"/>), or null for no search.</summary>
    public static string? SearchKey(string? text) => string.IsNullOrWhiteSpace(text) ? null : SearchText.Key(text);
}
