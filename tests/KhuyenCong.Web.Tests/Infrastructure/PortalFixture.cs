namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>
/// One started portal on one database for a test class, with an account per kind of user. Started on first
/// use, so a class whose database is absent skips instead of failing in its fixture.
/// </summary>
public abstract class PortalFixture : IAsyncDisposable
{
    public const string Admin = "admin@test.vn";
    public const string OfficerBacNinh = "chuyenvien.bacninh@test.vn";
    public const string OrganiserSouth = "bantochuc.nam@test.vn";
    public const string Viewer = "xem@test.vn";
    public const string MinistryOfficer = "chuyenvien.cuc@test.vn";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private PortalFactory? _factory;

    protected abstract void RequireDatabase();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task<PortalFactory> GetAsync()
    {
        RequireDatabase();
        await _gate.WaitAsync();
        try
        {
            if (_factory is null)
            {
                var factory = new PortalFactory(await CreateDatabaseAsync());
                await factory.StartAsync();
                await factory.CreateUserAsync(Admin, Domain.Identity.Roles.Admin);
                await factory.CreateUserAsync(OfficerBacNinh, Domain.Identity.Roles.ProvinceOfficer, "24");
                await factory.CreateUserAsync(OrganiserSouth, Domain.Identity.Roles.ConferenceOrganiser, null, "NAM");
                await factory.CreateUserAsync(Viewer, Domain.Identity.Roles.Viewer);
                await factory.CreateUserAsync(MinistryOfficer, Domain.Identity.Roles.MinistryOfficer);
                _factory = factory;
            }

            return _factory;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await _factory.Database.DisposeAsync();
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePortalFixture : PortalFixture
{
    protected override void RequireDatabase()
    {
    }

    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresPortalFixture : PortalFixture
{
    protected override void RequireDatabase() => TestDatabase.RequirePostgres();

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
