using System.Net;
using System.Text.Json;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The read endpoints answer as the pages do: the provinces valid at a date across the 1 July 2025 merger, with a
/// merged province's predecessors, and the nationwide completeness board for national readers only.
/// </summary>
public abstract class ApiReadSpecs(PortalFixture fixture)
{
    [Theory]
    [InlineData("2025-06-30", 63)]
    [InlineData("2025-07-01", 34)]
    public async Task The_provinces_are_those_valid_at_the_date_asked(string date, int expected)
    {
        var portal = await fixture.GetAsync();
        var client = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/provinces?date={date}"));
        Assert.Equal(expected, body.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_merged_province_lists_its_predecessors_and_a_bad_date_is_a_400_problem()
    {
        var portal = await fixture.GetAsync();
        var client = await portal.ApiClientAsync(PortalFixture.Viewer);
        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/provinces?date=2026-01-01"));
        var bacNinh = body.RootElement.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "24");
        Assert.Equal("Bắc Ninh", bacNinh.GetProperty("name").GetString());
        Assert.Equal(2, bacNinh.GetProperty("predecessors").GetArrayLength());

        var bad = await client.GetAsync("/api/v1/provinces?date=31/02/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_completeness_board_is_for_national_readers_as_on_the_page()
    {
        var portal = await fixture.GetAsync();
        var officer = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        var refused = await officer.GetAsync("/api/v1/periodic-reports/completeness");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var ministry = await portal.ApiClientAsync(PortalFixture.MinistryOfficer);
        var board = await ministry.GetAsync("/api/v1/periodic-reports/completeness");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        using var body = JsonDocument.Parse(await board.Content.ReadAsStringAsync());
        Assert.Equal(34, body.RootElement.GetProperty("expected").GetInt32());
    }
}

public sealed class ApiReadSqlite(SqlitePortalFixture fixture) : ApiReadSpecs(fixture), IClassFixture<SqlitePortalFixture>;

public sealed class ApiReadPostgreSql(PostgresPortalFixture fixture) : ApiReadSpecs(fixture), IClassFixture<PostgresPortalFixture>;
