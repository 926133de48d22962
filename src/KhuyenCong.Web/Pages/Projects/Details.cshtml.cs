using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Projects;

/// <summary>One project: its data, money, outcomes, dossier, timeline, and the actions the user may take now.</summary>
public sealed class DetailsModel(ProjectService projects, DocumentStore documents, KhuyenCongDbContext db, Geography geography, FigureCache figures, PlanFigures planFigures, KhuyenCong.Web.Establishments.DoubleSupportCheck doubleSupport, TimeProvider clock) : PageModel
{
    /// <summary>Hỗ trợ trùng (docs/domain.md §12.3): the beneficiaries' earlier projects with the same content, shown to whoever appraises or approves now.</summary>
    public IReadOnlyList<KhuyenCong.Web.Establishments.DoubleSupportWarning> DoubleSupports { get; private set; } = [];

    /// <summary>Today in Vietnam (the approval form's date starts there).</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The appraisal's amount and the plan's headroom, when the user may approve the project now.</summary>
    public ApprovalFacts? Approval { get; private set; }

    public Project Project { get; private set; } = null!;

    public ProvinceFact? ProvinceNow { get; private set; }

    public IReadOnlySet<ProjectAction> Allowed { get; private set; } = new HashSet<ProjectAction>();

    public IReadOnlyList<NormFinding> NormFindings { get; private set; } = [];

    public IReadOnlyDictionary<string, (string Name, string Unit)> Indicators { get; private set; } = new Dictionary<string, (string, string)>();

    public IReadOnlyList<DossierItem> Checklist { get; private set; } = [];

    /// <summary>The people the page names (timeline, documents, payments, adjustments, notes), by full name and role today.</summary>
    public Users.PeopleNames People { get; private set; } = Users.PeopleNames.None;

    /// <summary>The contents' names, so that no content is shown by its bare code.</summary>
    public ContentNames Contents { get; private set; } = ContentNames.None;

    public string UploadLimit => documents.Limit;

    /// <summary>Every recorded change of the project and its parts, field by field.</summary>
    public IReadOnlyList<AuditItem> History { get; private set; } = [];

    /// <summary>The typical-product votes the project paid for, and what they certified (docs/domain.md §13).</summary>
    public IReadOnlyList<KhuyenCong.Web.Votes.ProjectVote> Votes { get; private set; } = [];

    /// <summary>
    /// The certificates of the project's decided votes: what the acceptance form proposes for the outcome
    /// «Sản phẩm CNNT tiêu biểu được bình chọn»; null when no vote of the project is decided.
    /// </summary>
    public int? Certified => Votes.Any(v => v.Decided) ? Votes.Where(v => v.Decided).Sum(v => v.Certified) : null;

    /// <summary>What the acceptance form proposes for each outcome the portal counts itself.</summary>
    public IReadOnlyDictionary<string, string> KnownActuals =>
        Certified is { } n && Project.Outcomes.Any(o => o.IndicatorCode == KhuyenCong.Web.Votes.VoteQueries.Indicator)
            ? new Dictionary<string, string> { [KhuyenCong.Web.Votes.VoteQueries.Indicator] = KhuyenCong.Domain.Common.VietnameseCulture.Number(n) }
            : new Dictionary<string, string>();

    [BindProperty]
    public ProjectCommand Command { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(int id, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var result = await projects.ActAsync(actor, id, Command, ct);
        return await AfterAsync(id, result, $"Đã {ProjectWorkflow.Label(Command.Action)}.", ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, string? category, IFormFile? file, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var result = await documents.UploadAsync(actor, id, category, file, ct);
        return await AfterAsync(id, result, "Đã đính kèm tài liệu.", ct);
    }

    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var file = await documents.OpenAsync(actor, id, documentId, ct);
        return file is { } f ? File(f.Content, f.Document.ContentType, f.Document.FileName) : NotFound();
    }

    private async Task<IActionResult> AfterAsync(int id, ProjectResult result, string done, CancellationToken ct)
    {
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{nameof(Command)}.{field}", message);
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct, keepCommand: true) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool keepCommand = false)
    {
        var actor = await projects.ActorAsync(User, ct);
        var project = await projects.ViewAsync(id, actor, figures, ct);
        if (project is null)
        {
            return false;
        }

        Project = project;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        ProvinceNow = (await geography.DirectoryAsync(ct)).SuccessorOn(project.ProvinceId, today);
        Allowed = Enum.GetValues<ProjectAction>().Where(a => ProjectWorkflow.Check(a, actor, project).Allowed).ToHashSet();
        Today = today;
        if (Allowed.Contains(ProjectAction.Approve))
        {
            // The same figures, cache and date as the Kế hoạch page for the plan year (PlanFigures.DefaultDate).
            var lines = await planFigures.CachedAsync(figures, actor, project.PlanYear, PlanFigures.DefaultDate(project.PlanYear, today), ct);
            var (recommended, by) = project.MinistryRecommendedSupport is { } ministry ? (ministry, "Cục") : (project.BaseRecommendedSupport, "Sở");
            Approval = new ApprovalFacts(recommended, by, project.Province!.Name, project.PlanYear, ProjectLabels.Of(project.Source),
                lines.FirstOrDefault(l => l.ProvinceId == project.ProvinceId && l.Source == project.Source));
        }
        if (Allowed.Overlaps([ProjectAction.AppraiseBase, ProjectAction.AppraiseMinistry, ProjectAction.Approve]))
        {
            DoubleSupports = await doubleSupport.ForProjectAsync(project, actor, ct);
        }

        NormFindings = SupportNormCheck.Check(project, await figures.LocalAsync("support-norms", c => db.SupportNorms.AsNoTracking().ToListAsync(c), ct));
        Indicators = await figures.LocalAsync("outcome-indicators", c => db.OutcomeIndicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => (i.Name, i.Unit), c), ct);
        // The authors of every part of the page in one query, whatever the number of rows; kept with the project's
        // view, so a renamed author shows within FigureCache.OutsideWriteBound.
        People = await figures.LocalAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project-people|{project.Id}"), c => Users.PeopleNames.LoadAsync(db,
            [.. project.Events.Select(e => e.UserId), .. project.Adjustments.Select(a => a.RequestedById)],
            [.. project.Events.Select(e => e.UserName), .. project.Documents.Select(d => d.UploadedBy), .. project.Disbursements.Select(d => d.RecordedBy),
                .. project.ProgressNotes.Select(n => n.RecordedBy), .. project.Adjustments.Select(a => a.RequestedBy), .. project.Adjustments.Select(a => a.DecidedBy)], c), ct);
        Contents = await ContentNames.LoadAsync(figures, db, ct);
        Checklist = DocumentChecklist.For(project.Contents.Select(c => c.ContentCode), await figures.LocalAsync("dossier-items", c => db.DossierItems.AsNoTracking().ToListAsync(c), ct));
        History = await figures.LocalAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project-history|{project.Id}"), c => AuditLabels.ProjectHistoryAsync(db, project.Id, c), ct);
        Votes = await figures.ViewAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project-votes|{project.Id}"), c => KhuyenCong.Web.Votes.VoteQueries.OfProjectAsync(db, project.Id, c), ct);
        if (!keepCommand)
        {
            Command = new ProjectCommand();
        }

        Command.Version = project.Version;
        return true;
    }
}
