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

    /// <summary>The configured provider (as written) and its connection string, the default SQLite file when none is given.</summary>
    public static (string Provider, string ConnectionString) Resolve(IConfiguration configuration, DataRoot dataRoot)
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

        return (provider, connectionString);
    }

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, DataRoot dataRoot)
    {
        var (provider, connectionString) = Resolve(configuration, dataRoot);

        // Every figure write renews the database's data version in its own transaction (the key of cached figures and list counts).
        var figureWrites = new Data.Figures.FigureWriteInterceptor();

        void Configure(DbContextOptionsBuilder options)
        {
            options.AddInterceptors(figureWrites);
            switch (provider.ToUpperInvariant())
            {
                case "SQLITE":
                    SqliteDatabase.Use(options, SqliteConnection(connectionString, configuration));
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

    /// <summary>
    /// The SQLite connection string with its busy timeout: Microsoft.Data.Sqlite retries a statement that meets
    /// another writer's lock for <c>Default Timeout</c> seconds (30 unless <c>Database:BusyTimeoutSeconds</c> or the
    /// connection string says otherwise) before failing with SQLITE_BUSY (<see cref="DatabaseBusy"/>). Every
    /// context, the importer's and the background jobs' included, is built from these options.
    /// </summary>
    internal static string SqliteConnection(string connectionString, IConfiguration configuration)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (configuration.GetValue<int?>("Database:BusyTimeoutSeconds") is { } seconds)
        {
            builder.DefaultTimeout = seconds;
        }

        return builder.ToString();
    }
}
