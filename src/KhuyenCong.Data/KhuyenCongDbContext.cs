using System.Text.Json;
using KhuyenCong.Data.Identity;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Reports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KhuyenCong.Data;

/// <summary>The one DbContext of the portal; each provider keeps its own migrations assembly.</summary>
public sealed class KhuyenCongDbContext(DbContextOptions<KhuyenCongDbContext> options, ICurrentActor? actor = null)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Properties never written to the audit log.</summary>
    public static IReadOnlySet<string> UnauditedProperties => s_secretProperties;

    private static readonly HashSet<string> s_secretProperties =
        [nameof(AppUser.PasswordHash), nameof(ApiToken.SecretHash), nameof(ApiToken.LastUsedAtUtc), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
         nameof(IVersioned.Version), nameof(ISearchable.SearchKey), nameof(Project.UpdatedAtUtc)];

    private readonly ICurrentActor _actor = actor ?? new SystemActor();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<ProvinceRegionMembership> ProvinceRegionMemberships => Set<ProvinceRegionMembership>();

    public DbSet<ProvinceSuccession> ProvinceSuccessions => Set<ProvinceSuccession>();

    public DbSet<Content> Contents => Set<Content>();

    public DbSet<OutcomeIndicator> OutcomeIndicators => Set<OutcomeIndicator>();

    public DbSet<SupportNorm> SupportNorms => Set<SupportNorm>();

    public DbSet<ProgrammePeriod> ProgrammePeriods => Set<ProgrammePeriod>();

    public DbSet<DepartmentName> DepartmentNames => Set<DepartmentName>();

    public DbSet<UserRegion> UserRegions => Set<UserRegion>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectContent> ProjectContents => Set<ProjectContent>();

    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();

    public DbSet<Domain.Establishments.Establishment> Establishments => Set<Domain.Establishments.Establishment>();

    public DbSet<Domain.Establishments.DoubleSupportWindow> DoubleSupportWindows => Set<Domain.Establishments.DoubleSupportWindow>();

    public DbSet<ProjectOutcome> ProjectOutcomes => Set<ProjectOutcome>();

    public DbSet<Disbursement> Disbursements => Set<Disbursement>();

    public DbSet<ProgressNote> ProgressNotes => Set<ProgressNote>();

    public DbSet<ProjectEvent> ProjectEvents => Set<ProjectEvent>();

    public DbSet<ProjectDocument> ProjectDocuments => Set<ProjectDocument>();

    public DbSet<Adjustment> Adjustments => Set<Adjustment>();

    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();

    public DbSet<PeriodicReport> PeriodicReports => Set<PeriodicReport>();

    public DbSet<ReportDeadline> ReportDeadlines => Set<ReportDeadline>();

    public DbSet<Domain.Reminders.ReminderRule> ReminderRules => Set<Domain.Reminders.ReminderRule>();

    /// <summary>Every reminder queued, once per deadline occurrence, step and person (unique <c>DedupeKey</c>).</summary>
    public DbSet<Reminders.ReminderLedgerEntry> ReminderLedger => Set<Reminders.ReminderLedgerEntry>();

    public DbSet<ProgrammeTarget> ProgrammeTargets => Set<ProgrammeTarget>();

    public DbSet<DossierItem> DossierItems => Set<DossierItem>();

    public DbSet<Domain.Votes.Vote> Votes => Set<Domain.Votes.Vote>();

    public DbSet<Domain.Votes.VoteProvince> VoteProvinces => Set<Domain.Votes.VoteProvince>();

    public DbSet<Domain.Votes.VoteProduct> VoteProducts => Set<Domain.Votes.VoteProduct>();

    public DbSet<Domain.Votes.VoteProductFile> VoteProductFiles => Set<Domain.Votes.VoteProductFile>();

    public DbSet<Domain.Votes.VoteCouncilMember> VoteCouncilMembers => Set<Domain.Votes.VoteCouncilMember>();

    public DbSet<Domain.Votes.VoteScore> VoteScores => Set<Domain.Votes.VoteScore>();

    public DbSet<Domain.Votes.VoteCriterion> VoteCriteria => Set<Domain.Votes.VoteCriterion>();

    public DbSet<Domain.Votes.VotePassMark> VotePassMarks => Set<Domain.Votes.VotePassMark>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Imports.PendingImport> PendingImports => Set<Imports.PendingImport>();

    public DbSet<Imports.ImportJob> ImportJobs => Set<Imports.ImportJob>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Notifications.OutboxMail> OutboxMails => Set<Notifications.OutboxMail>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The one row whose stamp keys cached report figures (<see cref="Figures.FigureWriteInterceptor"/>).</summary>
    public DbSet<Figures.DataVersion> DataVersions => Set<Figures.DataVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KhuyenCongDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and percentages are exact decimals everywhere; each property sets its own scale.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Renews concurrency tokens and search keys, and writes the audit log in the same transaction as the
    /// change it records.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        if (await global::KhuyenCong.Data.Establishments.EstablishmentLinker.LinkAsync(this, cancellationToken))
        {
            ChangeTracker.DetectChanges();
        }

        var audited = new List<(EntityEntry Entry, string Action, string? Before, string? After)>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                if (entry.Entity is IVersioned versioned)
                {
                    versioned.Version = Guid.NewGuid();
                }

                if (entry.Entity is ISearchable searchable)
                {
                    searchable.SearchKey = SearchText.Key(searchable.SearchSource());
                }
            }

            // The parts of a project created in the same save are recorded by the project's own entry.
            var partOfNewProject = entry.State == EntityState.Added && entry.Metadata.FindProperty(nameof(ProjectEvent.ProjectId)) is { } owner
                && entry.Property(owner.Name).IsTemporary;
            if (IsAudited(entry) && !partOfNewProject && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var (action, before, after) = Describe(entry);
                if (action is not null)
                {
                    audited.Add((entry, action, before, after));
                }
            }
        }

        if (audited.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownsTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var now = DateTime.UtcNow;
        foreach (var (entry, action, before, after) in audited)
        {
            AuditEntries.Add(new AuditEntry
            {
                OccurredAtUtc = now,
                UserId = _actor.UserId,
                UserName = _actor.UserName,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                ProjectId = ProjectOf(entry),
                Before = before,
                After = after,
            });
        }

        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is IAudited or IdentityUserRole<string>;

    private static (string? Action, string? Before, string? After) Describe(EntityEntry entry)
    {
        var properties = entry.Properties.Where(p => !s_secretProperties.Contains(p.Metadata.Name)).ToList();
        switch (entry.State)
        {
            case EntityState.Added:
                // A generated key is still a temporary value here; the entry's EntityKey records the real one.
                return ("Created", null, Json(properties.Where(p => !p.Metadata.IsPrimaryKey() || !p.IsTemporary)
                    .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)));
            case EntityState.Deleted:
                return ("Deleted", Json(properties.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)), null);
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0)
                {
                    return (null, null, null);
                }

                return ("Updated",
                    Json(changed.ToDictionary(p => p.Metadata.Name, p => p.OriginalValue)),
                    Json(changed.ToDictionary(p => p.Metadata.Name, p => p.CurrentValue)));
        }
    }

    /// <summary>The project a project or one of its parts belongs to, so that the project's history reads as one.</summary>
    private static int? ProjectOf(EntityEntry entry) => entry.Entity switch
    {
        Project project => project.Id,
        _ when entry.Metadata.FindProperty(nameof(ProjectEvent.ProjectId)) is { } key => entry.Property(key.Name).CurrentValue as int?,
        _ => null,
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, s_json);
}
