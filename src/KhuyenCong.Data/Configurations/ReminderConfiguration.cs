using KhuyenCong.Data.Reminders;
using KhuyenCong.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Data.Configurations;

internal sealed class ReminderRuleConfiguration : IEntityTypeConfiguration<ReminderRule>
{
    public void Configure(EntityTypeBuilder<ReminderRule> builder)
    {
        builder.Property(x => x.DaysBefore).HasMaxLength(100).IsRequired();
        builder.Property(x => x.LegalBasis).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => x.Deadline).IsUnique();
    }
}

internal sealed class ReminderLedgerEntryConfiguration : IEntityTypeConfiguration<ReminderLedgerEntry>
{
    public void Configure(EntityTypeBuilder<ReminderLedgerEntry> builder)
    {
        builder.ToTable("ReminderLedger");
        builder.Property(x => x.DedupeKey).HasMaxLength(ReminderLedgerEntry.KeyLength).IsRequired();
        builder.Property(x => x.Occurrence).HasMaxLength(100).IsRequired();
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(400).IsRequired();
        builder.Property(x => x.Records).HasMaxLength(8000).IsRequired();
        builder.HasIndex(x => x.DedupeKey).IsUnique();
        builder.HasIndex(x => new { x.UserId, x.QueuedAtUtc });
    }
}
