using System.Security.Claims;
using System.Text.Json;
using KhuyenCong.Data;
using KhuyenCong.Data.Imports;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Excel;
using KhuyenCong.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Exchange;

/// <summary>Background imports (section <c>Import</c>).</summary>
public sealed class ImportJobOptions
{
    /// <summary>A confirmed import of more data rows than this runs as a background job with a progress page (<c>Import:BackgroundRows</c>).</summary>
    public int BackgroundRows { get; set; } = 2000;

    /// <summary>How often each instance looks for queued jobs (<c>Import:JobPollInterval</c>).</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running job's instance writes its progress and heartbeat (PostgreSQL and SQL Server; <c>Import:JobHeartbeatInterval</c>).</summary>
    public TimeSpan JobHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A job running on another instance whose heartbeat is older than this is taken for dead and failed
    /// (<c>Import:JobStaleAfter</c>). Must be well above <see cref="JobHeartbeatInterval"/>.
    /// </summary>
    public TimeSpan JobStaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>A job as its owner sees it: everything but the workbook.</summary>
public sealed record ImportJobView(int Id, string FileName, ImportJobState State, int RowsChecked, int TotalRows, int ErrorCount,
    string? Result, string? FailureMessage, DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc)
{
    public bool Done => State is ImportJobState.Succeeded or ImportJobState.Failed;

    /// <summary>The import's result (counts, the first row errors), once the job has run it.</summary>
    public ImportResult? ImportResult => Result is null ? null : JsonSerializer.Deserialize<ImportResult>(Result);
}

/// <summary>
/// The <see cref="ImportJob"/> table: queueing a confirmed workbook, the owner's view of their jobs, and the
/// runner's claim, heartbeat and end. A job is read only with its owner's id in the query: another user's job is
/// not found (404), not forbidden.
/// </summary>
public sealed class ImportJobs(KhuyenCongDbContext db, TimeProvider clock, Notifier notifier)
{
    /// <summary>Row errors kept with a finished job (the page shows 500; the total is kept apart).</summary>
    public const int KeptErrors = 1000;

    public const string Interrupted =
        "Lượt nhập bị dừng giữa chừng vì máy chủ khởi động lại hoặc ngừng hoạt động; không có gì được ghi. Hãy tải tệp lên và nhập lại.";

    public const string NoLongerAllowed = "Tài khoản của bạn không còn được nhập dữ liệu; không có gì được ghi.";

    public const string TokenNoLongerValid = "Mã truy cập API đã gửi tệp này đã bị thu hồi hoặc hết hạn trước khi việc nhập bắt đầu; không có gì được ghi.";

    public const string Crashed = "Hệ thống gặp sự cố khi nhập; không có gì được ghi. Hãy thử lại sau hoặc báo quản trị hệ thống.";

    /// <summary>Who may import on the Excel page (and so whose job may run): ministry staff, province officers and approvers.</summary>
    public static bool MayImport(ClaimsPrincipal user) =>
        user.IsInRole(Roles.MinistryOfficer) || user.IsInRole(Roles.MinistryApprover)
        || user.IsInRole(Roles.ProvinceOfficer) || user.IsInRole(Roles.ProvinceApprover);

    /// <summary>
    /// Adds a queued job for a confirmed preview; the caller's transaction also holds the preview's removal. Through the
    /// API, <paramref name="apiTokenId"/> is the calling token, which the job then acts through.
    /// </summary>
    public async Task<int> QueueAsync(PendingImport confirmed, CancellationToken ct, int? apiTokenId = null)
    {
        var job = new ImportJob
        {
            OwnerId = confirmed.OwnerId,
            ApiTokenId = apiTokenId,
            FileName = confirmed.FileName,
            Content = confirmed.Content,
            TotalRows = confirmed.Rows,
            State = ImportJobState.Queued,
            CreatedAtUtc = Now,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return job.Id;
    }

    public Task<ImportJobView?> FindAsync(int id, string ownerId, CancellationToken ct) =>
        Views(db.ImportJobs.Where(j => j.Id == id && j.OwnerId == ownerId && ownerId != "")).SingleOrDefaultAsync(ct);

    /// <summary>The owner's latest jobs, newest first, for the Excel page.</summary>
    public Task<List<ImportJobView>> RecentAsync(string ownerId, int count, CancellationToken ct) =>
        Views(db.ImportJobs.Where(j => j.OwnerId == ownerId && ownerId != "").OrderByDescending(j => j.Id).Take(count)).ToListAsync(ct);

    /// <summary>
    /// The oldest queued job, claimed for <paramref name="instance"/> with one conditional UPDATE: when two instances
    /// race for it, one updates one row and the other none. Null when nothing is queued or another instance won.
    /// </summary>
    public async Task<int?> ClaimNextAsync(string instance, CancellationToken ct)
    {
        var id = await db.ImportJobs.Where(j => j.State == ImportJobState.Queued).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var now = Now;
        var claimed = await db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.ClaimedBy, instance)
                .SetProperty(j => j.StartedAtUtc, now).SetProperty(j => j.HeartbeatAtUtc, now), ct);
        return claimed == 1 ? id : null;
    }

    /// <summary>
    /// Fails running jobs of other instances whose heartbeat is older than <paramref name="staleAfter"/>: their
    /// process died mid-import, so their transaction never committed and nothing of them was written. They are
    /// failed, not queued again: the data may have changed since the owner's preview, and a workbook that crashed
    /// a process must not crash the next one. Read first, so that the usual case writes nothing.
    /// </summary>
    public async Task<int> FailStaleAsync(string instance, TimeSpan staleAfter, CancellationToken ct)
    {
        var before = Now - staleAfter;
        var stale = db.ImportJobs.Where(j => j.State == ImportJobState.Running && j.ClaimedBy != instance
            && (j.HeartbeatAtUtc == null || j.HeartbeatAtUtc < before));
        if (!await stale.AnyAsync(ct))
        {
            return 0;
        }

        var now = Now;
        return await stale.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.FailureMessage, Interrupted)
            .SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.Content, Array.Empty<byte>()), ct);
    }

    /// <summary>The claimed job's owner and workbook, for the runner.</summary>
    public Task<ImportJob?> ClaimedAsync(int id, string instance, CancellationToken ct) =>
        db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.ClaimedBy == instance && j.State == ImportJobState.Running, ct);

    /// <summary>Progress and heartbeat of a job this instance runs.</summary>
    public Task<int> HeartbeatAsync(int id, string instance, int rowsChecked, CancellationToken ct)
    {
        var now = Now;
        return db.ImportJobs.Where(j => j.Id == id && j.ClaimedBy == instance && j.State == ImportJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsChecked, rowsChecked).SetProperty(j => j.HeartbeatAtUtc, now), ct);
    }

    /// <summary>The job's end: the import's result (written or not), and the workbook dropped; its owner is notified in the same transaction.</summary>
    public Task<int> FinishAsync(int id, string instance, ImportResult result, int rowsChecked, CancellationToken ct)
    {
        var kept = result with { Errors = [.. result.Errors.Take(KeptErrors)] };
        var json = JsonSerializer.Serialize(kept);
        var state = result.Written ? ImportJobState.Succeeded : ImportJobState.Failed;
        var now = Now;
        return EndAsync(id, instance, result.Written, null, running => running
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.Result, json).SetProperty(j => j.ErrorCount, result.Errors.Count)
                .SetProperty(j => j.RowsChecked, rowsChecked).SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.HeartbeatAtUtc, now)
                .SetProperty(j => j.Content, Array.Empty<byte>()), ct), ct);
    }

    /// <summary>A job that ends without an import result (the owner may no longer import, the server stopped, a fault); its owner is notified.</summary>
    public Task<int> FailAsync(int id, string instance, string message, CancellationToken ct)
    {
        var now = Now;
        return EndAsync(id, instance, false, message, running => running
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.FailureMessage, message)
                .SetProperty(j => j.FinishedAtUtc, now).SetProperty(j => j.Content, Array.Empty<byte>()), ct), ct);
    }

    /// <summary>Ends a running job of this instance and, when it did, tells its owner: one transaction.</summary>
    private async Task<int> EndAsync(int id, string instance, bool written, string? failure, Func<IQueryable<ImportJob>, Task<int>> end, CancellationToken ct)
    {
        var running = db.ImportJobs.Where(j => j.Id == id && j.ClaimedBy == instance && j.State == ImportJobState.Running);
        var owner = await running.Select(j => new { j.OwnerId, j.FileName }).SingleOrDefaultAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ended = await end(running);
        if (ended == 1 && owner is not null)
        {
            await notifier.ImportEndedAsync(owner.OwnerId, id, owner.FileName, written, failure, ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return ended;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static IQueryable<ImportJobView> Views(IQueryable<ImportJob> jobs) =>
        jobs.AsNoTracking().Select(j => new ImportJobView(j.Id, j.FileName, j.State, j.RowsChecked, j.TotalRows, j.ErrorCount,
            j.Result, j.FailureMessage, j.CreatedAtUtc, j.StartedAtUtc, j.FinishedAtUtc));
}
