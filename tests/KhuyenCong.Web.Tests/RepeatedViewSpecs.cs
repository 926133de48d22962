using System.Net;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// A page opened again with nothing written in between (issue 14): what it shows is kept under the data version, so
/// the second view sends the database no more than the version's read, whatever the page computes the first time.
/// </summary>
public sealed class RepeatedViewSpecs(SqlitePortalFixture fixture, ITestOutputHelper output) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData(PortalFixture.MinistryOfficer, "/")]
    [InlineData(PortalFixture.OfficerBacNinh, "/")]
    [InlineData(PortalFixture.OfficerBacNinh, "/Projects")]
    [InlineData(PortalFixture.MinistryOfficer, "/Projects?q=bac+ninh&year=2025")]
    [InlineData(PortalFixture.MinistryOfficer, "/Projects/Queue")]
    [InlineData(PortalFixture.MinistryOfficer, "/Plans")]
    [InlineData(PortalFixture.OfficerBacNinh, "/Plans")]
    [InlineData(PortalFixture.OrganiserSouth, "/Reports/Conference?region=NAM&year=2025")]
    [InlineData(PortalFixture.MinistryOfficer, "/Reports/Completeness")]
    [InlineData(PortalFixture.OfficerBacNinh, "/Reports/Periodic")]
    [InlineData(PortalFixture.MinistryOfficer, "/Reports/Periodic")]
    [InlineData(PortalFixture.MinistryOfficer, "/Reports/Programme")]
    public async Task A_page_seen_again_reads_only_the_data_version(string user, string url)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);

        using var log = new CommandLog(portal.Database.ConnectionString);
        var again = await client.GetAsync(url);
        var commands = log.TakeCommands();
        foreach (var command in commands)
        {
            output.WriteLine(command.ReplaceLineEndings(" "));
        }

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(commands.Count <= 1, $"{url} seen again sent {commands.Count} SQL commands");
    }
}
