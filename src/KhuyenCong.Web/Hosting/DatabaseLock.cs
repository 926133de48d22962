using KhuyenCong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// One lock for the whole database, held while an instance loads reference data and demo accounts at start: two
/// instances started at once on a fresh database both found the rows missing and both inserted them (a duplicate
/// demo account crashed one). Inside the lock the loaders read what is there again, so the second instance adds
/// nothing. PostgreSQL: a session advisory lock; SQL Server: a session application lock (sp_getapplock); SQLite:
/// EF Core's own migrations lock row (<c>__EFMigrationsLock</c>), as there is no lock outside a transaction there.
/// </summary>
public static class DatabaseLock
{
    /// <summary>The advisory lock key on PostgreSQL ("KhuyenCg" in ASCII); any fixed number other programs do not use.</summary>
    internal const long PostgresKey = 0x4B6875_79656E4367;

    /// <summary>
    /// How long an instance waits for another to finish its start (the SQL Server lock's own timeout too). Waiting is
    /// one command, which the default command timeout (30 s) used to cut short: with several instances (or verbs)
    /// starting at once on a busy machine, the last in line failed its start with a timeout.
    /// </summary>
    private static readonly TimeSpan s_wait = TimeSpan.FromMilliseconds(600_000);

    private const string SqlServerResource = "KhuyenCong.Startup";

    /// <summary>
    /// True where the lock is not EF Core's own (PostgreSQL, SQL Server), so migrating may run inside it. On PostgreSQL
    /// it must: two migrators at once on a fresh database both created the tables (42P07 "relation already exists").
    /// </summary>
    public static bool CoversMigrations(KhuyenCongDbContext db) => !(db.Database.ProviderName ?? string.Empty).Contains("Sqlite", StringComparison.Ordinal);

    public static async Task<T> RunAsync<T>(KhuyenCongDbContext db, Func<Task<T>> work, CancellationToken ct = default)
    {
        var provider = db.Database.ProviderName ?? string.Empty;
        if (provider.Contains("Sqlite", StringComparison.Ordinal))
        {
            // Waits (polling) while another instance holds the row; released by deleting it.
            var sqliteLock = await db.GetService<IHistoryRepository>().AcquireDatabaseLockAsync(ct);
            await using (sqliteLock)
            {
                return await work();
            }
        }

        var (take, release) = provider.Contains("Npgsql", StringComparison.Ordinal)
            ? ($"SELECT pg_advisory_lock({PostgresKey})", $"SELECT pg_advisory_unlock({PostgresKey})")
            : provider.Contains("SqlServer", StringComparison.Ordinal)
                ? ($"DECLARE @r int; EXEC @r = sp_getapplock @Resource = N'{SqlServerResource}', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 600000; " +
                   "IF @r < 0 THROW 50000, N'KhuyenCong: start-up lock not granted', 1;",
                   $"EXEC sp_releaseapplock @Resource = N'{SqlServerResource}', @LockOwner = N'Session';")
                : throw new InvalidOperationException($"No start-up lock for provider {provider}.");

        // A session lock lives on one connection: keep the context's connection open until it is released.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
#pragma warning disable EF1002 // constant SQL, nothing from outside
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(s_wait);
            try
            {
                await db.Database.ExecuteSqlRawAsync(take, ct);
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }

            try
            {
                return await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync(release, CancellationToken.None);
            }
#pragma warning restore EF1002
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
