using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Title).HasMaxLength(500).IsRequired();
        builder.Property(x => x.ImplementingUnit).HasMaxLength(300).IsRequired();
        builder.Property(x => x.LastReason).HasMaxLength(2000);
        builder.Property(x => x.MinistryAppraiserId).HasMaxLength(450);
        builder.Property(x => x.BaseAppraiserId).HasMaxLength(450);
        builder.Property(x => x.ContractNumber).HasMaxLength(100);
        builder.Property(x => x.ApprovalDecisionNumber).HasMaxLength(100);
        builder.Property(x => x.AcceptanceMinutes).HasMaxLength(200);
        builder.Property(x => x.CreatedById).HasMaxLength(450).IsRequired();
        builder.Property(x => x.SearchKey).HasMaxLength(2000).IsRequired();
        foreach (var money in new[]
                 {
                     nameof(Project.RequestedSupport), nameof(Project.ApprovedSupport), nameof(Project.CounterpartCommitted),
                     nameof(Project.BaseRecommendedSupport), nameof(Project.MinistryRecommendedSupport), nameof(Project.ContractValue),
                     nameof(Project.AcceptedAmount), nameof(Project.RealisedCounterpart), nameof(Project.SettledAmount), nameof(Project.ReturnedAmount),
                 })
        {
            builder.Property(money).HasPrecision(18, 0);
        }

        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.PlanYear, x.ProvinceId, x.Source });
        builder.HasIndex(x => new { x.ProvinceId, x.State });
        builder.HasIndex(x => x.State);
        // The project list's default order (newest change first, id as the tie-break) and that order under each
        // common filter, so that a page is read from an index in order instead of sorting every row (issue 14).
        builder.HasIndex(x => new { x.UpdatedAtUtc, x.Id });
        builder.HasIndex(x => new { x.PlanYear, x.UpdatedAtUtc, x.Id });
        builder.HasIndex(x => new { x.ProvinceId, x.UpdatedAtUtc, x.Id });
        builder.HasIndex(x => new { x.Source, x.UpdatedAtUtc, x.Id });
        builder.HasIndex(x => new { x.State, x.UpdatedAtUtc, x.Id });
        // The year order (newest plan year first, then code) read in index order at any depth; the id makes it
        // covering, so a deep page skips index entries instead of rows. The amount order's index is an expression
        // index each provider's migration writes by hand (ProjectListSql in each migrations project).
        builder.HasIndex(x => new { x.PlanYear, x.Code, x.Id }).IsDescending(true, false, false);
        builder.HasMany(x => x.Contents).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Beneficiaries).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Disbursements).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Adjustments).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.ProgressNotes).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectContentConfiguration : IEntityTypeConfiguration<ProjectContent>
{
    public void Configure(EntityTypeBuilder<ProjectContent> builder)
    {
        builder.Property(x => x.ContentCode).HasMaxLength(8).IsRequired();
        builder.Property(x => x.TotalCost).HasPrecision(18, 0);
        builder.Property(x => x.RequestedAmount).HasPrecision(18, 0);
        builder.HasIndex(x => new { x.ContentCode, x.ProjectId });
    }
}

internal sealed class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(300).IsRequired();
        builder.Property(x => x.TaxCode).HasMaxLength(14);
        builder.Property(x => x.Commune).HasMaxLength(200).IsRequired();
        builder.HasOne(x => x.Establishment).WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.EstablishmentId);
    }
}

internal sealed class ProjectOutcomeConfiguration : IEntityTypeConfiguration<ProjectOutcome>
{
    public void Configure(EntityTypeBuilder<ProjectOutcome> builder)
    {
        builder.Property(x => x.IndicatorCode).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Target).HasPrecision(18, 2);
        builder.Property(x => x.Actual).HasPrecision(18, 2);
        builder.HasIndex(x => new { x.ProjectId, x.IndicatorCode }).IsUnique();
    }
}

internal sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> builder)
    {
        builder.Property(x => x.Amount).HasPrecision(18, 0);
        builder.Property(x => x.Note).HasMaxLength(500);
        builder.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(x => new { x.ProjectId, x.Date });
    }
}

internal sealed class ProgressNoteConfiguration : IEntityTypeConfiguration<ProgressNote>
{
    public void Configure(EntityTypeBuilder<ProgressNote> builder)
    {
        builder.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        builder.Property(x => x.Action).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Amount).HasPrecision(18, 0);
        builder.Property(x => x.Comment).HasMaxLength(4000);
        builder.HasIndex(x => new { x.ProjectId, x.OccurredAtUtc });
    }
}

internal sealed class ProjectDocumentConfiguration : IEntityTypeConfiguration<ProjectDocument>
{
    public void Configure(EntityTypeBuilder<ProjectDocument> builder)
    {
        builder.Property(x => x.Category).HasMaxLength(200).IsRequired();
        builder.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.StorageName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class AdjustmentConfiguration : IEntityTypeConfiguration<Adjustment>
{
    public void Configure(EntityTypeBuilder<Adjustment> builder)
    {
        builder.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.NewAmount).HasPrecision(18, 0);
        builder.Property(x => x.Details).HasMaxLength(2000);
        builder.Property(x => x.PreviousAmount).HasPrecision(18, 0);
        builder.Property(x => x.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(x => x.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.DecidedBy).HasMaxLength(256);
        builder.Property(x => x.DecisionComment).HasMaxLength(2000);
        builder.HasIndex(x => new { x.Status, x.ProjectId });
    }
}
