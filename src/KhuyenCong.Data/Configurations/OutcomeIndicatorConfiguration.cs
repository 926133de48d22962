using KhuyenCong.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class OutcomeIndicatorConfiguration : IEntityTypeConfiguration<OutcomeIndicator>
{
    public void Configure(EntityTypeBuilder<OutcomeIndicator> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Unit).HasMaxLength(40).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
