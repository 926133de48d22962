using KhuyenCong.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(50).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.Body).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.Link).HasMaxLength(500).IsRequired();
        builder.Property(x => x.DedupeKey).HasMaxLength(200).IsRequired();
        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // Never twice the same event or reminder for one person.
        builder.HasIndex(x => new { x.UserId, x.DedupeKey }).IsUnique();
        // The bell counts a user's unread ones; the page lists a user's newest first.
        builder.HasIndex(x => new { x.UserId, x.ReadAtUtc });
        builder.HasIndex(x => new { x.UserId, x.Id });
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(300).IsRequired();
        builder.Property(x => x.TextBody).IsRequired();
        builder.Property(x => x.HtmlBody).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.LastError).HasMaxLength(1000);
        builder.Property(x => x.LeaseOwner).HasMaxLength(64);
        builder.HasOne(x => x.Notification).WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.SetNull);
        // The dispatchers look for what is due; the admin page lists the newest first.
        builder.HasIndex(x => new { x.State, x.NextAttemptAtUtc });
        builder.HasIndex(x => x.UserId);
    }
}
