using KhuyenCong.Data;
using KhuyenCong.Domain.Votes;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Votes;

/// <summary>A certificate an establishment holds: for the establishment's page (docs/domain.md §13).</summary>
public sealed record VoteAward(int VoteId, int ProductId, string VoteTitle, VoteLevel Level, int Year, string Product, ProductGroup Group,
    string CertificateNumber, string? DecisionNumber, DateOnly? DecisionDate, DateOnly? ValidUntil);

/// <summary>Small reads other pages share: an establishment's certificates, a project's votes and certified products.</summary>
public static class VoteQueries
{
    /// <summary>
    /// The certificates of one establishment, newest first. The caller has already checked that the user may see the
    /// establishment (ProjectScope.VisibleTo); certificates are public decisions, so nothing further is hidden.
    /// </summary>
    public static Task<List<VoteAward>> AwardsOfAsync(KhuyenCongDbContext db, int establishmentId, CancellationToken ct = default) =>
        db.VoteProducts.AsNoTracking()
            .Where(p => p.EstablishmentId == establishmentId && p.CertificateNumber != null)
            .OrderByDescending(p => p.Vote!.Year).ThenByDescending(p => p.Vote!.Level)
            .Select(p => new VoteAward(p.VoteId, p.Id, p.Vote!.Title, p.Vote.Level, p.Vote.Year, p.Name, p.Group, p.CertificateNumber!, p.Vote.DecisionNumber, p.Vote.DecisionDate, p.CertificateValidUntil))
            .ToListAsync(ct);

    /// <summary>
    /// The votes a project paid for (content ND04) and what each certified: the portal's own count for the outcome
    /// «Sản phẩm CNNT tiêu biểu được bình chọn» (<see cref="Indicator"/>), which the acceptance form proposes and the
    /// project page shows beside the recorded figure. Certificates are public decisions: the caller has already checked
    /// that the user may see the project.
    /// </summary>
    public static Task<List<ProjectVote>> OfProjectAsync(KhuyenCongDbContext db, int projectId, CancellationToken ct = default) =>
        db.Votes.AsNoTracking()
            .Where(v => v.ProjectId == projectId)
            .OrderBy(v => v.Year).ThenBy(v => v.Id)
            .Select(v => new ProjectVote(v.Id, v.Title, v.Level, v.Year, v.DecisionNumber, v.DecisionDate, v.Products.Count, v.Products.Count(p => p.CertificateNumber != null)))
            .ToListAsync(ct);

    /// <summary>The outcome indicator the certificates count in (reference data, docs/domain.md §13).</summary>
    public const string Indicator = "SAN_PHAM_TIEU_BIEU";
}

/// <summary>A vote a project paid for: its products and, once decided, how many were certified.</summary>
public sealed record ProjectVote(int VoteId, string Title, VoteLevel Level, int Year, string? DecisionNumber, DateOnly? DecisionDate, int Products, int Certified)
{
    public bool Decided => DecisionNumber is not null;
}
