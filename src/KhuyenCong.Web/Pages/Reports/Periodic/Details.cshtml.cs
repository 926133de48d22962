using System.Globalization;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reports;
using KhuyenCong.Web.Projects;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Reports.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KhuyenCong.Web.Pages.Reports.Periodic;

/// <summary>One periodic report: figures, narrative, and the acts the user may do now (save, refresh, submit, reopen).</summary>
public sealed class DetailsModel(PeriodicReportService reports, ProjectService projects, KhuyenCongDbContext db, TimeProvider clock, Web.Reports.FigureCache figures) : PageModel
{
    public PeriodicReport Report { get; private set; } = null!;

    /// <summary>Who sent and who reopened the report, by full name and role today (stored as written at the time).</summary>
    public Users.PeopleNames People { get; private set; } = Users.PeopleNames.None;

    public DateOnly? Due { get; private set; }

    public IReadOnlyList<AuditItem> History { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanSubmit { get; private set; }

    public bool CanReopen { get; private set; }

    [BindProperty] public NarrativeInput Input { get; set; } = new();

    [BindProperty] public Guid Version { get; set; }

    [BindProperty] public string? Reason { get; set; }

    /// <summary>The form before the Word document: the defaults until the user sends it (<see cref="DocumentForm.Filled"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "doc")] public DocumentForm Document { get; set; } = new();

    /// <summary>A mistake in that form, shown beside it with the user's input kept.</summary>
    public string? DocumentError { get; private set; }

    public sealed class NarrativeInput
    {
        public string? Results { get; set; }

        public string? Difficulties { get; set; }

        public string? Proposals { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new NarrativeInput { Results = Report.Results, Difficulties = Report.Difficulties, Proposals = Report.Proposals };
        Version = Report.Version;
        return Page();
    }

    /// <summary>
    /// The report as a Word document to sign (Nghị định 30/2020/NĐ-CP): the same report the page shows, to the same
    /// users (404 outside their scope); a mistake in the form shows the page again with it.
    /// </summary>
    public async Task<IActionResult> OnGetWordAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var (details, error) = DocumentForms.Details(Document, await DocumentDefaultsAsync(ct));
        if (details is null)
        {
            Input = new NarrativeInput { Results = Report.Results, Difficulties = Report.Difficulties, Proposals = Report.Proposals };
            Version = Report.Version;
            DocumentError = error;
            return Page();
        }

        var stream = new MemoryStream();
        PeriodicDocument.Write(stream, Report, details);
        stream.Position = 0;
        return File(stream, ConferenceDocument.ContentType, PeriodicDocument.FileName(Report));
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã lưu báo cáo.", true, (actor, report) => reports.SaveDraftAsync(actor, report, Version, Input.Results, Input.Difficulties, Input.Proposals, ct), ct);

    public Task<IActionResult> OnPostRefreshAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã cập nhật số liệu từ dữ liệu đến cuối kỳ.", false, (actor, report) => reports.RefreshAsync(actor, report, Version, ct), ct);

    public Task<IActionResult> OnPostRedraftAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã soạn lại nội dung từ số liệu đến cuối kỳ.", false, (actor, report) => reports.RedraftAsync(actor, report, Version, ct), ct);

    /// <summary>The report as a workbook (figures, outcome indicators, narrative): the same report the page shows, to the same users.</summary>
    public async Task<IActionResult> OnGetExcelAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        PeriodicWorkbook.Write(stream, Report);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PeriodicWorkbook.FileName(Report));
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã duyệt và gửi báo cáo lên Bộ.", false, (actor, report) => reports.SubmitAsync(actor, report, Version, ct), ct);

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) =>
        ActAsync(id, "Đã mở lại báo cáo để tỉnh sửa.", false, (actor, report) => reports.ReopenAsync(actor, report, Version, Reason, ct), ct);

    /// <summary>Runs one act on a report in scope (404 outside it); a refusal is shown with the user's input kept.</summary>
    private async Task<IActionResult> ActAsync(int id, string done, bool keepsInput, Func<Domain.Projects.ProjectActor, PeriodicReport, Task<string?>> act, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        var report = await reports.FindAsync(actor, id, ct);
        if (report is null)
        {
            return NotFound();
        }

        var refusal = await act(actor, report);
        if (refusal is null)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError(string.Empty, refusal);
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        if (!keepsInput)
        {
            Input = new NarrativeInput { Results = Report.Results, Difficulties = Report.Difficulties, Proposals = Report.Proposals };
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var actor = await projects.ActorAsync(User, ct);
        // The report as the page shows it, untracked, kept under the data version per scope (a report's change is a
        // figure write): the acts read their own tracked copy.
        if (await figures.ViewAsync(FormattableString.Invariant($"periodic-view|{Web.Reports.ReportScope.CacheKey(actor)}|{id}"),
                c => reports.FindViewAsync(actor, id, c), ct) is not { } report)
        {
            return false;
        }

        Report = report;
        // What the page shows besides the report changes only with a write (a new data version); a renamed author
        // shows within FigureCache.OutsideWriteBound.
        var key = id.ToString(CultureInfo.InvariantCulture);
        People = await figures.LocalAsync("periodic-people|" + key, c => Users.PeopleNames.LoadAsync(db, [], [report.SubmittedBy, report.ReopenedBy], c), ct);
        Due = await figures.LocalAsync(FormattableString.Invariant($"periodic-due|{report.Year}|{report.Period}"), c => reports.DueAsync(report.Year, report.Period, c), ct);
        CanEdit = PeriodicReportRules.Refuse(PeriodicReportAction.Edit, actor, report.ProvinceId, report.Status) is null;
        CanSubmit = PeriodicReportRules.Refuse(PeriodicReportAction.Submit, actor, report.ProvinceId, report.Status) is null;
        CanReopen = PeriodicReportRules.Refuse(PeriodicReportAction.Reopen, actor, report.ProvinceId, report.Status) is null;
        History = await figures.LocalAsync("periodic-history|" + key, c => AuditLabels.HistoryAsync(db, nameof(PeriodicReport), key, c), ct);
        if (!Document.Filled)
        {
            Document = (await DocumentDefaultsAsync(ct)).ToForm();
        }

        return true;
    }

    private async Task<DocumentDetails> DocumentDefaultsAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        var (department, _) = DocumentForms.Department(await DocumentForms.NamesAsync(figures, db, ct), today);
        return PeriodicDocument.Defaults(Report, department, today);
    }
}
