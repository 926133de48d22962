using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Geography;

/// <summary>
/// A province's membership of a region over a period. Effective-dated so that a province can move region
/// (e.g. Lâm Đồng) without rewriting the past.
/// </summary>
public sealed class ProvinceRegionMembership : IVersioned, IAudited
{
    public int Id { get; set; }

    public int ProvinceId { get; set; }

    public Province? Province { get; set; }

    public int RegionId { get; set; }

    public Region? Region { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public Guid Version { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}
