using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Web.Pages.Reference.Departments;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<DepartmentName, EditModel.DepartmentInput>(db)
{
    protected override string SavedMessage => "Đã lưu tên Cục.";

    protected override IValidator<DepartmentInput> Validator { get; } = new DepartmentValidator();

    protected override DepartmentInput ToInput(DepartmentName e) => new()
    {
        Name = e.Name,
        Abbreviation = e.Abbreviation,
        ValidFrom = e.Id == 0 ? null : VietnameseCulture.Date(e.ValidFrom),
        ValidTo = VietnameseCulture.Date(e.ValidTo),
    };

    protected override void Apply(DepartmentInput i, DepartmentName e)
    {
        e.Name = i.Name.Trim();
        e.Abbreviation = i.Abbreviation.Trim();
        e.ValidFrom = DateRules.Parse(i.ValidFrom);
        e.ValidTo = DateRules.ParseOptional(i.ValidTo);
    }

    protected override async Task ValidateInDatabaseAsync(DepartmentName entity, CancellationToken ct)
    {
        var end = entity.ValidTo ?? DateOnly.MaxValue;
        if (await TakenAsync(d => d.Id != entity.Id && d.ValidFrom <= end && (d.ValidTo == null || entity.ValidFrom <= d.ValidTo), ct))
        {
            ModelState.AddModelError("Input.ValidFrom", "Thời gian này trùng với thời gian của một tên khác; hãy đặt ngày kết thúc cho tên cũ trước.");
        }
    }

    public sealed class DepartmentInput
    {
        public string Name { get; set; } = string.Empty;

        public string Abbreviation { get; set; } = string.Empty;

        public string? ValidFrom { get; set; }

        public string? ValidTo { get; set; }
    }

    private sealed class DepartmentValidator : AbstractValidator<DepartmentInput>
    {
        public DepartmentValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên Cục.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
            RuleFor(x => x.Abbreviation).NotEmpty().WithMessage("Hãy nhập tên viết tắt.").MaximumLength(40).WithMessage("Tối đa 40 ký tự.");
            RuleFor(x => x.ValidFrom).RequiredDate("Ngày bắt đầu");
            RuleFor(x => x.ValidTo).OptionalDate("Ngày kết thúc");
            this.PeriodInOrder(x => x.ValidFrom, x => x.ValidTo, nameof(DepartmentInput.ValidTo));
        }
    }
}
