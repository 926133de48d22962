using KhuyenCong.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(x => x.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(x => x.RevokedBy).HasMaxLength(256);
        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // Every API call finds its token by the hash; the token pages list a user's tokens.
        builder.HasIndex(x => x.SecretHash).IsUnique();
        builder.HasIndex(x => new { x.UserId, x.Id });
    }
}
