using KhuyenCong.Domain.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class DoubleSupportWindowConfiguration : IEntityTypeConfiguration<DoubleSupportWindow>
{
    public void Configure(EntityTypeBuilder<DoubleSupportWindow> builder)
    {
        builder.Property(x => x.ContentCode).HasMaxLength(8);
        builder.Property(x => x.Activity).HasMaxLength(300).IsRequired();
        builder.Property(x => x.LegalBasis).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();

        // One row per content, and one default (no content).
        builder.HasIndex(x => x.ContentCode).IsUnique();
    }
}
