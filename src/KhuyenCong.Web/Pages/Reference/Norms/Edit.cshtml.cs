using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reference;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Norms;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<SupportNorm, EditModel.NormInput>(db)
{
    protected override string SavedMessage => "Đã lưu định mức hỗ trợ.";

    protected override IValidator<NormInput> Validator { get; } = new NormValidator();

    public async Task<IEnumerable<SelectListItem>> ContentOptionsAsync() =>
        (await Db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync())
        .Select(c => new SelectListItem(c, c));

    protected override NormInput ToInput(SupportNorm e) => new()
    {
        ContentCode = e.ContentCode,
        Activity = e.Activity,
        MaxSharePercent = VietnameseCulture.Number(e.MaxSharePercent),
        CeilingDong = e.CeilingDong is { } c ? VietnameseCulture.Dong(c) : null,
        PriorityMultiplier = VietnameseCulture.Number(e.Id == 0 ? 1m : e.PriorityMultiplier),
        LegalBasis = e.LegalBasis,
        ValidFrom = e.Id == 0 ? null : VietnameseCulture.Date(e.EffectiveFrom),
        ValidTo = VietnameseCulture.Date(e.EffectiveTo),
    };

    protected override void Apply(NormInput i, SupportNorm e)
    {
        e.ContentCode = i.ContentCode;
        e.Activity = i.Activity.Trim();
        e.MaxSharePercent = VietnameseCulture.TryParseDecimal(i.MaxSharePercent, out var share) ? share : null;
        e.CeilingDong = VietnameseCulture.TryParseDong(i.CeilingDong, out var ceiling) ? ceiling : null;
        e.PriorityMultiplier = VietnameseCulture.TryParseDecimal(i.PriorityMultiplier, out var m) ? m : 1m;
        e.LegalBasis = i.LegalBasis.Trim();
        e.EffectiveFrom = DateRules.Parse(i.ValidFrom);
        e.EffectiveTo = DateRules.ParseOptional(i.ValidTo);
    }

    protected override async Task ValidateInDatabaseAsync(SupportNorm entity, CancellationToken ct)
    {
        if (!await Db.Contents.AnyAsync(c => c.Code == entity.ContentCode, ct))
        {
            ModelState.AddModelError("Input.ContentCode", "Hãy chọn một nội dung có trong danh mục.");
        }
    }

    public sealed class NormInput
    {
        public string ContentCode { get; set; } = string.Empty;

        public string Activity { get; set; } = string.Empty;

        public string? MaxSharePercent { get; set; }

        public string? CeilingDong { get; set; }

        public string? PriorityMultiplier { get; set; }

        public string LegalBasis { get; set; } = string.Empty;

        public string? ValidFrom { get; set; }

        public string? ValidTo { get; set; }
    }

    private sealed class NormValidator : AbstractValidator<NormInput>
    {
        public NormValidator()
        {
            RuleFor(x => x.ContentCode).NotEmpty().WithMessage("Hãy chọn nội dung.");
            RuleFor(x => x.Activity).NotEmpty().WithMessage("Hãy nêu hoạt động được hỗ trợ.").MaximumLength(300).WithMessage("Tối đa 300 ký tự.");
            RuleFor(x => x.MaxSharePercent)
                .Must(v => string.IsNullOrWhiteSpace(v) || (VietnameseCulture.TryParseDecimal(v, out var d) && d is > 0 and <= 100))
                .WithMessage("Tỷ lệ là số phần trăm từ 0 đến 100, dùng dấu phẩy cho phần thập phân (ví dụ 30 hoặc 30,5).");
            RuleFor(x => x.CeilingDong)
                .Must(v => string.IsNullOrWhiteSpace(v) || VietnameseCulture.TryParseDong(v, out _))
                .WithMessage("Mức trần là số đồng nguyên, ví dụ 1.000.000.000.");
            RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.MaxSharePercent) || !string.IsNullOrWhiteSpace(x.CeilingDong))
                .OverridePropertyName(nameof(NormInput.CeilingDong))
                .WithMessage("Cần ít nhất một trong hai: tỷ lệ tối đa hoặc mức trần.");
            RuleFor(x => x.PriorityMultiplier)
                .Must(v => VietnameseCulture.TryParseDecimal(v, out var d) && d is >= 1 and <= 1.5m)
                .WithMessage("Hệ số ưu tiên từ 1 đến 1,5.");
            RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("Hãy nêu căn cứ pháp lý.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
            RuleFor(x => x.ValidFrom).RequiredDate("Ngày bắt đầu hiệu lực");
            RuleFor(x => x.ValidTo).OptionalDate("Ngày hết hiệu lực");
            this.PeriodInOrder(x => x.ValidFrom, x => x.ValidTo, nameof(NormInput.ValidTo));
        }
    }
}
