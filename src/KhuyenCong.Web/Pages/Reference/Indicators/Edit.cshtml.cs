using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Web.Pages.Reference.Indicators;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<OutcomeIndicator, EditModel.IndicatorInput>(db)
{
    protected override string SavedMessage => "Đã lưu chỉ tiêu kết quả.";

    protected override IValidator<IndicatorInput> Validator { get; } = new IndicatorValidator();

    protected override IndicatorInput ToInput(OutcomeIndicator e) =>
        new() { Code = e.Code, Name = e.Name, Unit = e.Unit, SortOrder = e.SortOrder, IsActive = e.Id == 0 || e.IsActive };

    protected override void Apply(IndicatorInput i, OutcomeIndicator e)
    {
        e.Code = i.Code.Trim().ToUpperInvariant();
        e.Name = i.Name.Trim();
        e.Unit = i.Unit.Trim();
        e.SortOrder = i.SortOrder;
        e.IsActive = i.IsActive;
    }

    protected override async Task ValidateInDatabaseAsync(OutcomeIndicator entity, CancellationToken ct)
    {
        if (await TakenAsync(c => c.Code == entity.Code && c.Id != entity.Id, ct))
        {
            ModelState.AddModelError("Input.Code", $"Mã {entity.Code} đã được dùng.");
        }
    }

    public sealed class IndicatorInput
    {
        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Unit { get; set; } = string.Empty;

        public int SortOrder { get; set; }

        public bool IsActive { get; set; } = true;
    }

    private sealed class IndicatorValidator : AbstractValidator<IndicatorInput>
    {
        public IndicatorValidator()
        {
            RuleFor(x => x.Code).Matches("^[A-Za-z][A-Za-z0-9_]{1,39}$").WithMessage("Mã chỉ tiêu gồm chữ không dấu, số và dấu gạch dưới, ví dụ LAO_DONG_DAO_TAO.");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên chỉ tiêu.").MaximumLength(200).WithMessage("Tên tối đa 200 ký tự.");
            RuleFor(x => x.Unit).NotEmpty().WithMessage("Hãy nhập đơn vị tính.").MaximumLength(40).WithMessage("Đơn vị tính tối đa 40 ký tự.");
        }
    }
}
