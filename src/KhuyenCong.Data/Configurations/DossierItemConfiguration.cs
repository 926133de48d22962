using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class DossierItemConfiguration : IEntityTypeConfiguration<DossierItem>
{
    public void Configure(EntityTypeBuilder<DossierItem> builder)
    {
        builder.Property(x => x.ContentCode).HasMaxLength(8);
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.LegalBasis).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => new { x.ContentCode, x.Name }).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
