using KhuyenCong.Data;
using KhuyenCong.Data.Migrations.PostgreSql;
using KhuyenCong.Data.Migrations.Sqlite;
using KhuyenCong.Data.Migrations.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Hosting;

/// <summary>Chooses the database provider from <c>Database:Provider</c> and its connection string (SQLite by default: <c>khuyencong.db</c> in the data root).</summary>
public static class DatabaseSetup
{
    public const string ConnectionName = "KhuyenCong";

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, DataRoot dataRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is required for provider {provider}.");
            }

            connectionString = $"Data Source={Path.Combine(dataRoot.Path, "khuyencong.db")}";
        }

        // Every figure write renews the database's data version in its own transaction (the key of cached figures and list counts).
        var figureWrites = new Data.Figures.FigureWriteInterceptor();

        void Configure(DbContextOptionsBuilder options)
        {
            options.AddInterceptors(figureWrites);
            switch (provider.ToUpperInvariant())
            {
                case "SQLITE":
                    SqliteDatabase.Use(options, connectionString);
                    break;
                case "SQLSERVER":
                    SqlServerDatabase.Use(options, connectionString);
                    break;
                case "POSTGRESQL":
                    PostgreSqlDatabase.Use(options, connectionString);
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{provider}' is not one of Sqlite, SqlServer, PostgreSQL.");
            }
        }

        services.AddDbContext<KhuyenCongDbContext>(Configure);
        services.AddDbContextFactory<KhuyenCongDbContext>(Configure, ServiceLifetime.Scoped);
        return services;
    }
}
