using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Geography;

/// <summary>
/// Tỉnh, thành phố: a province as it existed over a validity period. Codes are reused across periods
/// (24 was Bắc Giang until 30/06/2025 and is Bắc Ninh from 01/07/2025), so a province is identified by its
/// code together with a date inside its validity.
/// </summary>
public sealed class Province : IVersioned, IAudited, ISearchable
{
    public int Id { get; set; }

    /// <summary>Two-digit statistical code (mã đơn vị hành chính).</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day of validity (inclusive); null while the province exists.</summary>
    public DateOnly? ValidTo { get; set; }

    public string SearchKey { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public List<ProvinceRegionMembership> RegionMemberships { get; set; } = [];

    /// <summary>Links to the provinces this one was formed from (empty for the 63 of 2008).</summary>
    public List<ProvinceSuccession> Predecessors { get; set; } = [];

    public List<ProvinceSuccession> Successors { get; set; } = [];

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public string SearchSource() => $"{Code} {Name}";
}
