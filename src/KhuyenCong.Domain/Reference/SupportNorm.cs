using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Reference;

/// <summary>
/// Mức hỗ trợ: the most a project may ask of the state for one kind of activity within a content — a share
/// of the cost and an absolute ceiling — under a legal basis in force over a period.
/// </summary>
public sealed class SupportNorm : IVersioned, IAudited
{
    public int Id { get; set; }

    public string ContentCode { get; set; } = string.Empty;

    /// <summary>What the norm covers, e.g. "Mô hình trình diễn kỹ thuật".</summary>
    public string Activity { get; set; } = string.Empty;

    /// <summary>Share of the cost the state may pay, in percent (0–100); null when only a ceiling applies.</summary>
    public decimal? MaxSharePercent { get; set; }

    /// <summary>Absolute ceiling in whole đồng; null when only a share applies.</summary>
    public decimal? CeilingDong { get; set; }

    /// <summary>Multiplier allowed in priority areas (up to 1.5).</summary>
    public decimal PriorityMultiplier { get; set; } = 1m;

    /// <summary>Căn cứ pháp lý, e.g. "TT 28/2018/TT-BTC".</summary>
    public string LegalBasis { get; set; } = string.Empty;

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public Guid Version { get; set; }

    public bool IsInForceOn(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date <= EffectiveTo);
}
