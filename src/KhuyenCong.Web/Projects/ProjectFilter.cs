using KhuyenCong.Data;
using System.Globalization;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Web.Projects;

/// <summary>
/// The filters of the project list (year, province, region, source, kind, content, state) and its search text, for
/// the projects page and <c>GET /api/v1/projects</c> alike: both narrow the actor's <see cref="ProjectService.Visible"/>
/// projects with this one definition. A province follows the 2025 merger (docs/domain.md §3): it stands for itself and
/// every province it was formed from, so «24» today (the new Bắc Ninh) also finds the projects of old Bắc Giang (24
/// before 1/7/2025) and old Bắc Ninh (27). A province that no longer exists is named by its code and its last day,
/// «24@2025-06-30» (old Bắc Giang); a code that no province holds today («27») names the last province that held it.
/// </summary>
public sealed record ProjectFilter(int? Year, string? ProvinceCode, string? Region, FundingSource? Source, ProjectKind? Kind, string? ContentCode, ProjectState? State)
{
    /// <summary>The province code as the exchange writes it: two digits ("1" and "01" are Hà Nội), with the day it named the province, if given («24@2025-06-30»).</summary>
    public string? Province
    {
        get
        {
            if (string.IsNullOrWhiteSpace(ProvinceCode))
            {
                return null;
            }

            var (code, on) = SplitProvince(ProvinceCode);
            return on is null ? code.PadLeft(2, '0') : $"{code.PadLeft(2, '0')}@{on}";
        }
    }

    /// <summary>The picker's value of a province: its code while it exists, its code and last day after (<see cref="ProvinceNamed"/>).</summary>
    public static string ProvinceValue(ProvinceFact province) =>
        province.ValidTo is { } last ? $"{province.Code}@{last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : province.Code;

    /// <summary>
    /// The province a filter value names: «24» the province holding code 24 on <paramref name="today"/> (else the last one
    /// that held it), «24@2025-06-30» the one it named that day; null when none did or the value is no code.
    /// </summary>
    public static ProvinceFact? ProvinceNamed(string? value, ProvinceDirectory directory, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var (code, on) = SplitProvince(value);
        if (on is not null)
        {
            return DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? directory.Resolve(code, date) : null;
        }

        var normalized = code.PadLeft(2, '0');
        return directory.Resolve(code, today)
            ?? directory.All.Where(p => p.Code == normalized).OrderBy(p => p.ValidFrom).LastOrDefault();
    }

    /// <summary>The provinces a filter value stands for: the one it names and all it was formed from; empty when it names none.</summary>
    public static IReadOnlyList<int> ProvinceIds(string? value, ProvinceDirectory directory, DateOnly today) =>
        ProvinceNamed(value, directory, today) is { } province ? directory.SelfAndPredecessorIds(province.Id) : [];

    private static (string Code, string? On) SplitProvince(string value)
    {
        var trimmed = value.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (trimmed, null) : (trimmed[..at].Trim(), trimmed[(at + 1)..].Trim());
    }

    /// <summary>The filters as one string, to key the cached counts of a view.</summary>
    public string Key => string.Join('|', Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), Province, Region,
        Source?.ToString(), Kind?.ToString(), ContentCode, State?.ToString());

    /// <summary>
    /// The query narrowed by every filter given; the same query object when none is. The province is read from
    /// <paramref name="directory"/> as of <paramref name="today"/> (Vietnam's date).
    /// </summary>
    public IQueryable<Project> Apply(IQueryable<Project> query, KhuyenCongDbContext db, ProvinceDirectory directory, DateOnly today)
    {
        if (Year is { } year)
        {
            query = query.Where(p => p.PlanYear == year);
        }

        if (Province is not null)
        {
            var ids = ProvinceIds(ProvinceCode, directory, today).ToList();
            var first = ids.Count == 1 ? ids[0] : 0;
            query = ids.Count == 1 ? query.Where(p => p.ProvinceId == first) : query.Where(p => ids.Contains(p.ProvinceId));
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
