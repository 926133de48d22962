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
    public const string MinistryApprover = "lanhdao.cuc@test.vn";
    public const string ApproverBacNinh = "lanhdao.bacninh@test.vn";
    /// <summary>A second Sở leader: KCĐP projects are appraised and approved by two different people.</summary>
    public const string AppraiserBacNinh = "thamdinh.bacninh@test.vn";
    public const string OfficerHanoi = "chuyenvien.hanoi@test.vn";
    public const string OrganiserNorth = "bantochuc.bac@test.vn";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Dossier files of this portal, outside the source tree.</summary>
    public string DocumentsFolder { get; } = Path.Combine(Path.GetTempPath(), $"kc-docs-{Guid.NewGuid():N}");
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
                var settings = new Dictionary<string, string> { ["Documents:Path"] = DocumentsFolder };
                Configure(settings);
                var factory = new PortalFactory(await CreateDatabaseAsync(), settings);
                await factory.StartAsync();
                await CreateUsersAsync(factory);
                _factory = factory;
            }

            return _factory;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Settings of this portal beyond the documents folder (a fixture for one feature adds its own).</summary>
    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>The accounts every class sharing this fixture signs in with.</summary>
    protected virtual async Task CreateUsersAsync(PortalFactory factory)
    {
        await factory.CreateUserAsync(Admin, Domain.Identity.Roles.Admin);
        await factory.CreateUserAsync(OfficerBacNinh, Domain.Identity.Roles.ProvinceOfficer, "24");
        await factory.CreateUserAsync(OrganiserSouth, Domain.Identity.Roles.ConferenceOrganiser, null, "NAM");
        await factory.CreateUserAsync(Viewer, Domain.Identity.Roles.Viewer);
        await factory.CreateUserAsync(MinistryOfficer, Domain.Identity.Roles.MinistryOfficer);
        await factory.CreateUserAsync(MinistryApprover, Domain.Identity.Roles.MinistryApprover);
        await factory.CreateUserAsync(ApproverBacNinh, Domain.Identity.Roles.ProvinceApprover, "24");
        await factory.CreateUserAsync(AppraiserBacNinh, Domain.Identity.Roles.ProvinceApprover, "24");
        await factory.CreateUserAsync(OfficerHanoi, Domain.Identity.Roles.ProvinceOfficer, "01");
        await factory.CreateUserAsync(OrganiserNorth, Domain.Identity.Roles.ConferenceOrganiser, null, "BAC");
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            await _factory.Database.DisposeAsync();
        }

        if (Directory.Exists(DocumentsFolder))
        {
            Directory.Delete(DocumentsFolder, recursive: true);
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
