using KhuyenCong.Domain.Identity;
using KhuyenCong.Domain.Plans;
using KhuyenCong.Domain.Projects;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        var after = HttpForms.Cells(await client.GetPageAsync(url));
        Assert.Contains("<td class=\"num\">12.000.000.000</td>", after);
        Assert.Contains("2/QĐ-BCT ngày", after);
        // The earlier decision is only in the line's list of versions, as superseded.
        Assert.DoesNotContain("<td class=\"num\">10.000.000.000</td>", after);
        Assert.Contains("(đã được điều chỉnh)", after);
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

    /// <summary>
    /// With a distributed tier (Cache:Distributed, here an in-memory one both instances share), a report computed on
    /// one instance is served by another from that tier, so the report types survive its serialisation. A change
    /// made outside the portal (no data version renewed) proves the second instance did not recompute it; the next
    /// write through the portal does renew it.
    /// </summary>
    [Fact]
    public async Task A_report_computed_on_one_instance_is_served_to_another_from_the_shared_tier_until_a_write()
    {
        var shared = new SharedTier();
        WebApplicationFactory<Program> Instance() => _portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IDistributedCache>(shared)));
        HttpClient Browser(WebApplicationFactory<Program> f) =>
            f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await using var first = Instance();
        await using var second = Instance();
        var onFirst = Browser(first);
        var onSecond = Browser(second);
        await onFirst.SignInOkAsync(Viewer);
        await onSecond.SignInOkAsync(Viewer);
        var url = $"/Reports/Conference?region=BAC&year={_year}";
        Assert.Contains("kinh phí đã thực hiện là 2,500 tỷ đồng", HttpForms.Text(await onFirst.GetPageAsync(url)));

        await _portal.WithDbAsync(db => db.Disbursements.ExecuteUpdateAsync(u => u.SetProperty(d => d.Amount, 2_000_000_000m)));

        var served = HttpForms.Text(await onSecond.GetPageAsync(url));
        Assert.Contains("kinh phí đã thực hiện là 2,500 tỷ đồng", served);
        Assert.Contains("Tổng kế hoạch kinh phí khuyến công năm", served);

        await ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 4), 200_000_000, MoneySource.State));

        Assert.Contains("kinh phí đã thực hiện là 2,200 tỷ đồng", HttpForms.Text(await onSecond.GetPageAsync(url)));
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

    /// <summary>
    /// An import writes in batches inside one transaction for minutes: the stamp must change when it commits (not
    /// before, or a figure computed meanwhile would be cached under the new stamp without the import's rows; not
    /// after a rollback), and on a server database another user's payment must not queue behind it for the stamp's row.
    /// </summary>
    [Fact]
    public async Task A_transaction_renews_the_stamp_as_it_commits_and_other_writes_do_not_wait_for_it()
    {
        var stamp = () => _portal.WithDbAsync(db => db.DataVersions.Select(v => v.Stamp).SingleAsync());
        var before = await stamp();
        await _portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var hanoi = await db.Projects.Where(p => p.Id == _project).Select(p => p.ProvinceId).SingleAsync();
            db.AnnualPlans.Add(new AnnualPlan { Year = _year, ProvinceId = hanoi, Source = FundingSource.KCDP, Amount = 1_000_000_000, DecisionNumber = "9/QĐ-UBND", DecisionDate = new DateOnly(_year, 1, 5) });
            await db.SaveChangesAsync();
            db.AnnualPlans.Add(new AnnualPlan { Year = _year, ProvinceId = hanoi, Source = FundingSource.KCDP, Amount = 1_500_000_000, DecisionNumber = "10/QĐ-UBND", DecisionDate = new DateOnly(_year, 1, 6) });
            await db.SaveChangesAsync();
            Assert.Equal(before, await stamp());
            if (WritersRunTogether)
            {
                var payment = ProjectBuilder.PayAsync(_portal, _project, (new DateOnly(_year, 1, 4), 200_000_000, MoneySource.State));
                Assert.Same(payment, await Task.WhenAny(payment, Task.Delay(TimeSpan.FromSeconds(20))));
                await payment;
                before = await stamp();
            }

            await transaction.CommitAsync();
            return 0;
        });
        var committed = await stamp();
        Assert.NotEqual(before, committed);

        await _portal.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AnnualPlans.Remove(await db.AnnualPlans.FirstAsync(p => p.DecisionNumber == "9/QĐ-UBND"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Equal(committed, await stamp());
    }

    /// <summary>Whether two writers can hold open transactions at once (PostgreSQL), or queue for the file (SQLite).</summary>
    protected virtual bool WritersRunTogether => false;

    private Task<int> AddPlanAsync(PortalFactory portal, decimal amount, string decision) => portal.WithDbAsync(async db =>
    {
        var hanoi = await db.Projects.Where(p => p.Id == _project).Select(p => p.ProvinceId).SingleAsync();
        db.AnnualPlans.Add(new AnnualPlan { Year = _year, ProvinceId = hanoi, Source = FundingSource.KCQG, Amount = amount, DecisionNumber = decision, DecisionDate = new DateOnly(_year, 1, 2) });
        return await db.SaveChangesAsync();
    });
}

/// <summary>
/// A distributed cache in this process that two portal instances share, standing for Redis. Not a
/// <see cref="MemoryDistributedCache"/> itself, which HybridCache ignores as a second tier (it would only repeat the
/// memory tier).
/// </summary>
internal sealed class SharedTier : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

    public byte[]? Get(string key) => _inner.Get(key);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _inner.GetAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _inner.SetAsync(key, value, options, token);

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => _inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
}

public sealed class FigureCacheOnSqlite : FigureCacheSpecs
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class FigureCacheOnPostgreSql : FigureCacheSpecs
{
    protected override bool WritersRunTogether => true;

    protected override Task<TestDatabase> CreateDatabaseAsync()
    {
        TestDatabase.RequirePostgres();
        return TestDatabase.PostgresAsync();
    }
}
