using KhuyenCong.Data.Identity;
using KhuyenCong.Data.Imports;
using KhuyenCong.Domain.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KhuyenCong.Data.Figures;

/// <summary>
/// Renews <see cref="DataVersion.Stamp"/> in every save that adds, changes or deletes anything a report may count:
/// the UPDATE of the one row goes into the same SaveChanges, so the same transaction, as the write, and commits or
/// rolls back with it. It is a deny list (accounts, sessions, keys, the audit log, pending imports are not figures)
/// so that an entity added later invalidates figures until someone decides otherwise.
/// </summary>
public sealed class FigureWriteInterceptor : SaveChangesInterceptor
{
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

    /// <summary>Whether a changed entity can change a figure: everything but accounts and bookkeeping.</summary>
    public static bool ChangesFigures(object entity) => entity is not (DataVersion or AuditEntry or PendingImport or DataProtectionKey
        or AppUser or IdentityRole or IdentityUserRole<string> or IdentityUserClaim<string> or IdentityUserLogin<string>
        or IdentityUserToken<string> or IdentityRoleClaim<string> or UserRegion);

    private static void Renew(DbContext? context)
    {
        if (context?.Model.FindEntityType(typeof(DataVersion)) is null
            || !context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ChangesFigures(e.Entity)))
        {
            return;
        }

        var entry = context.ChangeTracker.Entries<DataVersion>().FirstOrDefault(e => e.Entity.Id == DataVersion.SingleId)
            ?? context.Attach(new DataVersion { Id = DataVersion.SingleId });
        entry.Entity.Stamp = Guid.NewGuid();
        entry.Property(v => v.Stamp).IsModified = true;
    }
}
