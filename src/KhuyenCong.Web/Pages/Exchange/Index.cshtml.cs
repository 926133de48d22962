using KhuyenCong.Data;
using KhuyenCong.Data.Imports;
using KhuyenCong.Excel;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Exchange;

/// <summary>
/// Trao đổi dữ liệu Excel: templates, import with a preview before anything is written, and exports in the same
/// format. The uploaded file waits between preview and confirmation in the database (<see cref="PendingPreviews"/>),
/// for its uploader only, so that any instance of the portal can confirm it. A confirmation of more rows than
/// <c>Import:BackgroundRows</c> is queued as a background job (<see cref="ImportJobs"/>) and followed on its own page.
/// </summary>
public sealed class IndexModel(ProjectService projects, ExchangeImporter importer, KhuyenCongDbContext db, Geography geography,
    IOptions<ImportLimits> limits, PendingPreviews pending, ImportJobs jobs, IOptions<ImportJobOptions> jobOptions, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Sheet, string Label)> Sheets =
    [
        (ExchangeFormat.Establishments, "Cơ sở thụ hưởng (CoSo)"),
        (ExchangeFormat.Plans, "Kế hoạch kinh phí (KeHoach)"),
        (ExchangeFormat.Projects, "Đề án (DeAn)"),
        (ExchangeFormat.Disbursements, "Giải ngân (GiaiNgan)"),
        (ExchangeFormat.Outcomes, "Kết quả (KetQua)"),
    ];

    public static readonly IReadOnlyList<(string Kind, string Label)> ExportKinds =
    [
        ("establishments", "Cơ sở thụ hưởng"), ("plans", "Kế hoạch kinh phí"), ("projects", "Đề án"), ("disbursements", "Giải ngân"), ("outcomes", "Kết quả"),
    ];

    public ImportResult? Preview { get; private set; }

    public ImportResult? Imported { get; private set; }

    public string? PendingToken { get; private set; }

    public string? PendingName { get; private set; }

    public bool CanImport { get; private set; }

    public int DefaultYear { get; private set; }

    /// <summary>The user's latest background imports, to come back to.</summary>
    public IReadOnlyList<ImportJobView> RecentJobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Load();
        if (CanImport)
        {
            RecentJobs = await jobs.RecentAsync(UserId, 10, ct);
        }
    }

    public async Task<IActionResult> OnGetTemplateAsync(string sheet, int? year, CancellationToken ct)
    {
        if (!Sheets.Any(s => s.Sheet == sheet))
        {
            return NotFound();
        }

        var y = year ?? Today.Year;
        if (y < Domain.Common.Limits.EarliestDate.Year || y > Domain.Common.Limits.LatestYear)
        {
            return BadRequest($"Năm của mẫu phải từ {Domain.Common.Limits.EarliestDate.Year} đến {Domain.Common.Limits.LatestYear}.");
        }

        var directory = await geography.DirectoryAsync(ct);
        var codes = new TemplateCodes(y, directory.ValidOn(new DateOnly(y, 1, 1)),
            await db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => new ValueTuple<string, string>(c.Code, c.Name)).ToListAsync(ct),
            await db.OutcomeIndicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).Select(i => new ValueTuple<string, string>(i.Code, i.Name)).ToListAsync(ct));
        var stream = new MemoryStream();
        TemplateBuilder.Write(stream, sheet, codes);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mau-{sheet}-{y}.xlsx");
    }

    public async Task<IActionResult> OnGetExportAsync(string kind, int? year, string? province, CancellationToken ct)
    {
        if (!ExchangeExporter.Kinds.Contains(kind))
        {
            return NotFound();
        }

        var actor = await projects.ActorAsync(User, ct);
        var path = Path.Combine(Path.GetTempPath(), $"kc-export-{Guid.NewGuid():N}.xlsx");
        await using (var file = System.IO.File.Create(path))
        {
            ExchangeExporter.Write(file, kind, projects.Visible(actor), db.AnnualPlans.VisibleTo(actor, db), db.Establishments.VisibleTo(actor, db), new ExportFilter(year, province));
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose);
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{kind}{(year is null ? "" : $"-{year}")}.xlsx");
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        Load();
        if (!CanImport)
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Hãy chọn tệp Excel cần nhập.");
            return Page();
        }

        // The request-body limit of the server bounds the upload (docs/operations.md, Excel import and export).
        byte[] content;
        using (var copy = new MemoryStream())
        {
            await file.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }

        var actor = await projects.ActorAsync(User, ct);
        using (var stream = new MemoryStream(content, writable: false))
        {
            Preview = await importer.ImportAsync(stream, actor, dryRun: true, limits.Value, ct: ct);
        }

        // Only a workbook without errors is kept to be confirmed; one with errors is uploaded again once corrected.
        if (Preview.Succeeded)
        {
            PendingName = DocumentStore.SafeName(file.FileName);
            PendingToken = await pending.KeepAsync(UserId, PendingName, content, Preview.Counts.Sum(c => c.Created + c.Changed + c.Unchanged), ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? token, CancellationToken ct)
    {
        Load();
        if (!CanImport)
        {
            return Forbid();
        }

        // Taken (deleted) before the import: whether it is written or refused, the same preview is not confirmed twice.
        // A large one becomes a job in the same transaction, so that it is either still a preview or already queued.
        PendingImport? taken;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            taken = await pending.TakeAsync(token, UserId, ct);
            if (taken is not null && taken.Rows > jobOptions.Value.BackgroundRows)
            {
                var id = await jobs.QueueAsync(taken, ct);
                await transaction.CommitAsync(ct);
                return RedirectToPage("Job", new { id });
            }

            await transaction.CommitAsync(ct);
        }

        if (taken is null)
        {
            ModelState.AddModelError(string.Empty, PendingPreviews.Gone);
            return Page();
        }

        var actor = await projects.ActorAsync(User, ct);
        using (var stream = new MemoryStream(taken.Content, writable: false))
        {
            Imported = await importer.ImportAsync(stream, actor, dryRun: false, limits.Value, ct: ct);
        }

        if (Imported.Succeeded)
        {
            TempData["Message"] = "Đã nhập toàn bộ sổ tính: " + string.Join("; ", Imported.Counts.Select(c => $"{c.Sheet} {c.Created} thêm mới, {c.Changed} thay đổi, {c.Unchanged} không đổi"));
            return RedirectToPage();
        }

        Preview = Imported;
        return Page();
    }

    private void Load()
    {
        CanImport = ImportJobs.MayImport(User);
        DefaultYear = Today.Year;
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? string.Empty;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
}
