using KhuyenCong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KhuyenCong.Data.Migrations.SqlServer;

/// <summary>Configures the SqlServer provider with this assembly's migrations.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.GetName().Name));
}

/// <summary>Lets `dotnet ef` build the context for this provider (scripts/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KhuyenCongDbContext>
{
    public KhuyenCongDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<KhuyenCongDbContext>();
        SqlServerDatabase.Use(builder, "Server=localhost;Database=KhuyenCong;Trusted_Connection=True;TrustServerCertificate=True");
        return new KhuyenCongDbContext(builder.Options);
    }
}
