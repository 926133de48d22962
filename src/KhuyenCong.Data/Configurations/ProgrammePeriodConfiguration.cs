using KhuyenCong.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ProgrammePeriodConfiguration : IEntityTypeConfiguration<ProgrammePeriod>
{
    public void Configure(EntityTypeBuilder<ProgrammePeriod> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Decision).HasMaxLength(100).IsRequired();
        builder.HasIndex(x => x.FromYear).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
