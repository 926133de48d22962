using KhuyenCong.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ProvinceRegionMembershipConfiguration : IEntityTypeConfiguration<ProvinceRegionMembership>
{
    public void Configure(EntityTypeBuilder<ProvinceRegionMembership> builder)
    {
        builder.HasOne(x => x.Province).WithMany(p => p.RegionMemberships).HasForeignKey(x => x.ProvinceId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ProvinceId, x.ValidFrom }).IsUnique();
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}
