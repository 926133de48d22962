using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using KhuyenCong.Excel;
using KhuyenCong.Web.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Pages.Exchange;

/// <summary>
/// Trao đổi dữ liệu Excel: templates, import with a preview before anything is written, and exports in the same
/// format. The uploaded file waits between preview and confirmation under a random name, for its uploader only.
/// </summary>
public sealed class IndexModel(ProjectService projects, ExchangeImporter importer, KhuyenCongDbContext db, Geography geography,
    IOptions<ImportLimits> limits, Hosting.DataRoot dataRoot, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string Sheet, string Label)> Sheets =
    [
        (ExchangeFormat.Plans, "Kế hoạch kinh phí (KeHoach)"),
        (ExchangeFormat.Projects, "Đề án (DeAn)"),
        (ExchangeFormat.Disbursements, "Giải ngân (GiaiNgan)"),
        (ExchangeFormat.Outcomes, "Kết quả (KetQua)"),
    ];

    public static readonly IReadOnlyList<(string Kind, string Label)> ExportKinds =
    [
        ("plans", "Kế hoạch kinh phí"), ("projects", "Đề án"), ("disbursements", "Giải ngân"), ("outcomes", "Kết quả"),
    ];

    public ImportResult? Preview { get; private set; }

    public ImportResult? Imported { get; private set; }

    public string? PendingToken { get; private set; }

    public string? PendingName { get; private set; }

    public bool CanImport { get; private set; }

    public int DefaultYear { get; private set; }

    public void OnGet() => Load();

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
            ExchangeExporter.Write(file, kind, projects.Visible(actor), db.AnnualPlans.VisibleTo(actor, db), new ExportFilter(year, province));
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

        var token = Guid.NewGuid().ToString("N");
        var path = PendingPath(token);
        await using (var target = System.IO.File.Create(path))
        {
            await file.CopyToAsync(target, ct);
        }

        await System.IO.File.WriteAllTextAsync(path + ".owner", $"{UserId}\n{DocumentStore.SafeName(file.FileName)}", ct);
        var actor = await projects.ActorAsync(User, ct);
        await using (var stream = System.IO.File.OpenRead(path))
        {
            Preview = await importer.ImportAsync(stream, actor, dryRun: true, limits.Value, ct: ct);
        }

        if (Preview.Succeeded)
        {
            PendingToken = token;
            PendingName = DocumentStore.SafeName(file.FileName);
        }
        else
        {
            Discard(token);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string token, CancellationToken ct)
    {
        Load();
        if (!CanImport)
        {
            return Forbid();
        }

        var path = PendingPath(token);
        if (!Guid.TryParseExact(token, "N", out _) || !System.IO.File.Exists(path)
            || (await System.IO.File.ReadAllLinesAsync(path + ".owner", ct)).FirstOrDefault() != UserId)
        {
            ModelState.AddModelError(string.Empty, "Không tìm thấy tệp đã xem trước; hãy tải tệp lên lại.");
            return Page();
        }

        var actor = await projects.ActorAsync(User, ct);
        await using (var stream = System.IO.File.OpenRead(path))
        {
            Imported = await importer.ImportAsync(stream, actor, dryRun: false, limits.Value, ct: ct);
        }

        Discard(token);
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
        CanImport = User.IsInRole(Roles.MinistryOfficer) || User.IsInRole(Roles.MinistryApprover)
            || User.IsInRole(Roles.ProvinceOfficer) || User.IsInRole(Roles.ProvinceApprover);
        DefaultYear = Today.Year;
    }

    private string UserId => User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? string.Empty;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));

    private string PendingPath(string token)
    {
        var folder = dataRoot.Folder("imports");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Path.GetFileName(token) + ".xlsx");
    }

    private void Discard(string token)
    {
        var path = PendingPath(token);
        System.IO.File.Delete(path);
        System.IO.File.Delete(path + ".owner");
    }
}
