using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Votes;

/// <summary>
/// Đợt bình chọn sản phẩm công nghiệp nông thôn tiêu biểu (docs/domain.md §13): one level, one year, one organiser,
/// the provinces it covers (frozen when it is created, from the region memberships at its registration start), its
/// products, council and result.
/// </summary>
public sealed class Vote : IVersioned, IAudited, ISearchable
{
    public int Id { get; set; }

    public VoteLevel Level { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>Cơ quan tổ chức: the Sở Công Thương, the region's organiser, the ministry's department.</summary>
    public string Organiser { get; set; } = string.Empty;

    /// <summary>The province of a province vote.</summary>
    public int? ProvinceId { get; set; }

    /// <summary>The region of a region vote.</summary>
    public int? RegionId { get; set; }

    public DateOnly RegistrationFrom { get; set; }

    public DateOnly RegistrationTo { get; set; }

    public DateOnly ScoringFrom { get; set; }

    public DateOnly ScoringTo { get; set; }

    public DateOnly ResultsOn { get; set; }

    /// <summary>The project (content ND04) that paid for the vote: its «sản phẩm tiêu biểu» indicator counts the certificates.</summary>
    public int? ProjectId { get; set; }

    /// <summary>Điểm đạt, frozen from <see cref="VotePassMark"/> when the vote is created.</summary>
    public int PassMark { get; set; }

    public int CertificateYears { get; set; }

    /// <summary>Số quyết định công nhận; null until the result is decided (then the vote is closed).</summary>
    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public List<VoteProvince> Provinces { get; set; } = [];

    public List<VoteProduct> Products { get; set; } = [];

    public List<VoteCouncilMember> Council { get; set; } = [];

    public string SearchKey { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public bool Decided => DecisionNumber is not null;

    public string SearchSource() => $"{Title} {Organiser} {DecisionNumber}";
}

/// <summary>A province a vote covers: its own for a province vote, the region's members on the vote's date for a region vote.</summary>
public sealed class VoteProvince : IAudited
{
    public int VoteId { get; set; }

    public int ProvinceId { get; set; }
}

/// <summary>
/// A product an establishment entered in a vote (registered by its province, or put forward from the level below:
/// <see cref="NominatedFromId"/>), its scores and, once decided, its certificate.
/// </summary>
public sealed class VoteProduct : IVersioned, IAudited
{
    public int Id { get; set; }

    public int VoteId { get; set; }

    public Vote? Vote { get; set; }

    public int EstablishmentId { get; set; }

    public Establishments.Establishment? Establishment { get; set; }

    /// <summary>The province that registered it (the establishment's, as the registry knows it).</summary>
    public int ProvinceId { get; set; }

    public Geography.Province? Province { get; set; }

    public string Name { get; set; } = string.Empty;

    public ProductGroup Group { get; set; }

    public string? Description { get; set; }

    /// <summary>The certified product of the level below this one was put forward from.</summary>
    public int? NominatedFromId { get; set; }

    public DateTime RegisteredAtUtc { get; set; }

    public string RegisteredBy { get; set; } = string.Empty;

    /// <summary>Số giấy chứng nhận, given when the result is decided to each product that passed.</summary>
    public string? CertificateNumber { get; set; }

    public DateOnly? CertificateValidUntil { get; set; }

    public List<VoteScore> Scores { get; set; } = [];

    /// <summary>Ảnh sản phẩm, hồ sơ kèm theo: what the council looks at besides the description.</summary>
    public List<VoteProductFile> Files { get; set; } = [];

    public Guid Version { get; set; }
}

/// <summary>
/// A photo (PNG, JPEG) or document (PDF, Word) of a product, stored outside the web root under
/// <see cref="StorageName"/>; the row keeps the name it was uploaded under, its checked type, size and hash.
/// A product put forward to the level above takes its files along (rows naming the same stored files).
/// </summary>
public sealed class VoteProductFile : IAudited
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    /// <summary>The name shown and offered on download, cleaned of path characters.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The content type decided by the upload check (the extension's, once the content matched it).</summary>
    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string StorageName { get; set; } = string.Empty;

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = string.Empty;

    /// <summary>A photo is shown as a picture; anything else is a document to download.</summary>
    public bool IsPhoto => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>A council member of a vote (a user with the Reviewer role) and the province they come from, if any.</summary>
public sealed class VoteCouncilMember : IAudited
{
    public int Id { get; set; }

    public int VoteId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The province the member works for: at region level they may not score its products.</summary>
    public int? ProvinceId { get; set; }
}

/// <summary>The points one council member gave one product on one criterion.</summary>
public sealed class VoteScore : IAudited
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public string ReviewerId { get; set; } = string.Empty;

    public int CriterionId { get; set; }

    public int Points { get; set; }
}
