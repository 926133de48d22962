using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ReportDeadlineConfiguration : IEntityTypeConfiguration<ReportDeadline>
{
    public void Configure(EntityTypeBuilder<ReportDeadline> builder)
    {
        builder.Property(x => x.LegalBasis).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Period, x.FromYear }).IsUnique();
    }
}
