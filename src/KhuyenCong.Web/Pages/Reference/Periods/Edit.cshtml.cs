using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Web.Pages.Reference.Periods;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<ProgrammePeriod, EditModel.PeriodInput>(db)
{
    protected override string SavedMessage => "Đã lưu giai đoạn chương trình.";

    protected override IValidator<PeriodInput> Validator { get; } = new PeriodValidator();

    protected override PeriodInput ToInput(ProgrammePeriod e) =>
        new() { FromYear = e.Id == 0 ? null : e.FromYear, ToYear = e.Id == 0 ? null : e.ToYear, Name = e.Name, Decision = e.Decision };

    protected override void Apply(PeriodInput i, ProgrammePeriod e)
    {
        e.FromYear = i.FromYear!.Value;
        e.ToYear = i.ToYear!.Value;
        e.Name = i.Name.Trim();
        e.Decision = i.Decision.Trim();
    }

    protected override async Task ValidateInDatabaseAsync(ProgrammePeriod entity, CancellationToken ct)
    {
        if (await TakenAsync(p => p.Id != entity.Id && p.FromYear <= entity.ToYear && entity.FromYear <= p.ToYear, ct))
        {
            ModelState.AddModelError("Input.FromYear", "Giai đoạn này trùng với một giai đoạn đã có.");
        }
    }

    public sealed class PeriodInput
    {
        public int? FromYear { get; set; }

        public int? ToYear { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Decision { get; set; } = string.Empty;
    }

    private sealed class PeriodValidator : AbstractValidator<PeriodInput>
    {
        public PeriodValidator()
        {
            RuleFor(x => x.FromYear).NotNull().WithMessage("Hãy nhập năm bắt đầu.").InclusiveBetween(2000, 2100).WithMessage("Năm từ 2000 đến 2100.");
            RuleFor(x => x.ToYear).NotNull().WithMessage("Hãy nhập năm kết thúc.").InclusiveBetween(2000, 2100).WithMessage("Năm từ 2000 đến 2100.")
                .GreaterThanOrEqualTo(x => x.FromYear).WithMessage("Năm kết thúc không được trước năm bắt đầu.");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên chương trình.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
            RuleFor(x => x.Decision).NotEmpty().WithMessage("Hãy nhập số quyết định.").MaximumLength(100).WithMessage("Tối đa 100 ký tự.");
        }
    }
}
