using KhuyenCong.Data;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Establishments;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Establishments;

/// <summary>
/// One establishment (docs/domain.md §12): who it is, the projects that supported it over the years with their money
/// and outcomes, the double supports among them (§12.3), its products and awards (filled by the typical-product vote),
/// and its history of changes. Outside the user's scope it is not found.
/// </summary>
public sealed class DetailsModel(EstablishmentService establishments, DoubleSupportCheck doubleSupport, KhuyenCongDbContext db, FigureCache figures, Web.Votes.VoteService votes) : PageModel
{
    public Establishment Establishment { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>Its projects in the user's scope, newest plan year first.</summary>
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public IReadOnlyList<(SupportRecord Project, DoubleSupportWarning Warning)> DoubleSupports { get; private set; } = [];

    /// <summary>Its typical-product certificates, newest first (docs/domain.md §13).</summary>
    public IReadOnlyList<Web.Votes.VoteAward> Products { get; private set; } = [];

    /// <summary>The votes among <see cref="Products"/> the user may open (the vote page and the certificate download).</summary>
    public IReadOnlySet<int> OpenableVotes { get; private set; } = new HashSet<int>();

    public ContentNames Contents { get; private set; } = ContentNames.None;

    public IReadOnlyList<AuditItem> History { get; private set; } = [];

    /// <summary>Whether a stored tax code fails its check (an old record kept as typed, §12).</summary>
    public bool TaxCodeInvalid => Establishment.TaxCode is { } t && !TaxCode.Check(t).IsValid;

    public sealed record ProjectRow(int Id, string Code, string Title, int PlanYear, FundingSource Source, ProjectState State,
        IReadOnlyList<string> ContentCodes, decimal? Approved, decimal Paid, IReadOnlyList<(string Indicator, string Unit, decimal Target, decimal? Actual)> Outcomes);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await establishments.ActorAsync(User, ct);
        var e = await establishments.Visible(actor).AsNoTracking().Include(x => x.Province).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }

        Establishment = e;
        CanEdit = EstablishmentService.CanEdit(actor, e.ProvinceId);
        Contents = await ContentNames.LoadAsync(figures, db, ct);
        var indicators = await figures.LocalAsync("outcome-indicators", c => db.OutcomeIndicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => (i.Name, i.Unit), c), ct);
        var projects = await db.Projects.VisibleTo(actor, db).AsNoTracking()
            .Where(p => p.Beneficiaries.Any(b => b.EstablishmentId == id))
            .OrderByDescending(p => p.PlanYear).ThenBy(p => p.Code)
            .Select(p => new
            {
                p.Id, p.Code, p.Title, p.PlanYear, p.Source, p.State, p.ApprovedSupport,
                Contents = p.Contents.Select(c => c.ContentCode).ToList(),
                Paid = p.Disbursements.Where(d => d.Source == MoneySource.State).Select(d => d.Amount).ToList(),
                Outcomes = p.Outcomes.Select(o => new { o.IndicatorCode, o.Target, o.Actual }).ToList(),
            })
            .Take(500)
            .ToListAsync(ct);
        Projects = [.. projects.Select(p => new ProjectRow(p.Id, p.Code, p.Title, p.PlanYear, p.Source, p.State, p.Contents, p.ApprovedSupport, p.Paid.Sum(),
            [.. p.Outcomes.Select(o => (indicators.GetValueOrDefault(o.IndicatorCode, (o.IndicatorCode, string.Empty)).Item1, indicators.GetValueOrDefault(o.IndicatorCode, (o.IndicatorCode, string.Empty)).Item2, o.Target, o.Actual))]))];
        DoubleSupports = await doubleSupport.ForEstablishmentAsync(id, actor, ct);
        Products = await Web.Votes.VoteQueries.AwardsOfAsync(db, id, ct);
        var voteIds = Products.Select(a => a.VoteId).Distinct().ToList();
        OpenableVotes = voteIds.Count == 0 ? new HashSet<int>() : (await votes.Visible(actor).Where(v => voteIds.Contains(v.Id)).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        History = await AuditLabels.HistoryAsync(db, nameof(Domain.Establishments.Establishment), id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return Page();
    }
}
