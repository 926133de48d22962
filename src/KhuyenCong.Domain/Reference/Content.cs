using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reference;

/// <summary>Nội dung hoạt động khuyến công (Decree 45/2012 Art. 4; ND10 added by Decree 235/2025).</summary>
public sealed class Content : IVersioned, IAudited, ISearchable
{
    public int Id { get; set; }

    /// <summary>ND01 … ND10.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string SearchKey { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public string SearchSource() => $"{Code} {Name}";
}
