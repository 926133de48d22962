using KhuyenCong.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class SupportNormConfiguration : IEntityTypeConfiguration<SupportNorm>
{
    public void Configure(EntityTypeBuilder<SupportNorm> builder)
    {
        builder.Property(x => x.ContentCode).HasMaxLength(8).IsRequired();
        builder.Property(x => x.Activity).HasMaxLength(300).IsRequired();
        builder.Property(x => x.LegalBasis).HasMaxLength(200).IsRequired();
        builder.Property(x => x.MaxSharePercent).HasPrecision(5, 2);
        builder.Property(x => x.CeilingDong).HasPrecision(18, 0);
        builder.Property(x => x.PriorityMultiplier).HasPrecision(4, 2);
        builder.HasIndex(x => new { x.ContentCode, x.EffectiveFrom });
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
