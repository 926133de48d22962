using Npgsql;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>A real, empty database for one test class: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "KHUYENCONG_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _file;

    private TestDatabase(string provider, string connectionString, string? adminConnection, string? file, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _file = file;
        Name = name;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string? Name { get; }

    public static TestDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kc-test-{Guid.NewGuid():N}.db");
        return new TestDatabase("Sqlite", $"Data Source={file};Pooling=False", null, file, null);
    }

    /// <summary>The PostgreSQL server named by KHUYENCONG_TEST_POSTGRES, or null when none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Skips the calling test unless a PostgreSQL server is configured (in CI, absence fails instead).</summary>
    public static void RequirePostgres() =>
        Optional.Require(PostgresServer is not null, $"PostgreSQL: set {PostgresVariable} to an Npgsql connection string of a server where the user may create databases (.ci/run does).");

    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = PostgresServer ?? throw new InvalidOperationException("No PostgreSQL server configured.");
        var name = $"kc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase("PostgreSQL", builder.ConnectionString, admin, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(f);
            }
        }

        if (_adminConnection is not null && Name is not null)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Optional test dependencies: absent ones skip with a reason, unless KHUYENCONG_REQUIRE_OPTIONAL=1 (CI), where they fail.</summary>
public static class Optional
{
    public static bool Required => Environment.GetEnvironmentVariable("KHUYENCONG_REQUIRE_OPTIONAL") == "1";

    public static void Require(bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail($"Required in this run but missing — {reason}");
        }

        Assert.Skip(reason);
    }
}
