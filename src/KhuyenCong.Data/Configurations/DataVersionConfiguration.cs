using KhuyenCong.Data.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(x => x.Id).ValueGeneratedNever();
        // The row exists from the first migration on, so renewing the stamp is always an UPDATE of one row.
        builder.HasData(new DataVersion { Id = DataVersion.SingleId, Stamp = new Guid("6f1c7a52-0e5b-4c39-9a57-2a0d3c1e8b14") });
    }
}
