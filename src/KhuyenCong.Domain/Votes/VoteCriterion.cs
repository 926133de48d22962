using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Votes;

/// <summary>
/// One scoring criterion of the circular with its maximum points, valid over a period (reference data, because the
/// circular was amended: docs/domain.md §13). A vote scores on the criteria valid on its registration start.
/// </summary>
public sealed class VoteCriterion : IVersioned, IAudited
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int MaxPoints { get; set; }

    public int SortOrder { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public Guid Version { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

/// <summary>The pass mark and the certificate's validity of one level, from a date (reference data, docs/domain.md §13).</summary>
public sealed class VotePassMark : IVersioned, IAudited
{
    public int Id { get; set; }

    public VoteLevel Level { get; set; }

    /// <summary>Điểm tối thiểu: a product passes with an average total at or above it.</summary>
    public int MinPoints { get; set; }

    /// <summary>Thời hạn của giấy chứng nhận, in years from the decision date.</summary>
    public int CertificateYears { get; set; }

    public DateOnly ValidFrom { get; set; }

    public string LegalBasis { get; set; } = string.Empty;

    public Guid Version { get; set; }
}
