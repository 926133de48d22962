namespace KhuyenCong.Data.Imports;

/// <summary>Where an import job stands; stored as text so that the table reads plainly.</summary>
public enum ImportJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A confirmed import too large to run inside the request (more rows than <c>Import:BackgroundRows</c>): the page
/// queues it here and shows its progress; a hosted service on any instance claims it (one conditional UPDATE, so
/// it runs once) and runs it as its owner. The workbook waits in <see cref="Content"/> and is emptied when the job ends.
/// </summary>
public sealed class ImportJob
{
    public int Id { get; set; }

    /// <summary>The user who confirmed the import: the job runs with this user's role and scope, and only they see it.</summary>
    public string OwnerId { get; set; } = string.Empty;

    /// <summary>
    /// The personal access token a job queued through the API came from: the runner acts through it (the audit log
    /// names it, as for the API's own writes) and refuses the job when it has been revoked or has expired meanwhile.
    /// </summary>
    public int? ApiTokenId { get; set; }

    /// <summary>What the job does: <see cref="KindImport"/> (a confirmed import) for now.</summary>
    public string Kind { get; set; } = KindImport;

    public const string KindImport = "import";

    public string FileName { get; set; } = string.Empty;

    /// <summary>The workbook, until the job ends (then empty: the result is what is kept).</summary>
    public byte[] Content { get; set; } = [];

    public ImportJobState State { get; set; }

    /// <summary>Data rows read and checked so far, of <see cref="TotalRows"/> (the preview's count).</summary>
    public int RowsChecked { get; set; }

    public int TotalRows { get; set; }

    /// <summary>Row errors in all (the stored result keeps the first ones only).</summary>
    public int ErrorCount { get; set; }

    /// <summary>The import's result as JSON (counts per sheet, row errors), or null until the job ends.</summary>
    public string? Result { get; set; }

    /// <summary>Why a job failed as a whole, in Vietnamese (the server stopped, the owner lost the right to import).</summary>
    public string? FailureMessage { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The portal process that claimed the job (a random id per start).</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Last sign of life from the claiming process; a running job whose heartbeat is stale is failed.</summary>
    public DateTime? HeartbeatAtUtc { get; set; }
}
