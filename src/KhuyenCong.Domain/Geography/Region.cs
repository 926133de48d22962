using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Geography;

/// <summary>Khu vực khuyến công: BAC, MTTN or NAM, each holding a yearly regional conference.</summary>
public sealed class Region : IVersioned, IAudited
{
    public const string North = "BAC";
    public const string CentralHighlands = "MTTN";
    public const string South = "NAM";

    public static readonly IReadOnlyList<string> Codes = [North, CentralHighlands, South];

    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    /// <summary>e.g. "phía Bắc".</summary>
    public string Name { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public Guid Version { get; set; }
}
