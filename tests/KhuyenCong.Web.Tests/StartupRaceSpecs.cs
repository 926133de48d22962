using System.Net;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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

    private static async Task<TestDatabase> PostgresAsync()
    {
        TestDatabase.RequirePostgres();
        return await TestDatabase.PostgresAsync();
    }
}
