using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reference;

/// <summary>Chỉ tiêu kết quả: an outcome measured with a target at approval and an actual at acceptance.</summary>
public sealed class OutcomeIndicator : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>e.g. LAO_DONG_DAO_TAO.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>Đơn vị tính, e.g. "người".</summary>
    public string Unit { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
}
