using KhuyenCong.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(2).IsRequired();
        // Codes are reused across periods: unique only together with the start of validity.
        builder.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.Property(x => x.SearchKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => x.SearchKey);
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
