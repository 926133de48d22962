using System.Data.Common;
using System.Runtime.CompilerServices;
using KhuyenCong.Data.Identity;
using KhuyenCong.Data.Imports;
using KhuyenCong.Domain.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KhuyenCong.Data.Figures;

/// <summary>
/// Renews <see cref="DataVersion.Stamp"/> in the transaction of every save that adds, changes or deletes anything a
/// report may count, so that it commits or rolls back with the write. A save on its own puts the UPDATE of the one row
/// into the same SaveChanges. A save inside a transaction the caller opened (an import writing in batches for
/// minutes) renews it only as that transaction commits: on PostgreSQL and SQL Server the UPDATE locks the row until
/// commit, and every other figure write would otherwise queue behind the import for its whole length.
/// It is a deny list (accounts, sessions, keys, the audit log, pending imports and import jobs are not figures) so
/// that an entity added later invalidates figures until someone decides otherwise.
/// </summary>
public sealed class FigureWriteInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Contexts whose open transaction holds figure writes and must renew the stamp when it commits.</summary>
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Renew(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Renew(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (TakePending(eventData.Context) is { } context)
        {
            Stamp(context).ExecuteUpdate(s => s.SetProperty(v => v.Stamp, Guid.NewGuid()));
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (TakePending(eventData.Context) is { } context)
        {
            await Stamp(context).ExecuteUpdateAsync(s => s.SetProperty(v => v.Stamp, Guid.NewGuid()), cancellationToken);
        }

        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => TakePending(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TakePending(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Whether a changed entity can change a figure: everything but accounts and bookkeeping.</summary>
    public static bool ChangesFigures(object entity) => entity is not (DataVersion or AuditEntry or PendingImport or ImportJob or DataProtectionKey
        or AppUser or IdentityRole or IdentityUserRole<string> or IdentityUserClaim<string> or IdentityUserLogin<string>
        or IdentityUserToken<string> or IdentityRoleClaim<string> or UserRegion or ApiToken
        or Reminders.ReminderLedgerEntry or Domain.Reminders.ReminderRule);

    private static IQueryable<DataVersion> Stamp(DbContext context) => context.Set<DataVersion>().Where(v => v.Id == DataVersion.SingleId);

    private DbContext? TakePending(DbContext? context) => context is not null && pending.TryGetValue(context, out _) && pending.Remove(context) ? context : null;

    private void Renew(DbContext? context)
    {
        if (context?.Model.FindEntityType(typeof(DataVersion)) is null
            || !context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ChangesFigures(e.Entity)))
        {
            return;
        }

        if (context.Database.CurrentTransaction is not null)
        {
            pending.AddOrUpdate(context, this);
            return;
        }

        var entry = context.ChangeTracker.Entries<DataVersion>().FirstOrDefault(e => e.Entity.Id == DataVersion.SingleId)
            ?? context.Attach(new DataVersion { Id = DataVersion.SingleId });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(v => v.Stamp).IsModified = true;
    }
}
