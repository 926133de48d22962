using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages.Reference.Dossier;

public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<DossierItem, EditModel.DossierInput>(db)
{
    public IReadOnlyList<(string Code, string Name)> Contents { get; private set; } = [];

    protected override string SavedMessage => "Đã lưu mục hồ sơ đề án.";

    protected override IValidator<DossierInput> Validator { get; } = new DossierValidator();

    protected override DossierInput ToInput(DossierItem e) =>
        new() { ContentCode = e.ContentCode, Name = e.Name, Required = e.Required, LegalBasis = e.LegalBasis };

    protected override void Apply(DossierInput i, DossierItem e)
    {
        e.ContentCode = string.IsNullOrWhiteSpace(i.ContentCode) ? null : i.ContentCode.Trim();
        e.Name = i.Name.Trim();
        e.Required = i.Required;
        e.LegalBasis = i.LegalBasis.Trim();
    }

    protected override async Task ValidateInDatabaseAsync(DossierItem entity, CancellationToken ct)
    {
        if (entity.ContentCode is { } code && !await Db.Contents.AnyAsync(c => c.Code == code, ct))
        {
            ModelState.AddModelError("Input.ContentCode", "Hãy chọn nội dung trong danh mục.");
        }

        if (await TakenAsync(d => d.Id != entity.Id && d.ContentCode == entity.ContentCode && d.Name == entity.Name, ct))
        {
            ModelState.AddModelError("Input.Name", "Mục hồ sơ này đã có cho cùng phạm vi áp dụng.");
        }
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Contents = (await Db.Contents.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Name }).ToListAsync(ct)).Select(c => (c.Code, c.Name)).ToList();

    public sealed class DossierInput
    {
        public string? ContentCode { get; set; }

        public string Name { get; set; } = string.Empty;

        public bool Required { get; set; }

        public string LegalBasis { get; set; } = string.Empty;
    }

    private sealed class DossierValidator : AbstractValidator<DossierInput>
    {
        public DossierValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên tài liệu.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
            RuleFor(x => x.LegalBasis).NotEmpty().WithMessage("Hãy nhập căn cứ.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
        }
    }
}
