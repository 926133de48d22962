using KhuyenCong.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ContentConfiguration : IEntityTypeConfiguration<Content>
{
    public void Configure(EntityTypeBuilder<Content> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(8).IsRequired();
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(400).IsRequired();
        builder.Property(x => x.SearchKey).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
