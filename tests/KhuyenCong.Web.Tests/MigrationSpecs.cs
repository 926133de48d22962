using KhuyenCong.Data;
using KhuyenCong.Data.Migrations.PostgreSql;
using KhuyenCong.Data.Migrations.Sqlite;
using KhuyenCong.Data.Migrations.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace KhuyenCong.Web.Tests;

/// <summary>Each provider's migrations match the model, and the SQL Server script (which cannot run here) parses.</summary>
public sealed class MigrationSpecs
{
    private static readonly string[] s_providers = ["Sqlite", "SqlServer", "PostgreSQL"];

    public static TheoryData<string> Providers => [.. s_providers];

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_provider_has_model_changes_without_a_migration(string provider)
    {
        using var db = Context(provider);
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run scripts/add-migration.sh to add a migration for the model changes.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Every_provider_has_the_same_migrations_by_name()
    {
        var names = s_providers.Select(p =>
        {
            using var db = Context(p);
            return string.Join(",", db.Database.GetMigrations().Select(m => m[15..]));
        }).Distinct().ToList();
        Assert.Single(names);
    }

    [Fact]
    public void The_sql_server_migration_script_parses_as_T_SQL()
    {
        using var db = Context("SqlServer");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("CREATE TABLE [Provinces]", script);
        Assert.Contains("decimal(18,0)", script);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
    }

    private static KhuyenCongDbContext Context(string provider)
    {
        var builder = new DbContextOptionsBuilder<KhuyenCongDbContext>();
        _ = provider switch
        {
            "Sqlite" => SqliteDatabase.Use(builder, "Data Source=:memory:"),
            "SqlServer" => SqlServerDatabase.Use(builder, "Server=localhost;Database=KhuyenCong;TrustServerCertificate=True"),
            _ => PostgreSqlDatabase.Use(builder, "Host=localhost;Database=khuyencong"),
        };
        return new KhuyenCongDbContext(builder.Options);
    }
}
