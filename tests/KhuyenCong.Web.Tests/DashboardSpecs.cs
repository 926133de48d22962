using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>The home page shows this year's plan against the money paid, within the user's scope only.</summary>
public sealed class DashboardSpecs : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(TestDatabase.Sqlite());

    public async ValueTask InitializeAsync()
    {
        await _portal.StartAsync();
        await _portal.CreateUserAsync("hn@test.vn", Roles.ProvinceOfficer, "01");
        await _portal.CreateUserAsync("bn@test.vn", Roles.ProvinceOfficer, "24");
        var year = DateTime.UtcNow.AddHours(7).Year;
        var id = await new ProjectBuilder(_portal).In("01", year).State(ProjectState.InProgress, 4_000_000_000).SaveAsync();
        await _portal.WithDbAsync(async db =>
        {
            var hanoi = await db.Projects.Where(p => p.Id == id).Select(p => p.ProvinceId).SingleAsync();
            db.AnnualPlans.Add(new AnnualPlan { Year = year, ProvinceId = hanoi, Source = FundingSource.KCQG, Amount = 10_000_000_000, DecisionNumber = "1/QĐ-BCT", DecisionDate = new DateOnly(year, 1, 2) });
            return await db.SaveChangesAsync();
        });
        await ProjectBuilder.PayAsync(_portal, id, (new DateOnly(year, 1, 3), 2_500_000_000, MoneySource.State));
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
    }

    [Theory]
    [InlineData("hn@test.vn", "10,000 / 2,500", "đạt 25,00%")]
    [InlineData("bn@test.vn", "0,000 / 0,000", "đạt —")]
    public async Task This_years_plan_and_execution_are_those_of_my_scope(string email, string figures, string rate)
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(email);
        var home = HttpForms.Text(await client.GetPageAsync("/"));
        Assert.Contains($"data-testid=\"plan-vs-executed\">{figures}</div>", home);
        Assert.Contains(rate, home);
    }
}
