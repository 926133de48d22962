using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Reference;

namespace KhuyenCong.Web.Pages.Reference.Contents;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<Content, EditModel.ContentInput>(db)
{
    protected override string SavedMessage => "Đã lưu nội dung hoạt động.";

    protected override IValidator<ContentInput> Validator { get; } = new ContentValidator();

    protected override ContentInput ToInput(Content e) =>
        new() { Code = e.Code, Name = e.Name, ValidFrom = VietnameseCulture.Date(e.ValidFrom), ValidTo = VietnameseCulture.Date(e.ValidTo) };

    protected override void Apply(ContentInput i, Content e)
    {
        e.Code = i.Code.Trim().ToUpperInvariant();
        e.Name = i.Name.Trim();
        e.ValidFrom = DateRules.Parse(i.ValidFrom);
        e.ValidTo = DateRules.ParseOptional(i.ValidTo);
    }

    protected override async Task ValidateInDatabaseAsync(Content entity, CancellationToken ct)
    {
        if (await TakenAsync(c => c.Code == entity.Code && c.Id != entity.Id, ct))
        {
            ModelState.AddModelError("Input.Code", $"Mã {entity.Code} đã được dùng.");
        }
    }

    public sealed class ContentInput
    {
        public string Code { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string? ValidFrom { get; set; }

        public string? ValidTo { get; set; }
    }

    private sealed class ContentValidator : AbstractValidator<ContentInput>
    {
        public ContentValidator()
        {
            RuleFor(x => x.Code).Matches("^(?i)ND[0-9]{2}$").WithMessage("Mã nội dung có dạng ND01, ND02, …");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên nội dung.").MaximumLength(400).WithMessage("Tên tối đa 400 ký tự.");
            RuleFor(x => x.ValidFrom).RequiredDate("Ngày bắt đầu hiệu lực");
            RuleFor(x => x.ValidTo).OptionalDate("Ngày hết hiệu lực");
            this.PeriodInOrder(x => x.ValidFrom, x => x.ValidTo, nameof(ContentInput.ValidTo));
        }
    }
}
