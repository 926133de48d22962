using KhuyenCong.Domain.Votes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Organiser).HasMaxLength(200).IsRequired();
        builder.Property(x => x.DecisionNumber).HasMaxLength(60);
        builder.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.SearchKey).HasMaxLength(700).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne<Domain.Geography.Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Geography.Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Projects.Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Provinces).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Products).WithOne(x => x.Vote).HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Council).WithOne().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.Year, x.Level });
    }
}

internal sealed class VoteProvinceConfiguration : IEntityTypeConfiguration<VoteProvince>
{
    public void Configure(EntityTypeBuilder<VoteProvince> builder)
    {
        builder.HasKey(x => new { x.VoteId, x.ProvinceId });
        builder.HasOne<Domain.Geography.Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteProductConfiguration : IEntityTypeConfiguration<VoteProduct>
{
    public void Configure(EntityTypeBuilder<VoteProduct> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(4000);
        builder.Property(x => x.RegisteredBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.CertificateNumber).HasMaxLength(40);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne(x => x.Establishment).WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VoteProduct>().WithMany().HasForeignKey(x => x.NominatedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.VoteId, x.CertificateNumber }).IsUnique();
        builder.HasIndex(x => x.EstablishmentId);
        // One product is put forward once to one vote.
        builder.HasIndex(x => new { x.VoteId, x.NominatedFromId }).IsUnique();
    }
}

internal sealed class VoteProductFileConfiguration : IEntityTypeConfiguration<VoteProductFile>
{
    public void Configure(EntityTypeBuilder<VoteProductFile> builder)
    {
        builder.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(x => x.StorageName).HasMaxLength(100).IsRequired();
        builder.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class VoteCouncilMemberConfiguration : IEntityTypeConfiguration<VoteCouncilMember>
{
    public void Configure(EntityTypeBuilder<VoteCouncilMember> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(256).IsRequired();
        builder.HasIndex(x => new { x.VoteId, x.UserId }).IsUnique();
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Domain.Geography.Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteScoreConfiguration : IEntityTypeConfiguration<VoteScore>
{
    public void Configure(EntityTypeBuilder<VoteScore> builder)
    {
        builder.Property(x => x.ReviewerId).HasMaxLength(450).IsRequired();
        builder.HasIndex(x => new { x.ProductId, x.ReviewerId, x.CriterionId }).IsUnique();
        builder.HasOne<VoteCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VoteCriterionConfiguration : IEntityTypeConfiguration<VoteCriterion>
{
    public void Configure(EntityTypeBuilder<VoteCriterion> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(300).IsRequired();
        builder.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class VotePassMarkConfiguration : IEntityTypeConfiguration<VotePassMark>
{
    public void Configure(EntityTypeBuilder<VotePassMark> builder)
    {
        builder.Property(x => x.LegalBasis).HasMaxLength(300).IsRequired();
        builder.HasIndex(x => new { x.Level, x.ValidFrom }).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
