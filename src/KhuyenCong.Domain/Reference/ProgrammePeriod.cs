using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reference;

/// <summary>Chương trình khuyến công quốc gia giai đoạn: e.g. 2021–2025 under QĐ 1881/QĐ-TTg.</summary>
public sealed class ProgrammePeriod : IVersioned, IAudited
{
    public int Id { get; set; }

    public int FromYear { get; set; }

    public int ToYear { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The decision that set the programme, e.g. "QĐ 1881/QĐ-TTg".</summary>
    public string Decision { get; set; } = string.Empty;

    public Guid Version { get; set; }
}
