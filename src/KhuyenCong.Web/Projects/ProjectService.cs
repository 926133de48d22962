using System.Globalization;
using System.Security.Claims;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Projects;

/// <summary>Settings of project rules that are data, not law.</summary>
public sealed class ProjectOptions
{
    /// <summary>Advances before acceptance, in percent of approved support (docs/domain.md §5: 70 %, configurable).</summary>
    public decimal AdvanceLimitPercent { get; set; } = ProjectRules.DefaultAdvanceLimitPercent;

    public ProjectLimits Limits => new(AdvanceLimitPercent);
}

/// <summary>
/// Every change to a project, for the pages and the command-line verbs: checked against the state machine
/// and the user's scope, written in one transaction with its timeline event, refused when stale.
/// </summary>
public sealed class ProjectService(KhuyenCongDbContext db, Geography geography, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ProjectOptions> options,
    Notifications.Notifier notifier)
{
    public const string StaleMessage = "Đề án vừa được người khác thay đổi sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; hãy tải lại trang để xem bản mới nhất.";

    public async Task<ProjectActor> ActorAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        ProjectScope.Actor(user, await geography.DirectoryAsync(ct));

    public IQueryable<Project> Visible(ProjectActor actor) => db.Projects.VisibleTo(actor, db);

    /// <summary>Việc chờ tôi: the projects waiting for this actor's decision or work, within their scope.</summary>
    public IQueryable<Project> WaitingFor(ProjectActor actor)
    {
        var visible = Visible(actor).AsNoTracking();
        var userId = actor.UserId;
        return actor.Role switch
        {
            Domain.Identity.Roles.ProvinceOfficer => visible.Where(p => p.State == ProjectState.Returned || p.State == ProjectState.Draft),
            Domain.Identity.Roles.ProvinceApprover => visible.Where(p => p.State == ProjectState.Submitted
                || (p.Source == FundingSource.KCDP && p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending))),
            Domain.Identity.Roles.MinistryOfficer => visible.Where(p => p.State == ProjectState.UnderMinistryReview && p.MinistryAppraiserId == null),
            Domain.Identity.Roles.MinistryApprover => visible.Where(p => (p.State == ProjectState.UnderMinistryReview && p.MinistryAppraiserId != null && p.MinistryAppraiserId != userId)
                || (p.Source == FundingSource.KCQG && p.Adjustments.Any(a => a.Status == AdjustmentStatus.Pending))),
            _ => visible.Where(_ => false),
        };
    }

    /// <summary>The project with everything it holds, or null when it does not exist or is outside the actor's scope.</summary>
    public async Task<Project?> FindAsync(int id, ProjectActor actor, CancellationToken ct = default) =>
        await Visible(actor)
            .Include(p => p.Province)
            .Include(p => p.Contents).Include(p => p.Beneficiaries).Include(p => p.Outcomes)
            .Include(p => p.Disbursements).Include(p => p.Events).Include(p => p.Documents)
            .Include(p => p.Adjustments).Include(p => p.ProgressNotes)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>
    /// The project as its page shows it, read only: whether the actor may see it is asked on every view (one
    /// indexed query); its parts are read by id alone, untracked, and kept in this instance's memory under the data
    /// version, which every write renews, so a view after any write reads them again. <see cref="FindAsync"/>
    /// repeats the scope predicate in each of its ten split statements and tracks every row, which made the
    /// project page the dearest page at 100,000 projects (issue 14). The page must not change what it is given.
    /// </summary>
    public async Task<Project?> ViewAsync(int id, ProjectActor actor, Reports.FigureCache figures, CancellationToken ct = default) =>
        // Whether the actor's scope covers the project changes only with a write (its province, the region
        // memberships) or with the actor's scope, which is in the key: kept under the data version like the view.
        await figures.ViewAsync(string.Create(CultureInfo.InvariantCulture, $"project-visible|{Reports.ReportScope.CacheKey(actor)}|{id}"),
            c => Visible(actor).AnyAsync(p => p.Id == id, c), ct)
            ? await figures.LocalAsync(string.Create(CultureInfo.InvariantCulture, $"project-view|{id}"), c => db.Projects.AsNoTracking()
                .Include(p => p.Province)
                .Include(p => p.Contents).Include(p => p.Beneficiaries).Include(p => p.Outcomes)
                .Include(p => p.Disbursements).Include(p => p.Events).Include(p => p.Documents)
                .Include(p => p.Adjustments).Include(p => p.ProgressNotes)
                .AsSplitQuery()
                .FirstOrDefaultAsync(p => p.Id == id, c), ct)
            : null;

    /// <summary>The context of an act by this actor now, with the configured limits.</summary>
    public ActContext Context(ProjectActor actor) => new(actor, clock.GetUtcNow().UtcDateTime, options.Value.Limits);

    /// <summary>Registers a project (id null) or saves a draft or returned one.</summary>
    /// <summary>
    /// The picker's links (docs/domain.md §12) are kept only for establishments in the actor's scope whose tax code (or,
    /// without one, name and commune) is still what the line says; any other is dropped, and the linker matches the line
    /// as if it had been typed.
    /// </summary>
    private async Task KeepChosenEstablishmentsAsync(ProjectActor actor, ProjectInput input, CancellationToken ct)
    {
        var ids = input.Beneficiaries.Select(b => b.EstablishmentId).OfType<int>().Distinct().ToList();
        var chosen = ids.Count == 0 ? [] : await db.Establishments.VisibleTo(actor, db).AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.TaxCode, e.MatchKey }).ToDictionaryAsync(e => e.Id, ct);
        foreach (var line in input.Beneficiaries.Where(b => b.EstablishmentId is not null))
        {
            var keep = chosen.TryGetValue(line.EstablishmentId!.Value, out var e)
                && (Data.Establishments.EstablishmentLinker.TaxKey(line.TaxCode) is { } tax
                    ? e.TaxCode == tax
                    : e.TaxCode is null && e.MatchKey == Domain.Establishments.Establishment.MatchKeyOf(line.Name ?? string.Empty, line.Commune ?? string.Empty));
            if (!keep)
            {
                line.EstablishmentId = null;
            }
        }
    }

    public async Task<ProjectResult> SaveDraftAsync(ProjectActor actor, int? id, Guid version, ProjectInput input, CancellationToken ct = default)
    {
        // Scope and rights first: a project outside the user's scope is not found, whatever the input.
        var existing = id is null ? null : await FindAsync(id.Value, actor, ct);
        if (id is not null && existing is null)
        {
            return ProjectResult.Missing;
        }

        var allowed = existing is null
            ? actor.Role == Domain.Identity.Roles.ProvinceOfficer ? Decision.Yes : Decision.No("Chỉ chuyên viên Sở Công Thương được đăng ký đề án.")
            : ProjectWorkflow.Check(ProjectAction.Edit, actor, existing);
        if (!allowed.Allowed)
        {
            return ProjectResult.Fail(allowed.Refusal!);
        }

        input.DropBlankLines();
        var contentCodes = await db.Contents.Select(c => c.Code).ToListAsync(ct);
        var indicatorCodes = await db.OutcomeIndicators.Where(i => i.IsActive).Select(i => i.Code).ToListAsync(ct);
        var validation = await new ProjectInputValidator(contentCodes, indicatorCodes).ValidateAsync(input, ct);
        var errors = validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        var directory = await geography.DirectoryAsync(ct);
        if (input.ProvinceId is { } provinceId && input.PlanYear is { } year)
        {
            var province = directory.Find(provinceId);
            if (!actor.HoldsProvince(provinceId) || province is null)
            {
                errors.Add((nameof(ProjectInput.ProvinceId), "Bạn chỉ được đăng ký đề án của tỉnh, thành phố mình."));
            }
            else if (!(province.ValidFrom.Year <= year && (province.ValidTo is null || province.ValidTo.Value.Year >= year)))
            {
                errors.Add((nameof(ProjectInput.ProvinceId), string.Create(CultureInfo.InvariantCulture, $"{province.Name} không còn hoặc chưa tồn tại trong năm {year}.")));
            }
        }

        if (errors.Count > 0)
        {
            return new ProjectResult(errors);
        }

        await KeepChosenEstablishmentsAsync(actor, input, ct);
        var draft = input.ToDraft();
        var ctx = Context(actor);
        if (existing is not null)
        {
            db.Entry(existing).Property(p => p.Version).OriginalValue = version;
            return await SaveAsync(existing, existing.EditDraft(draft, ctx), ct);
        }

        // The next free number of the province's series; a number taken meanwhile (another registration, an import)
        // is retried with the next one, so that registration never fails on the code.
        var provinceCode = directory.Find(draft.ProvinceId)!.Code;
        for (var attempt = 0; ; attempt++)
        {
            var code = await NextCodeAsync(draft.Source, draft.PlanYear, provinceCode, ct);
            var (project, result) = Project.Register(code, draft, ctx);
            if (project is null)
            {
                return ProjectResult.From(result);
            }

            db.Projects.Add(project);
            try
            {
                return await SaveAsync(project, result, ct);
            }
            catch (DbUpdateException ex) when (attempt < 10 && IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Moves a project on or records something on it (docs/domain.md §5): parses the form, then calls the act.</summary>
    public async Task<ProjectResult> ActAsync(ProjectActor actor, int id, ProjectCommand command, CancellationToken ct = default)
    {
        var project = await FindAsync(id, actor, ct);
        if (project is null)
        {
            return ProjectResult.Missing;
        }

        var decision = ProjectWorkflow.Check(command.Action, actor, project);
        if (!decision.Allowed)
        {
            return ProjectResult.Refused(decision);
        }

        db.Entry(project).Property(p => p.Version).OriginalValue = command.Version;
        var ctx = Context(actor);
        var norms = command.Action == ProjectAction.DecideAdjustment ? await db.SupportNorms.AsNoTracking().ToListAsync(ct) : [];
        var dossier = command.Action == ProjectAction.Submit ? await db.DossierItems.AsNoTracking().ToListAsync(ct) : [];
        var parsed = command.Parse();
        if (parsed.Error is { } error)
        {
            return ProjectResult.Fail(error.Message, error.Field);
        }

        var result = command.Action switch
        {
            ProjectAction.Submit => project.Submit(dossier, ctx),
            ProjectAction.AppraiseBase => project.AppraiseBase(parsed.Amount, ctx),
            ProjectAction.AppraiseMinistry => project.AppraiseMinistry(parsed.Amount, ctx),
            ProjectAction.ReturnByProvince or ProjectAction.ReturnByMinistry => project.Return(command.Comment, ctx),
            ProjectAction.Forward => project.Forward(ctx),
            ProjectAction.Approve => project.Approve(new ApproveProject(parsed.Amount, parsed.Date, command.Reference), ctx),
            ProjectAction.Reject => project.Reject(command.Comment, ctx),
            ProjectAction.RecordContract => project.RecordContract(new RecordContract(command.Reference ?? string.Empty, parsed.Date!.Value, parsed.Amount), ctx),
            ProjectAction.RecordProgress => project.RecordProgress(parsed.Date ?? ctx.Today, command.Comment, ctx),
            ProjectAction.RecordDisbursement => project.Disburse(new DisburseMoney(parsed.Date!.Value, parsed.Amount, command.MoneySource, command.Comment), ctx),
            ProjectAction.RecordAcceptance => project.Accept(new AcceptProject(parsed.Date!.Value, parsed.Amount, parsed.Counterpart, command.Reference, parsed.Actuals), ctx),
            ProjectAction.Settle => project.Settle(new SettleProject(parsed.Date, parsed.Amount, command.Comment), ctx),
            ProjectAction.RequestAdjustment => project.RequestAdjustment(new RequestAdjustment(command.AdjustmentKind, command.Comment ?? string.Empty,
                parsed.HasAmount ? parsed.Amount : null, parsed.NewStartDate, parsed.NewEndDate, command.Reference), ctx),
            ProjectAction.DecideAdjustment => project.DecideAdjustment(new DecideAdjustment(command.AdjustmentId ?? 0, command.Accept, command.Comment, norms), ctx),
            _ => ActResult.Fail("Thao tác không được hỗ trợ."),
        };
        if (result.Done)
        {
            // Whoever's turn it now is hears of it in the same transaction as the act (docs/architecture.md, "Notifications and e-mail").
            await notifier.ProjectActedAsync(actor, project, command.Action, ct);
        }

        return await SaveAsync(project, result, ct);
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message is { } m && (m.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
            || m.Contains("23505", StringComparison.Ordinal));

    /// <summary>Saves an act that was done; an act that was refused changes nothing and returns its reasons.</summary>
    private async Task<ProjectResult> SaveAsync(Project project, ActResult result, CancellationToken ct)
    {
        if (!result.Done)
        {
            db.ChangeTracker.Clear();
            return ProjectResult.From(result);
        }

        return await SaveAsync(project, ct);
    }

    private async Task<ProjectResult> SaveAsync(Project project, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ProjectResult.Ok(project.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ProjectResult.Stale;
        }
    }

    /// <summary>The number after the highest one of the series (not the count: imported codes may leave gaps).</summary>
    private async Task<string> NextCodeAsync(FundingSource source, int year, string provinceCode, CancellationToken ct)
    {
        var prefix = ProjectCodes.Prefix(source, year, provinceCode);
        var taken = await db.Projects.Where(p => p.Code.StartsWith(prefix)).Select(p => p.Code).ToListAsync(ct);
        return ProjectCodes.Next(prefix, taken);
    }
}
