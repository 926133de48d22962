using KhuyenCong.Domain.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ProvinceSuccessionConfiguration : IEntityTypeConfiguration<ProvinceSuccession>
{
    public void Configure(EntityTypeBuilder<ProvinceSuccession> builder)
    {
        builder.HasOne(x => x.Predecessor).WithMany(p => p.Successors).HasForeignKey(x => x.PredecessorId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Successor).WithMany(p => p.Predecessors).HasForeignKey(x => x.SuccessorId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.PredecessorId, x.SuccessorId }).IsUnique();
    }
}
