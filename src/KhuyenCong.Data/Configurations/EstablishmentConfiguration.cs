using KhuyenCong.Domain.Establishments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.Property(x => x.TaxCode).HasMaxLength(14);
        builder.Property(x => x.PortalCode).HasMaxLength(16).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(EstablishmentRules.NameLength).IsRequired();
        builder.Property(x => x.Commune).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Address).HasMaxLength(400);
        builder.Property(x => x.Sector).HasMaxLength(200);
        builder.Property(x => x.MainProducts).HasMaxLength(500);
        builder.Property(x => x.ContactName).HasMaxLength(200);
        builder.Property(x => x.Phone).HasMaxLength(30);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.MatchKey).HasMaxLength(520).IsRequired();
        builder.Property(x => x.SearchKey).HasMaxLength(2000).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Ignore(x => x.Identifier);
        builder.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);

        // A tax code names one establishment nationwide; those without one are told apart by the portal code.
        builder.HasIndex(x => x.TaxCode).IsUnique();
        builder.HasIndex(x => x.PortalCode).IsUnique();
        builder.HasIndex(x => new { x.ProvinceId, x.MatchKey });
        builder.HasIndex(x => new { x.ProvinceId, x.Name });
    }
}
