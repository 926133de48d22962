using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class PeriodicReportConfiguration : IEntityTypeConfiguration<PeriodicReport>
{
    public void Configure(EntityTypeBuilder<PeriodicReport> builder)
    {
        foreach (var money in new[] { nameof(PeriodicReport.PlanKcqg), nameof(PeriodicReport.PlanKcdp), nameof(PeriodicReport.ExecutedKcqg),
                     nameof(PeriodicReport.ExecutedKcdp), nameof(PeriodicReport.CounterpartPaid) })
        {
            builder.Property(money).HasPrecision(18, 0);
        }

        builder.Property(x => x.Results).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.Difficulties).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.Proposals).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.OutcomesJson).IsRequired();
        builder.Ignore(x => x.Outcomes);
        builder.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(x => x.SubmittedBy).HasMaxLength(256);
        builder.Property(x => x.ReopenedBy).HasMaxLength(256);
        builder.Property(x => x.ReopenReason).HasMaxLength(1000);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.PlanTotal);
        builder.Ignore(x => x.ExecutedTotal);
        builder.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ProvinceId, x.Year, x.Period }).IsUnique();
        builder.HasIndex(x => new { x.Year, x.Period });
    }
}
