using KhuyenCong.Data;
using KhuyenCong.Domain.Votes;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Votes;

/// <summary>A certificate an establishment holds: for the establishment's page (docs/domain.md §13).</summary>
public sealed record VoteAward(int VoteId, int ProductId, string VoteTitle, VoteLevel Level, int Year, string Product, ProductGroup Group,
    string CertificateNumber, string? DecisionNumber, DateOnly? DecisionDate, DateOnly? ValidUntil);

/// <summary>Small reads other pages share: an establishment's certificates, a project's certified products.</summary>
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
    /// The outcome «Sản phẩm CNNT tiêu biểu được bình chọn» (SAN_PHAM_TIEU_BIEU) a project's votes achieved: the
    /// certificates of the decided votes the project supported.
    /// </summary>
    public static Task<int> CertifiedForProjectAsync(KhuyenCongDbContext db, int projectId, CancellationToken ct = default) =>
        db.VoteProducts.CountAsync(p => p.Vote!.ProjectId == projectId && p.CertificateNumber != null, ct);
}
