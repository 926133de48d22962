using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// Figures served from the figure cache change right after a write that changes them, on the instance that wrote and
/// on another instance of the portal on the same database (issue 14): the cache key carries the database's data
/// version, renewed in the write's own transaction, so no message between instances is needed.
/// </summary>
public abstract class FigureCacheSpecs : IAsyncLifetime
{
    private const string Officer = "cuc@test.vn";
    private const string Viewer = "xem@test.vn";
    private readonly int _year = DateTime.UtcNow.AddHours(7).Year;
    private PortalFactory _portal = null!;
    private int _project;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        _portal = new PortalFactory(await CreateDatabaseAsync());
        await _portal.StartAsync();
        await _portal.CreateUserAsync(Officer, Roles.MinistryOfficer);
        await _portal.CreateUserAsync(Viewer, Roles.Viewer);
        _project = await new ProjectBuilder(_portal).In("01", _year).State(ProjectState.InProgress, 4_000_000_000).SaveAsync();
        await AddPlanAsync(_portal, 10_000_000_000, "1/QĐ-BCT");
        await ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 3), 2_500_000_000, MoneySource.State));
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _portal.Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_home_page_shows_a_payment_at_once_after_showing_the_figure_before_it()
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(Officer);
        Assert.Contains("data-testid=\"plan-vs-executed\">10,000 / 2,500</div>", HttpForms.Text(await client.GetPageAsync("/")));
        Assert.Contains("data-testid=\"plan-vs-executed\">10,000 / 2,500</div>", HttpForms.Text(await client.GetPageAsync("/")));

        await ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 4), 200_000_000, MoneySource.State));

        Assert.Contains("data-testid=\"plan-vs-executed\">10,000 / 2,700</div>", HttpForms.Text(await client.GetPageAsync("/")));
    }

    [Fact]
    public async Task The_conference_page_shows_a_payment_at_once_after_showing_the_figure_before_it()
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(Viewer);
        var url = $"/Reports/Conference?region=BAC&year={_year}";
        Assert.Contains("kinh phí đã thực hiện là 2,500 tỷ đồng", HttpForms.Text(await client.GetPageAsync(url)));

        await ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 4), 200_000_000, MoneySource.State));

        Assert.Contains("kinh phí đã thực hiện là 2,700 tỷ đồng", HttpForms.Text(await client.GetPageAsync(url)));
    }

    [Fact]
    public async Task The_plans_page_shows_an_adjustment_at_once_after_showing_the_plan_before_it()
    {
        var client = _portal.Browser();
        await client.SignInOkAsync(Officer);
        var url = $"/Plans?year={_year}";
        var before = HttpForms.Text(await client.GetPageAsync(url));
        Assert.Contains("10.000.000.000", before);
        Assert.Contains("1/QĐ-BCT ngày", before);

        // Decided the same day: the later version (higher id) is the one in force.
        await AddPlanAsync(_portal, 12_000_000_000, "2/QĐ-BCT");

        var after = HttpForms.Text(await client.GetPageAsync(url));
        Assert.Contains("12.000.000.000", after);
        Assert.Contains("2/QĐ-BCT ngày", after);
        Assert.DoesNotContain("10.000.000.000", after);
    }

    [Fact]
    public async Task A_payment_written_through_one_instance_shows_at_once_on_another_instance_that_had_the_figure_cached()
    {
        await using var other = new PortalFactory(_portal.Database);
        await other.StartAsync();
        var onOther = other.Browser();
        await onOther.SignInOkAsync(Officer);
        var conference = $"/Reports/Conference?region=BAC&year={_year}";
        Assert.Contains("data-testid=\"plan-vs-executed\">10,000 / 2,500</div>", HttpForms.Text(await onOther.GetPageAsync("/")));
        Assert.Contains("kinh phí đã thực hiện là 2,500 tỷ đồng", HttpForms.Text(await onOther.GetPageAsync(conference)));

        await ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 4), 200_000_000, MoneySource.State));

        Assert.Contains("data-testid=\"plan-vs-executed\">10,000 / 2,700</div>", HttpForms.Text(await onOther.GetPageAsync("/")));
        Assert.Contains("kinh phí đã thực hiện là 2,700 tỷ đồng", HttpForms.Text(await onOther.GetPageAsync(conference)));
    }

    [Fact]
    public async Task A_project_added_through_one_instance_counts_at_once_in_the_list_total_of_another()
    {
        await using var other = new PortalFactory(_portal.Database);
        await other.StartAsync();
        var onOther = other.Browser();
        await onOther.SignInOkAsync(Viewer);
        Assert.Contains("data-testid=\"total\">Tổng số: 1</span>", HttpForms.Text(await onOther.GetPageAsync("/Projects")));

        await new ProjectBuilder(_portal).In("24", _year).SaveAsync();

        Assert.Contains("data-testid=\"total\">Tổng số: 2</span>", HttpForms.Text(await onOther.GetPageAsync("/Projects")));
    }

    [Fact]
    public async Task Signing_in_does_not_retire_cached_figures_but_a_payment_does()
    {
        var stamp = () => _portal.WithDbAsync(db => db.DataVersions.Select(v => v.Stamp).SingleAsync());
        var before = await stamp();
        await _portal.Browser().SignInOkAsync(Officer);
        Assert.Equal(before, await stamp());

        await ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 4), 200_000_000, MoneySource.State));
        Assert.NotEqual(before, await stamp());
    }

    private Task<int> AddPlanAsync(PortalFactory portal, decimal amount, string decision) => portal.WithDbAsync(async db =>
    {
        var hanoi = await db.Projects.Where(p => p.Id == _project).Select(p => p.ProvinceId).SingleAsync();
        db.AnnualPlans.Add(new AnnualPlan { Year = _year, ProvinceId = hanoi, Source = FundingSource.KCQG, Amount = amount, DecisionNumber = decision, DecisionDate = new DateOnly(_year, 1, 2) });
        return await db.SaveChangesAsync();
    });
}

public sealed class FigureCacheOnSqlite : FigureCacheSpecs
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class FigureCacheOnPostgreSql : FigureCacheSpecs
{
    protected override Task<TestDatabase> CreateDatabaseAsync()
    {
        TestDatabase.RequirePostgres();
        return TestDatabase.PostgresAsync();
    }
}
