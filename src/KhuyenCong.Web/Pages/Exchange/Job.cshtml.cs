using KhuyenCong.Data.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Exchange;

/// <summary>
/// Tiến độ nhập dữ liệu: one background import of its owner (another user's job is not found), with rows checked
/// of the total while it is queued or running, refreshed by the <c>Refresh</c> header (no script needed), and the
/// same result as an import on the Excel page once it has ended. The progress comes from this process while it
/// runs the job, otherwise from the table (another instance's heartbeat).
/// </summary>
public sealed class JobModel(ImportJobs jobs, ImportJobProgress progress) : PageModel
{
    /// <summary>Seconds between refreshes while the job has not ended.</summary>
    public const int RefreshSeconds = 2;

    public ImportJobView Job { get; private set; } = null!;

    public int RowsChecked { get; private set; }

    /// <summary>Percentage of the rows checked, 0–100.</summary>
    public int Percent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var job = await jobs.FindAsync(id, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? string.Empty, ct);
        if (job is null)
        {
            return NotFound();
        }

        Job = job;
        RowsChecked = Math.Min(job.TotalRows, Math.Max(job.RowsChecked, job.State == ImportJobState.Running ? progress.RowsChecked(id) ?? 0 : 0));
        Percent = job.TotalRows == 0 ? (job.Done ? 100 : 0) : (int)(100L * RowsChecked / job.TotalRows);
        if (!job.Done)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }
}
