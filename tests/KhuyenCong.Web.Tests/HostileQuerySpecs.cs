using System.Net;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// No query string may produce a 5xx: every page and GET handler is walked with hostile values for each of its
/// parameters, as each kind of user; out-of-range values get a Vietnamese message or 400/404, never a server error.
/// </summary>
public sealed class HostileQuerySpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static readonly string[] s_values = ["0", "-1", "10000", "99999999999999999999", "", "abc", "1e9", "31/02/2026", "%00", "' OR 1=1 --", "<script>x</script>", "ZZZ"];

    /// <summary>Each page or handler with the parameters it reads from the query string.</summary>
    private static readonly (string Path, string[] Parameters)[] s_pages =
    [
        ("/", []),
        ("/Projects", ["year", "province", "region", "source", "kind", "content", "state", "q", "sort", "dir", "p"]),
        ("/Projects?province=24%402025-06-30", ["province", "dir"]),
        ("/Projects/Queue", ["sort", "dir"]),
        ("/Plans", ["year", "asOf"]),
        ("/Exchange", []),
        ("/Exchange?handler=Template&sheet=DeAn", ["year", "sheet"]),
        ("/Exchange?handler=Template&sheet=KeHoach", ["year"]),
        ("/Exchange?handler=Export&kind=projects", ["year", "province", "kind"]),
        ("/Reports/Conference", ["region", "year", "cutoff", "boundaries"]),
        ("/Reports/Conference?handler=Excel&region=BAC&year=2026&cutoff=30/09/2026", ["region", "year", "cutoff", "boundaries"]),
        ("/Reports/Conference?handler=Word&region=BAC&year=2026&cutoff=30/09/2026", ["region", "year", "doc.Filled", "doc.Number"]),
        ("/Reports/Conference?handler=Word&region=BAC&year=2026&cutoff=30/09/2026&doc.Filled=true&doc.IssuingBody=S%E1%BB%9F&doc.Number=1%2FBC&doc.Place=H%C3%A0%20N%E1%BB%99i&doc.Position=Gi%C3%A1m%20%C4%91%E1%BB%91c",
            ["doc.ParentBody", "doc.Date", "doc.Authority", "doc.Signer", "doc.Recipients"]),
        ("/Reports/Programme", ["from", "to", "period", "region", "cutoff"]),
        ("/Reports/Programme?handler=Excel&from=2014&to=2018", ["from", "to", "region", "cutoff"]),
        ("/Reports/Periodic", ["year", "period", "status", "p"]),
        ("/Reports/Completeness", ["year", "period", "region"]),
        ("/Reference/Provinces", ["asOf", "q", "region", "p"]),
        ("/Reference/Norms", ["asOf", "content"]),
        ("/Reference/Contents", ["q"]),
        ("/Admin/Audit", ["type", "user", "p"]),
        ("/Admin/Users", ["q", "role", "sort", "dir", "p"]),
        ("/Account/Login", ["ReturnUrl"]),
        ("/Error", ["code"]),
    ];

    [Theory]
    [InlineData(PortalFixture.Admin)]
    [InlineData(PortalFixture.MinistryOfficer)]
    [InlineData(PortalFixture.OfficerBacNinh)]
    [InlineData(PortalFixture.OrganiserNorth)]
    public async Task No_hostile_query_value_gets_a_server_error(string email)
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(email);
        var failures = new List<string>();
        foreach (var (path, parameters) in s_pages)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in s_values)
                {
                    var url = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{parameter}={Uri.EscapeDataString(value)}";
                    using var response = await client.GetAsync(url);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{url} → {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Years_out_of_range_are_answered_in_vietnamese()
    {
        var portal = await fixture.GetAsync();
        var client = portal.Browser();
        await client.SignInOkAsync(PortalFixture.MinistryOfficer);
        Assert.Contains("Năm kế hoạch phải từ 2000 đến 2100; đang hiển thị năm nay.", HttpForms.Text(await client.GetPageAsync("/Plans?year=0")));
        Assert.Contains("Năm báo cáo phải từ 2012 đến 2035.", HttpForms.Text(await client.GetPageAsync("/Reports/Conference?region=BAC&year=-1")));
        using var template = await client.GetAsync("/Exchange?handler=Template&sheet=DeAn&year=10000");
        Assert.Equal(HttpStatusCode.BadRequest, template.StatusCode);
        Assert.Contains("Năm của mẫu phải từ 2000 đến 2100.", await template.Content.ReadAsStringAsync());
    }
}
