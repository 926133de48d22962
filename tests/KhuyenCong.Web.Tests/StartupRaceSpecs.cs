using System.Net;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Two instances of the portal started at the same moment on one fresh database (a second node, a restart racing a
/// deploy): one used to crash on a duplicate demo account or an existing relation. Both must start, and the
/// database must hold one set of reference rows and demo accounts.
/// </summary>
public sealed class StartupRaceSpecs
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSQL")]
    public async Task Two_instances_starting_at_once_on_a_fresh_database_both_start_and_load_everything_once(string provider)
    {
        for (var round = 1; round <= 3; round++)
        {
            await using var database = provider == "Sqlite" ? TestDatabase.Sqlite() : await PostgresAsync();
            var settings = new Dictionary<string, string> { ["Portal:CreateDemoAccounts"] = "true" };
            await using var first = new PortalFactory(database, settings);
            await using var second = new PortalFactory(database, settings);

            using var go = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => { go.SignalAndWait(); return first.StartAsync(); }),
                Task.Run(() => { go.SignalAndWait(); return second.StartAsync(); }));

            Assert.Equal(HttpStatusCode.OK, (await first.Browser().GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await second.Browser().GetAsync("/health")).StatusCode);
            var counts = await first.WithDbAsync(async db => (
                Roles: await db.Roles.CountAsync(),
                Regions: await db.Regions.CountAsync(),
                Provinces: await db.Provinces.CountAsync(),
                Links: await db.ProvinceSuccessions.CountAsync(),
                Contents: await db.Contents.CountAsync(),
                Indicators: await db.OutcomeIndicators.CountAsync(),
                Users: await db.Users.CountAsync()));
            Assert.Equal((Domain.Identity.Roles.All.Count, 3, 97, 63, 10, 11, DemoAccounts.All.Count), counts);
            await second.Browser().SignInOkAsync(DemoAccounts.All[0].Email, DemoAccounts.Password);
        }
    }

    [Fact]
    public async Task An_instance_that_waits_for_another_ones_start_longer_than_the_command_timeout_still_starts()
    {
        await using var database = await PostgresAsync();
        // The other instance's start, held open: its lock, taken on the test's own connection.
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(other, $"SELECT pg_advisory_lock({DatabaseLock.PostgresKey})");
        // Every other command of the start is far below 3 s; the wait for the lock is longer.
        var impatient = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 3 }.ConnectionString;
        await using var portal = new PortalFactory(database, new Dictionary<string, string> { ["ConnectionStrings:KhuyenCong"] = impatient });

        var start = Task.Run(portal.StartAsync, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
        var waiting = !start.IsCompleted;
        await ExecuteAsync(other, $"SELECT pg_advisory_unlock({DatabaseLock.PostgresKey})");
        await start;

        Assert.True(waiting, "the second instance waited for the lock instead of giving up");
        Assert.Equal(HttpStatusCode.OK, (await portal.Browser().GetAsync("/health")).StatusCode);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<TestDatabase> PostgresAsync()
    {
        TestDatabase.RequirePostgres();
        return await TestDatabase.PostgresAsync();
    }
}
