using KhuyenCong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KhuyenCong.Data.Migrations.Sqlite;

/// <summary>Configures the Sqlite provider with this assembly's migrations.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));
}

/// <summary>Lets `dotnet ef` build the context for this provider (scripts/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KhuyenCongDbContext>
{
    public KhuyenCongDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<KhuyenCongDbContext>();
        SqliteDatabase.Use(builder, "Data Source=design-time.db");
        return new KhuyenCongDbContext(builder.Options);
    }
}
