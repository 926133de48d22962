using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;

namespace KhuyenCong.Data.Identity;

/// <summary>A region a conference organiser may read.</summary>
public sealed class UserRegion : IAudited
{
    public string UserId { get; set; } = string.Empty;

    public int RegionId { get; set; }

    public Region? Region { get; set; }
}
