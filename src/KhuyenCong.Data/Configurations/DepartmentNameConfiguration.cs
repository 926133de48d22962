using KhuyenCong.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class DepartmentNameConfiguration : IEntityTypeConfiguration<DepartmentName>
{
    public void Configure(EntityTypeBuilder<DepartmentName> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Abbreviation).HasMaxLength(40).IsRequired();
        builder.HasIndex(x => x.ValidFrom).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
