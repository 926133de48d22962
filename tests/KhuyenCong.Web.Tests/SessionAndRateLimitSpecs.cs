using System.Net;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Web.Tests.Infrastructure;

namespace KhuyenCong.Web.Tests;

/// <summary>Sessions that end on their own (idle time, maximum lifetime, on the test clock), each on a portal of its own.</summary>
public sealed class SessionAndRateLimitSpecs
{
    [Fact]
    public async Task A_session_ends_after_the_idle_time_and_after_its_maximum_lifetime_however_busy()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var portal = new PortalFactory(TestDatabase.Sqlite(), new Dictionary<string, string>
        {
            ["Portal:IdleTimeout"] = "00:30:00",
            ["Portal:SessionLifetime"] = "01:00:00",
        }, clock);
        await using var database = portal.Database;
        await portal.StartAsync();
        await portal.CreateUserAsync("nhanroi@test.vn", Roles.Viewer);

        var idle = portal.Browser();
        await idle.SignInOkAsync("nhanroi@test.vn");
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/")).StatusCode);
        clock.Now += TimeSpan.FromMinutes(31);
        var expired = await idle.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/Account/Login", expired.Headers.Location!.ToString());

        var busy = portal.Browser();
        await busy.SignInOkAsync("nhanroi@test.vn");
        for (var i = 0; i < 3; i++)
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        }

        clock.Now += TimeSpan.FromMinutes(5);
        var tooOld = await busy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, tooOld.StatusCode);
        Assert.Contains("/Account/Login", tooOld.Headers.Location!.ToString());
    }
}
