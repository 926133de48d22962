using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Targets;

/// <summary>Mục tiêu của chương trình: one target of a programme period for a money measure or an outcome indicator (Admin only).</summary>
public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<ProgrammeTarget, EditModel.TargetInput>(db)
{
    public IReadOnlyList<(int Id, string Label)> Periods { get; private set; } = [];

    public IReadOnlyList<(string Code, string Label)> Measures { get; private set; } = [];

    protected override string SavedMessage => "Đã lưu mục tiêu chương trình.";

    protected override IValidator<TargetInput> Validator { get; } = new TargetValidator();

    protected override TargetInput ToInput(ProgrammeTarget e) =>
        new()
        {
            PeriodId = e.Id == 0 ? null : e.ProgrammePeriodId,
            Measure = e.Measure,
            Target = e.Target is { } target ? VietnameseCulture.Dong(target) : string.Empty,
            Note = e.Note,
            LegalBasis = e.LegalBasis,
            Confirmed = e.Confirmed,
        };

    protected override void Apply(TargetInput i, ProgrammeTarget e)
    {
        e.ProgrammePeriodId = i.PeriodId!.Value;
        e.Measure = i.Measure.Trim().ToUpperInvariant();
        e.Target = string.IsNullOrWhiteSpace(i.Target) ? null : VietnameseCulture.TryParseDong(i.Target, out var target) ? target : null;
        e.Note = i.Note.Trim();
        e.LegalBasis = i.LegalBasis.Trim();
        e.Confirmed = i.Confirmed;
    }

    protected override async Task ValidateInDatabaseAsync(ProgrammeTarget entity, CancellationToken ct)
    {
        if (!await Db.ProgrammePeriods.AnyAsync(p => p.Id == entity.ProgrammePeriodId, ct))
        {
            ModelState.AddModelError("Input.PeriodId", "Giai đoạn chương trình không tồn tại.");
        }

        if (!ProgrammeMeasures.IsMoney(entity.Measure) && !await Db.OutcomeIndicators.AnyAsync(i => i.Code == entity.Measure, ct))
        {
            ModelState.AddModelError("Input.Measure", $"Chỉ tiêu phải là KCQG, KCDP hoặc mã một chỉ tiêu kết quả đã có; không có mã {entity.Measure}.");
        }

        if (await TakenAsync(t => t.Id != entity.Id && t.ProgrammePeriodId == entity.ProgrammePeriodId && t.Measure == entity.Measure, ct))
        {
            ModelState.AddModelError("Input.Measure", $"Giai đoạn này đã có mục tiêu cho {entity.Measure}.");
        }
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Periods = [.. (await Db.ProgrammePeriods.AsNoTracking().OrderBy(p => p.FromYear).ToListAsync(ct)).Select(p => (p.Id, $"{p.FromYear}–{p.ToYear}: {p.Name}"))];
        var indicators = await Db.OutcomeIndicators.AsNoTracking().OrderBy(i => i.SortOrder).Select(i => new { i.Code, i.Name, i.Unit }).ToListAsync(ct);
        Measures =
        [
            (ProgrammeMeasures.Kcqg, "KCQG – Kinh phí khuyến công quốc gia (đồng)"),
            (ProgrammeMeasures.Kcdp, "KCDP – Kinh phí khuyến công địa phương (đồng)"),
            .. indicators.Select(i => (i.Code, $"{i.Code} – {i.Name} ({i.Unit})")),
        ];
    }

    public sealed class TargetInput
    {
        public int? PeriodId { get; set; }

        public string Measure { get; set; } = string.Empty;

        /// <summary>Typed the Vietnamese way: 1.212.000.000.000 (đồng) or 200 (mô hình).</summary>
        public string Target { get; set; } = string.Empty;

        public string Note { get; set; } = string.Empty;

        /// <summary>Căn cứ: the text and article the figure was read from.</summary>
        public string LegalBasis { get; set; } = string.Empty;

        /// <summary>Đã đối chiếu với văn bản: unticked, the reports show «chưa đối chiếu được văn bản».</summary>
        public bool Confirmed { get; set; }
    }

    private sealed class TargetValidator : AbstractValidator<TargetInput>
    {
        public TargetValidator()
        {
            RuleFor(x => x.PeriodId).NotNull().WithMessage("Hãy chọn giai đoạn chương trình.");
            RuleFor(x => x.Measure).NotEmpty().WithMessage("Hãy chọn chỉ tiêu.");
            RuleFor(x => x.Target).Must(t => string.IsNullOrWhiteSpace(t) || VietnameseCulture.TryParseDong(t, out _))
                .WithMessage("Mục tiêu là số nguyên không âm, nhập như 1.212.000.000.000 hoặc 200 (để trống khi chưa có con số).");
            RuleFor(x => x.Note).MaximumLength(500).WithMessage("Ghi chú tối đa 500 ký tự.");
            RuleFor(x => x.LegalBasis).MaximumLength(500).WithMessage("Căn cứ tối đa 500 ký tự.");
        }
    }
}
