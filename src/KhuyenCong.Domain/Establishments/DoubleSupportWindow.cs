using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Establishments;

/// <summary>
/// Thời hạn không hỗ trợ trùng (docs/domain.md §12.3): for one content (or, with no content, every content without a
/// row of its own), how many plan years back an establishment's earlier support with the same content counts, and how
/// many supports the window allows before a new one is flagged to the appraiser. Reference data, so that the
/// figures of a legal basis not yet confirmed can be corrected without a release.
/// </summary>
public sealed class DoubleSupportWindow : IVersioned, IAudited
{
    public int Id { get; set; }

    /// <summary>The content (ND01…); null for the default row.</summary>
    public string? ContentCode { get; set; }

    /// <summary>What the rule covers, as people say it («Hội chợ, triển lãm ở nước ngoài»).</summary>
    public string Activity { get; set; } = string.Empty;

    /// <summary>The window in plan years, the project's own year included (1 = the same year).</summary>
    public int Years { get; set; }

    /// <summary>How many supports the window allows an establishment, the new one included (1: any earlier one is a double support).</summary>
    public int Allowed { get; set; } = 1;

    /// <summary>Căn cứ pháp lý, as text.</summary>
    public string LegalBasis { get; set; } = string.Empty;

    /// <summary>False while the figures are the portal's reading, not checked against the text (§11).</summary>
    public bool Confirmed { get; set; }

    public Guid Version { get; set; }

    public const int MaxYears = 20;
}
