using KhuyenCong.Data;
using KhuyenCong.Data.ReferenceData;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// Migrates the database and loads reference data (the <c>migrate</c> verb, and first start). Several instances may
/// start at once on the same database: reference data (and whatever the caller loads after it,
/// <see cref="UnderLockAsync{T}"/>) is loaded under <see cref="DatabaseLock"/>, and so is migration on PostgreSQL and
/// SQL Server, where EF Core's own migrations lock did not keep two instances from both creating the tables of a fresh
/// database (42P07; a migration step that cannot run in a transaction is one way through it). On SQLite EF Core's
/// lock row serialises migrators, and <see cref="DatabaseLock"/> uses that same row afterwards.
/// </summary>
public sealed class DatabaseInitializer(KhuyenCongDbContext db, IDataProtectionProvider dataProtection, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Runs first-start loading (demo accounts, demo projects) under the database-wide lock; it must re-check what exists.</summary>
    public Task<T> UnderLockAsync<T>(Func<Task<T>> work, CancellationToken ct = default) => DatabaseLock.RunAsync(db, work, ct);

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }

        int added;
        if (DatabaseLock.CoversMigrations(db))
        {
            // The lock lives on a connection to the database, so the database must exist first (another instance may create it meanwhile).
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                try
                {
                    await creator.CreateAsync(ct);
                }
                catch (System.Data.Common.DbException)
                {
                    if (!await creator.ExistsAsync(ct))
                    {
                        throw;
                    }
                }
            }

            added = await UnderLockAsync(async () =>
            {
                await db.Database.MigrateAsync(ct);
                var loaded = await new ReferenceDataLoader(db).LoadAsync(ct);
                await LinkBeneficiariesAsync(ct);
                EnsureKeyRing();
                return loaded;
            }, ct);
        }
        else
        {
            // SQLite: EF Core's migrator takes the same lock row itself, so it runs before the lock is taken.
            await db.Database.MigrateAsync(ct);
            await UseWriteAheadLogAsync(ct);
            added = await UnderLockAsync(async () =>
            {
                var loaded = await new ReferenceDataLoader(db).LoadAsync(ct);
                await LinkBeneficiariesAsync(ct);
                EnsureKeyRing();
                return loaded;
            }, ct);
        }

        logger.LogInformation("Reference data: {Added} row(s) added", added);
        return added;
    }

    /// <summary>
    /// The registry's one-off migration (docs/domain.md §12): beneficiary lines stored before establishments existed are
    /// linked to registry entries, merged by tax code, else by name and commune; nothing else of them changes. A no-op
    /// once every line is linked.
    /// </summary>
    private async Task LinkBeneficiariesAsync(CancellationToken ct)
    {
        var linked = await Data.Establishments.EstablishmentLinker.BackfillAsync(db, ct: ct);
        if (linked > 0)
        {
            logger.LogInformation("Establishments: {Linked} beneficiary line(s) linked to the registry", linked);
        }
    }

    /// <summary>
    /// Makes the Data Protection key ring exist (a key in <c>DataProtectionKeys</c>), under the lock. Left to each
    /// instance's first use, instances started at once on a fresh database (or after the migrate verb, which made no
    /// key) may each create a key of their own, and one that read the ring before the other's key was written cannot
    /// read that instance's cookies and anti-forgery tokens until it reads the ring again. Protecting anything reads
    /// the ring from the database and creates a key only when there is none.
    /// </summary>
    private void EnsureKeyRing() => _ = dataProtection.CreateProtector("KhuyenCong.KeyRing").Protect([1]);

    /// <summary>
    /// SQLite in WAL mode: readers see the last committed snapshot and never wait for a writer, even one holding
    /// a large import's transaction for a minute, and a writer does not wait for readers. The mode is stored in
    /// the database file, so setting it once at start covers every later connection (and the -wal file must be
    /// backed up with the database, docs/operations.md).
    /// </summary>
    private async Task UseWriteAheadLogAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            logger.LogInformation("SQLite journal mode: {Mode}", await command.ExecuteScalarAsync(ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Demo accounts, one per role and scope, for Development only (listed in the README).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-KhuyenCong-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Province, string[] Regions)> All =
    [
        ("admin@khuyencong.local", "Quản trị hệ thống", Domain.Identity.Roles.Admin, null, []),
        ("cuc.chuyenvien@khuyencong.local", "Nguyễn Văn Cục", Domain.Identity.Roles.MinistryOfficer, null, []),
        ("cuc.lanhdao@khuyencong.local", "Trần Thị Lãnh Đạo", Domain.Identity.Roles.MinistryApprover, null, []),
        ("bacninh.chuyenvien@khuyencong.local", "Lê Văn Bắc", Domain.Identity.Roles.ProvinceOfficer, "24", []),
        ("bacninh.lanhdao@khuyencong.local", "Phạm Thị Ninh", Domain.Identity.Roles.ProvinceApprover, "24", []),
        ("hanoi.chuyenvien@khuyencong.local", "Đỗ Văn Hà", Domain.Identity.Roles.ProvinceOfficer, "01", []),
        ("hanoi.lanhdao@khuyencong.local", "Vũ Thị Nội", Domain.Identity.Roles.ProvinceApprover, "01", []),
        ("bantochuc.nam@khuyencong.local", "Ban tổ chức phía Nam", Domain.Identity.Roles.ConferenceOrganiser, null, ["NAM"]),
        ("bantochuc.bac@khuyencong.local", "Ban tổ chức phía Bắc", Domain.Identity.Roles.ConferenceOrganiser, null, ["BAC"]),
        ("xem@khuyencong.local", "Thanh tra Bộ", Domain.Identity.Roles.Viewer, null, []),
        ("hoidong@khuyencong.local", "Hoàng Văn Hội Đồng", Domain.Identity.Roles.Reviewer, null, []),
    ];

    public static async Task EnsureAsync(UserAccounts accounts, KhuyenCongDbContext db, ILogger logger, CancellationToken ct = default)
    {
        foreach (var (email, name, role, province, regions) in All)
        {
            if (await db.Users.AnyAsync(u => u.Email == email, ct))
            {
                continue;
            }

            var result = await accounts.CreateAsync(
                new UserInput { Email = email, FullName = name, Role = role, ProvinceCode = province, Regions = [.. regions] },
                Password, ct);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo account {Email} not created: {Errors}", email, string.Join("; ", result.Errors.Select(e => e.Message)));
            }
        }
    }
}
