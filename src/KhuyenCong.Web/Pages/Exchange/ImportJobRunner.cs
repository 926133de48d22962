using System.Collections.Concurrent;
using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using KhuyenCong.Excel;
using KhuyenCong.Web.Hosting;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Exchange;

/// <summary>
/// Rows checked by the jobs running in this process, as the importer reports them (every 1,000 rows). On SQLite
/// the import's transaction holds the one write lock, so its progress cannot be written to the table meanwhile;
/// the job page reads it from here (one SQLite file is served by one process).
/// </summary>
public sealed class ImportJobProgress
{
    private readonly ConcurrentDictionary<int, int> _rows = new();

    public int? RowsChecked(int jobId) => _rows.TryGetValue(jobId, out var rows) ? rows : null;

    internal IProgress<int> For(int jobId) => new Reporter(this, jobId);

    internal void Forget(int jobId) => _rows.TryRemove(jobId, out _);

    private sealed class Reporter(ImportJobProgress owner, int jobId) : IProgress<int>
    {
        public void Report(int value) => owner._rows[jobId] = value;
    }
}

/// <summary>
/// Runs queued import jobs in the background on every instance of the portal. Each poll it fails jobs of dead
/// instances (<see cref="ImportJobs.FailStaleAsync"/>), then, while the process's <see cref="ImportGate"/> has a
/// free slot, claims the oldest queued job and runs it in its own scope as its owner: the owner's account is
/// loaded again, so the import has the role and scope (and the audit log the name) the page would give it now.
/// Stopping the server cancels a running import (rolled back) and fails its job with <see cref="ImportJobs.Interrupted"/>.
/// </summary>
public sealed class ImportJobRunner(IServiceScopeFactory scopes, ImportGate gate, ImportJobProgress progress,
    IOptions<ImportJobOptions> options, IOptions<ImportLimits> limits, TimeProvider clock, ILogger<ImportJobRunner> logger) : BackgroundService
{
    /// <summary>This process, as written in <see cref="Data.Imports.ImportJob.ClaimedBy"/>.</summary>
    public string Instance { get; } = InstanceName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var jobs = scope.ServiceProvider.GetRequiredService<ImportJobs>();
                    var failed = await jobs.FailStaleAsync(Instance, options.Value.JobStaleAfter, stoppingToken);
                    if (failed > 0)
                    {
                        logger.LogWarning("{Count} import job(s) of a stopped instance failed", failed);
                    }

                    while (gate.TryEnter() is { } slot)
                    {
                        var id = await jobs.ClaimNextAsync(Instance, stoppingToken);
                        if (id is null)
                        {
                            slot.Dispose();
                            break;
                        }

                        running.Add(Task.Run(() => RunAsync(id.Value, slot, stoppingToken), CancellationToken.None));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A database that is briefly unreachable or busy: try again at the next poll.
                logger.LogWarning(ex, "Looking for import jobs failed");
            }

            try
            {
                await Task.Delay(options.Value.JobPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(int id, IDisposable slot, CancellationToken stoppingToken)
    {
        using var _ = slot;
        var rows = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var jobs = services.GetRequiredService<ImportJobs>();
            var job = await jobs.ClaimedAsync(id, Instance, stoppingToken);
            if (job is null)
            {
                return;
            }

            var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(job.OwnerId);
            var principal = user is null || user.IsDisabled ? null : await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
            if (principal is null || !ImportJobs.MayImport(principal))
            {
                await jobs.FailAsync(id, Instance, ImportJobs.NoLongerAllowed, CancellationToken.None);
                return;
            }

            // Queued through the API, the job acts through its token, which must still be valid.
            if (job.ApiTokenId is { } tokenId)
            {
                if (await services.GetRequiredService<Api.ApiTokens>().FindActiveAsync(tokenId, stoppingToken) is not { } token)
                {
                    await jobs.FailAsync(id, Instance, ImportJobs.TokenNoLongerValid, CancellationToken.None);
                    return;
                }

                principal = Api.ApiClaims.Through(principal, token, Api.ApiTokenAuthentication.SchemeName);
            }

            // The audit log names the owner (and the token, through the API), as for an import on the page.
            services.GetRequiredService<HttpCurrentActor>().RunAs = principal;
            var actor = ProjectScope.Actor(principal, await services.GetRequiredService<Geography>().DirectoryAsync(stoppingToken));
            var db = services.GetRequiredService<KhuyenCongDbContext>();
            // The slot of the gate is this runner's, held for the whole job: the importer does not take a second one.
            var importer = new ExchangeImporter(db, clock, services.GetRequiredService<Domain.Projects.ProjectLimits>(), gate: null);
            var report = progress.For(id);
            var counting = new CountingProgress(report, value => rows = value);
            using var heartbeat = db.Database.IsSqlite() ? null : Heartbeat(id, () => rows, stoppingToken);
            ImportResult result;
            using (var stream = new MemoryStream(job.Content, writable: false))
            {
                result = await importer.ImportAsync(stream, actor, dryRun: false, limits.Value, counting, ct: stoppingToken);
            }

            heartbeat?.Cancel();
            await EndAsync(jobs => jobs.FinishAsync(id, Instance, result, result.Counts.Count > 0 ? job.TotalRows : rows, CancellationToken.None));
            logger.LogInformation("Import job {Id} ended: written {Written}, {Errors} error(s)", id, result.Written, result.Errors.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await EndAsync(jobs => jobs.FailAsync(id, Instance, ImportJobs.Interrupted, CancellationToken.None));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import job {Id} failed", id);
            var message = DatabaseBusy.Is(ex) ? DatabaseBusy.Message : ImportJobs.Crashed;
            await EndAsync(jobs => jobs.FailAsync(id, Instance, message, CancellationToken.None));
        }
        finally
        {
            progress.Forget(id);
        }
    }

    /// <summary>Writes the job's end in a fresh scope (the import's context may be unusable after a fault).</summary>
    private async Task EndAsync(Func<ImportJobs, Task<int>> end)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await end(scope.ServiceProvider.GetRequiredService<ImportJobs>());
        }
        catch (Exception ex)
        {
            // Left running: another instance (or this one after a restart) fails it once its heartbeat is stale.
            logger.LogError(ex, "Could not record the end of an import job");
        }
    }

    /// <summary>Progress and heartbeat written every <see cref="ImportJobOptions.JobHeartbeatInterval"/> on another connection, until cancelled.</summary>
    private CancellationTokenSource Heartbeat(int id, Func<int> rows, CancellationToken stoppingToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(options.Value.JobHeartbeatInterval, clock, stop.Token);
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ImportJobs>().HeartbeatAsync(id, Instance, rows(), stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Heartbeat of import job {Id} failed", id);
                }
            }
        }, CancellationToken.None);
        return stop;
    }

    private static string InstanceName()
    {
        var name = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        return name.Length > 64 ? name[^64..] : name;
    }

    /// <summary>Passes the importer's count on, and keeps it for the heartbeat and the job's end.</summary>
    private sealed class CountingProgress(IProgress<int> inner, Action<int> keep) : IProgress<int>
    {
        public void Report(int value)
        {
            keep(value);
            inner.Report(value);
        }
    }
}
