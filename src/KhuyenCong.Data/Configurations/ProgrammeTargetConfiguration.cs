using KhuyenCong.Domain.Reference;
using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ProgrammeTargetConfiguration : IEntityTypeConfiguration<ProgrammeTarget>
{
    public void Configure(EntityTypeBuilder<ProgrammeTarget> builder)
    {
        builder.Property(x => x.Measure).HasMaxLength(50).IsRequired();
        builder.Property(x => x.Target).HasPrecision(18, 0);
        builder.Property(x => x.Note).HasMaxLength(500).IsRequired();
        builder.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasOne<ProgrammePeriod>().WithMany().HasForeignKey(x => x.ProgrammePeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.ProgrammePeriodId, x.Measure }).IsUnique();
    }
}
