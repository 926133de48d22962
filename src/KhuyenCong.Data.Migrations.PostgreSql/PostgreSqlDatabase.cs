using KhuyenCong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KhuyenCong.Data.Migrations.PostgreSql;

/// <summary>Configures the PostgreSql provider with this assembly's migrations and its own part of the model (<see cref="PostgreSqlModel"/>).</summary>
public static class PostgreSqlDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgreSqlModel>();
}

/// <summary>Lets `dotnet ef` build the context for this provider (scripts/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<KhuyenCongDbContext>
{
    public KhuyenCongDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<KhuyenCongDbContext>();
        PostgreSqlDatabase.Use(builder, "Host=localhost;Database=khuyencong;Username=postgres");
        return new KhuyenCongDbContext(builder.Options);
    }
}
