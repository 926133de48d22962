using System.Globalization;
using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Provinces;

/// <summary>One province: validity, region over time, predecessors and successors, history; Admin edits here.</summary>
public sealed class DetailsModel(KhuyenCongDbContext db, Geography geography, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public Province Province { get; private set; } = null!;

    public ProvinceFact? SuccessorToday { get; private set; }

    public IReadOnlyList<AuditItem> History { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [BindProperty]
    public EditInput Edit { get; set; } = new();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Edit = new EditInput
        {
            Name = Province.Name,
            ValidFrom = VietnameseCulture.Date(Province.ValidFrom),
            ValidTo = VietnameseCulture.Date(Province.ValidTo),
            Version = Province.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded)
        {
            return Forbid();
        }

        var province = await db.Provinces.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (province is null)
        {
            return NotFound();
        }

        var validation = await new EditValidator().ValidateAsync(Edit, ct);
        validation.AddToModelState(ModelState, nameof(Edit));
        if (ModelState.IsValid)
        {
            province.Name = Edit.Name.Trim();
            province.ValidFrom = VietnameseCulture.TryParseDate(Edit.ValidFrom, out var from) ? from : province.ValidFrom;
            province.ValidTo = VietnameseCulture.TryParseDate(Edit.ValidTo, out var to) ? to : null;
            if (await StaleEdit.TrySaveAsync(db, province, Edit.Version, ModelState, ct))
            {
                geography.Invalidate();
                TempData["Message"] = "Đã lưu thông tin tỉnh, thành phố.";
                return RedirectToPage(new { id });
            }
        }

        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Moves the province to another region from a date: the current membership ends the day before.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded)
        {
            return Forbid();
        }

        var province = await db.Provinces.Include(p => p.RegionMemberships).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (province is null)
        {
            return NotFound();
        }

        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == Move.RegionCode, ct);
        if (region is null)
        {
            ModelState.AddModelError("Move.RegionCode", "Hãy chọn vùng.");
        }

        if (!VietnameseCulture.TryParseDate(Move.From, out var from))
        {
            ModelState.AddModelError("Move.From", "Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.");
        }
        else if (!province.IsValidOn(from))
        {
            ModelState.AddModelError("Move.From", "Ngày chuyển vùng phải nằm trong thời gian hiệu lực của tỉnh.");
        }

        var current = province.RegionMemberships.FirstOrDefault(m => m.IsValidOn(from));
        if (ModelState.IsValid && current is not null && current.ValidFrom >= from)
        {
            ModelState.AddModelError("Move.From", string.Create(CultureInfo.InvariantCulture,
                $"Ngày chuyển vùng phải sau ngày bắt đầu của vùng hiện tại ({VietnameseCulture.Date(current.ValidFrom)})."));
        }

        if (ModelState.IsValid && current?.RegionId == region!.Id)
        {
            ModelState.AddModelError("Move.RegionCode", "Tỉnh đã thuộc vùng này tại ngày đó.");
        }

        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }

        var newTo = current?.ValidTo ?? province.ValidTo;
        if (current is not null)
        {
            current.ValidTo = from.AddDays(-1);
        }

        province.RegionMemberships.Add(new ProvinceRegionMembership { RegionId = region!.Id, ValidFrom = from, ValidTo = newTo });
        await db.SaveChangesAsync(ct);
        geography.Invalidate();
        TempData["Message"] = $"Đã chuyển {province.Name} sang vùng {region.Name} từ ngày {VietnameseCulture.Date(from)}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var province = await db.Provinces.AsNoTracking()
            .Include(p => p.RegionMemberships).ThenInclude(m => m.Region)
            .Include(p => p.Predecessors).ThenInclude(s => s.Predecessor)
            .Include(p => p.Successors).ThenInclude(s => s.Successor)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (province is null)
        {
            return false;
        }

        Province = province;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(7));
        SuccessorToday = (await geography.DirectoryAsync(ct)).SuccessorOn(id, today);
        History = await AuditLabels.HistoryAsync(db, nameof(Domain.Geography.Province), id.ToString(CultureInfo.InvariantCulture), ct);
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync(ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        return true;
    }

    public sealed class EditInput
    {
        public string Name { get; set; } = string.Empty;

        public string? ValidFrom { get; set; }

        public string? ValidTo { get; set; }

        public Guid Version { get; set; }
    }

    public sealed class MoveInput
    {
        public string? RegionCode { get; set; }

        public string? From { get; set; }
    }

    private sealed class EditValidator : AbstractValidator<EditInput>
    {
        public EditValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên tỉnh, thành phố.").MaximumLength(100).WithMessage("Tên tối đa 100 ký tự.");
            RuleFor(x => x.ValidFrom).Must(v => VietnameseCulture.TryParseDate(v, out _))
                .WithMessage("Ngày bắt đầu hiệu lực không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.");
            RuleFor(x => x.ValidTo).Must(v => string.IsNullOrWhiteSpace(v) || VietnameseCulture.TryParseDate(v, out _))
                .WithMessage("Ngày hết hiệu lực không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.");
            RuleFor(x => x).Must(x => !VietnameseCulture.TryParseDate(x.ValidFrom, out var from)
                    || !VietnameseCulture.TryParseDate(x.ValidTo, out var to) || from <= to)
                .WithName(nameof(EditInput.ValidTo)).OverridePropertyName(nameof(EditInput.ValidTo))
                .WithMessage("Ngày hết hiệu lực phải sau ngày bắt đầu.");
        }
    }
}
