using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Reminders;

namespace KhuyenCong.Web.Pages.Reference.Reminders;

/// <summary>Sửa quy định nhắc hạn of one deadline (Admin; audited; a stale edit is refused).</summary>
public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<ReminderRule, EditModel.RuleInput>(db)
{
    protected override string SavedMessage => "Đã lưu quy định nhắc hạn.";

    protected override IValidator<RuleInput> Validator { get; } = new RuleValidator();

    protected override RuleInput ToInput(ReminderRule e) => new()
    {
        Deadline = e.Id == 0 ? null : e.Deadline,
        Enabled = e.Id == 0 || e.Enabled,
        DaysBefore = e.DaysBefore,
        OnDueDate = e.Id == 0 || e.OnDueDate,
        Mandatory = e.Mandatory,
        OverdueEveryDays = e.Id == 0 ? null : e.OverdueEveryDays,
        OverdueForDays = e.Id == 0 ? null : e.OverdueForDays,
        DueMonth = e.DueMonth,
        DueDay = e.DueDay,
        DaysAfterEvent = e.DaysAfterEvent,
        LegalBasis = e.LegalBasis,
    };

    protected override void Apply(RuleInput i, ReminderRule e)
    {
        var kind = i.Deadline!.Value;
        e.Deadline = kind;
        e.Enabled = i.Enabled;
        e.DaysBefore = string.Join(',', ReminderRule.ParseDaysBefore(i.DaysBefore) ?? []);
        e.OnDueDate = i.OnDueDate;
        e.Mandatory = i.Mandatory;
        e.OverdueEveryDays = i.OverdueEveryDays!.Value;
        e.OverdueForDays = i.OverdueForDays!.Value;
        (e.DueMonth, e.DueDay) = DeadlineKinds.IsFixedDay(kind) ? (i.DueMonth, i.DueDay) : (null, null);
        e.DaysAfterEvent = DeadlineKinds.IsAfterEvent(kind) ? i.DaysAfterEvent : null;
        e.LegalBasis = i.LegalBasis.Trim();
    }

    protected override async Task ValidateInDatabaseAsync(ReminderRule entity, CancellationToken ct)
    {
        if (await TakenAsync(r => r.Id != entity.Id && r.Deadline == entity.Deadline, ct))
        {
            ModelState.AddModelError("Input.Deadline", "Hạn này đã có quy định nhắc; hãy sửa quy định đó.");
        }
    }

    public sealed class RuleInput
    {
        public DeadlineKind? Deadline { get; set; }

        public bool Enabled { get; set; }

        public string? DaysBefore { get; set; }

        public bool OnDueDate { get; set; }

        public bool Mandatory { get; set; }

        public int? OverdueEveryDays { get; set; }

        public int? OverdueForDays { get; set; }

        public int? DueMonth { get; set; }

        public int? DueDay { get; set; }

        public int? DaysAfterEvent { get; set; }

        public string LegalBasis { get; set; } = string.Empty;
    }

    private sealed class RuleValidator : AbstractValidator<RuleInput>
    {
        public RuleValidator()
        {
            RuleFor(x => x.Deadline).NotNull().WithMessage("Hãy chọn hạn.").IsInEnum().WithMessage("Hạn không hợp lệ.");
            RuleFor(x => x.DaysBefore).Must(d => ReminderRule.ParseDaysBefore(d) is not null)
                .WithMessage($"Nhập các số ngày từ 1 đến {ReminderRule.MaxDaysBefore}, cách nhau bằng dấu phẩy, ví dụ 30,7 (để trống: không nhắc trước).");
            RuleFor(x => x.OverdueEveryDays).NotNull().WithMessage("Hãy nhập số ngày (0: không nhắc khi quá hạn).")
                .InclusiveBetween(0, 90).WithMessage("Số ngày từ 0 đến 90.");
            RuleFor(x => x.OverdueForDays).NotNull().WithMessage("Hãy nhập số ngày.")
                .InclusiveBetween(0, ReminderRule.MaxOverdueDays).WithMessage($"Số ngày từ 0 đến {ReminderRule.MaxOverdueDays}.");
            RuleFor(x => x.OverdueForDays).GreaterThanOrEqualTo(x => x.OverdueEveryDays)
                .When(x => x.OverdueEveryDays > 0 && x.OverdueForDays is not null).WithMessage("Thời gian nhắc khi quá hạn phải không ngắn hơn khoảng cách giữa hai lần nhắc.");
            When(x => x.Deadline is { } d && DeadlineKinds.IsFixedDay(d), () =>
            {
                RuleFor(x => x.DueMonth).NotNull().WithMessage("Hãy nhập tháng của hạn.").InclusiveBetween(1, 12).WithMessage("Tháng từ 1 đến 12.");
                RuleFor(x => x.DueDay).NotNull().WithMessage("Hãy nhập ngày của hạn.")
                    .Must((x, day) => day >= 1 && x.DueMonth is >= 1 and <= 12 && day <= DateTime.DaysInMonth(2024, x.DueMonth.Value))
                    .WithMessage("Ngày không có trong tháng đó.");
            });
            When(x => x.Deadline is { } d && DeadlineKinds.IsAfterEvent(d), () =>
                RuleFor(x => x.DaysAfterEvent).NotNull().WithMessage("Hãy nhập số ngày.").InclusiveBetween(0, 365).WithMessage("Số ngày từ 0 đến 365."));
            RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("Hãy nhập căn cứ.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
        }
    }
}
