using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Reports;

namespace KhuyenCong.Web.Pages.Reference.Deadlines;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<ReportDeadline, EditModel.DeadlineInput>(db)
{
    protected override string SavedMessage => "Đã lưu hạn nộp báo cáo.";

    protected override IValidator<DeadlineInput> Validator { get; } = new DeadlineValidator();

    protected override DeadlineInput ToInput(ReportDeadline e) =>
        new() { Period = e.Id == 0 ? null : e.Period, FromYear = e.Id == 0 ? null : e.FromYear, Days = e.Id == 0 ? null : e.DaysAfterPeriodEnd, LegalBasis = e.LegalBasis };

    protected override void Apply(DeadlineInput i, ReportDeadline e)
    {
        e.Period = i.Period!.Value;
        e.FromYear = i.FromYear!.Value;
        e.DaysAfterPeriodEnd = i.Days!.Value;
        e.LegalBasis = i.LegalBasis.Trim();
    }

    protected override async Task ValidateInDatabaseAsync(ReportDeadline entity, CancellationToken ct)
    {
        if (await TakenAsync(d => d.Id != entity.Id && d.Period == entity.Period && d.FromYear == entity.FromYear, ct))
        {
            ModelState.AddModelError("Input.FromYear", "Kỳ báo cáo này đã có quy định áp dụng từ năm đó.");
        }
    }

    public sealed class DeadlineInput
    {
        public ReportPeriod? Period { get; set; }

        public int? FromYear { get; set; }

        public int? Days { get; set; }

        public string LegalBasis { get; set; } = string.Empty;
    }

    private sealed class DeadlineValidator : AbstractValidator<DeadlineInput>
    {
        public DeadlineValidator()
        {
            RuleFor(x => x.Period).NotNull().WithMessage("Hãy chọn kỳ báo cáo.").IsInEnum().WithMessage("Kỳ báo cáo không hợp lệ.");
            RuleFor(x => x.FromYear).NotNull().WithMessage("Hãy nhập năm bắt đầu áp dụng.").InclusiveBetween(2000, 2100).WithMessage("Năm từ 2000 đến 2100.");
            RuleFor(x => x.Days).NotNull().WithMessage("Hãy nhập số ngày.").InclusiveBetween(0, 180).WithMessage("Số ngày từ 0 đến 180.");
            RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("Hãy nhập căn cứ.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
        }
    }
}
