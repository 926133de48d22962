using FluentValidation;
using KhuyenCong.Data;
using KhuyenCong.Domain.Geography;

namespace KhuyenCong.Web.Pages.Reference.Regions;

/// <summary>Renames a region; the codes BAC, MTTN and NAM are fixed (the rest of the portal refers to them).</summary>
public sealed class EditModel(KhuyenCongDbContext db) : ReferenceEditPage<Region, EditModel.RegionInput>(db)
{
    protected override string SavedMessage => "Đã lưu tên vùng.";

    protected override IValidator<RegionInput> Validator { get; } = new RegionValidator();

    protected override RegionInput ToInput(Region e) => new() { Name = e.Name };

    protected override void Apply(RegionInput i, Region e) => e.Name = i.Name.Trim();

    public sealed class RegionInput
    {
        public string Name { get; set; } = string.Empty;
    }

    private sealed class RegionValidator : AbstractValidator<RegionInput>
    {
        public RegionValidator() =>
            RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên vùng.").MaximumLength(100).WithMessage("Tối đa 100 ký tự.");
    }
}
