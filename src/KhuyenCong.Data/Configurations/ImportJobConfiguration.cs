using KhuyenCong.Data.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(x => x.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(20).IsRequired();
        builder.Property(x => x.FileName).HasMaxLength(255).IsRequired();
        builder.Property(x => x.Content).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.FailureMessage).HasMaxLength(1000);
        builder.Property(x => x.ClaimedBy).HasMaxLength(64);
        // The runners look for queued and running jobs; the Excel page for the owner's recent ones.
        builder.HasIndex(x => new { x.State, x.Id });
        builder.HasIndex(x => new { x.OwnerId, x.Id });
    }
}
