using FluentValidation;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Web.Projects;

/// <summary>What a province officer types when registering or editing a draft project.</summary>
public sealed class ProjectInput
{
    public int? PlanYear { get; set; }

    public int? ProvinceId { get; set; }

    public FundingSource? Source { get; set; }

    public ProjectKind? Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public string ImplementingUnit { get; set; } = string.Empty;

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public string? CounterpartCommitted { get; set; }

    public List<ContentLine> Contents { get; set; } = [];

    public List<BeneficiaryLine> Beneficiaries { get; set; } = [];

    public List<OutcomeLine> Outcomes { get; set; } = [];

    public sealed class ContentLine
    {
        public string? ContentCode { get; set; }

        public string? TotalCost { get; set; }

        public string? RequestedAmount { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(ContentCode) && string.IsNullOrWhiteSpace(TotalCost) && string.IsNullOrWhiteSpace(RequestedAmount);
    }

    public sealed class BeneficiaryLine
    {
        /// <summary>The registry entry chosen with the picker; kept only when it is in the user's scope and still says what the line says (ProjectService).</summary>
        public int? EstablishmentId { get; set; }

        public string? Name { get; set; }

        public string? TaxCode { get; set; }

        public BeneficiaryType Type { get; set; } = BeneficiaryType.HouseholdBusiness;

        public string? Commune { get; set; }

        public bool WomenOwned { get; set; }

        public bool EthnicMinorityEmployer { get; set; }

        public bool PriorityArea { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(TaxCode) && string.IsNullOrWhiteSpace(Commune);
    }

    public sealed class OutcomeLine
    {
        public string? IndicatorCode { get; set; }

        public string? Target { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(IndicatorCode) && string.IsNullOrWhiteSpace(Target);
    }

    /// <summary>The draft the domain receives; call once the validator has passed.</summary>
    public ProjectDraft ToDraft() => new(
        PlanYear!.Value,
        ProvinceId!.Value,
        Source!.Value,
        Kind!.Value,
        Title,
        ImplementingUnit,
        VietnameseCulture.TryParseDate(StartDate, out var start) ? start : default,
        VietnameseCulture.TryParseDate(EndDate, out var end) ? end : default,
        VietnameseCulture.TryParseDong(CounterpartCommitted, out var counterpart) ? counterpart : 0,
        [.. Contents.Select(c => new ContentDraft(c.ContentCode!, Dong(c.TotalCost), Dong(c.RequestedAmount)))],
        [.. Beneficiaries.Select(b => new BeneficiaryDraft(b.Name!, b.TaxCode, b.Type, b.Commune!, b.WomenOwned, b.EthnicMinorityEmployer, b.PriorityArea, b.EstablishmentId))],
        [.. Outcomes.Select(o => new OutcomeDraft(o.IndicatorCode!, Dong(o.Target)))]);

    private static decimal Dong(string? text) => VietnameseCulture.TryParseDong(text, out var value) ? value : 0;

    /// <summary>Blank lines the form offers are not input.</summary>
    public void DropBlankLines()
    {
        Contents.RemoveAll(c => c.IsBlank);
        Beneficiaries.RemoveAll(b => b.IsBlank);
        Outcomes.RemoveAll(o => o.IsBlank);
    }
}

public sealed class ProjectInputValidator : AbstractValidator<ProjectInput>
{
    /// <summary>
    /// The rules the browser is told about (FluentValidation.AspNetCore's client adapters read NotEmpty, length and
    /// range rules; the catalogue checks are Must rules it does not translate, so no codes are needed here).
    /// </summary>
    public static ProjectInputValidator ForClient() => new([], []);

    public ProjectInputValidator(IReadOnlyCollection<string> contentCodes, IReadOnlyCollection<string> indicatorCodes)
    {
        RuleFor(x => x.PlanYear).NotNull().WithMessage("Hãy nhập năm kế hoạch.")
            .InclusiveBetween(2012, 2035).WithMessage("Năm kế hoạch từ 2012 đến 2035.");
        RuleFor(x => x.ProvinceId).NotNull().WithMessage("Hãy chọn tỉnh, thành phố.");
        RuleFor(x => x.Source).NotNull().WithMessage("Hãy chọn nguồn kinh phí (KCQG hoặc KCĐP).").IsInEnum().WithMessage("Nguồn kinh phí không hợp lệ.");
        RuleFor(x => x.Kind).NotNull().WithMessage("Hãy chọn loại đề án.").IsInEnum().WithMessage("Loại đề án không hợp lệ.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy nhập tên đề án.").MaximumLength(500).WithMessage("Tên đề án tối đa 500 ký tự.");
        RuleFor(x => x.ImplementingUnit).NotEmpty().WithMessage("Hãy nhập đơn vị thực hiện.").MaximumLength(300).WithMessage("Tối đa 300 ký tự.");
        RuleFor(x => x.StartDate).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Hãy nhập ngày bắt đầu.").Must(v => VietnameseCulture.TryParseDate(v, out _)).WithMessage("Ngày bắt đầu không hợp lệ; nhập theo dạng ngày/tháng/năm.");
        RuleFor(x => x.EndDate).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Hãy nhập ngày kết thúc.").Must(v => VietnameseCulture.TryParseDate(v, out _)).WithMessage("Ngày kết thúc không hợp lệ; nhập theo dạng ngày/tháng/năm.");
        RuleFor(x => x).Must(x => !VietnameseCulture.TryParseDate(x.StartDate, out var s) || !VietnameseCulture.TryParseDate(x.EndDate, out var e) || s < e)
            .OverridePropertyName(nameof(ProjectInput.EndDate)).WithMessage("Ngày kết thúc phải sau ngày bắt đầu.");
        RuleFor(x => x.CounterpartCommitted).Must(v => string.IsNullOrWhiteSpace(v) || VietnameseCulture.TryParseDong(v, out _))
            .WithMessage("Vốn đối ứng là số đồng nguyên không âm, ví dụ 1.500.000.000.");
        RuleFor(x => x.Contents).NotEmpty().WithMessage("Hãy nêu ít nhất một nội dung hoạt động.");
        RuleFor(x => x.Contents).Must(c => c.Select(l => l.ContentCode).Distinct().Count() == c.Count)
            .WithMessage("Mỗi nội dung chỉ nêu một lần.");
        RuleForEach(x => x.Contents).ChildRules(line =>
        {
            line.RuleFor(l => l.ContentCode).Must(c => c is not null && contentCodes.Contains(c)).WithMessage("Hãy chọn nội dung trong danh mục.");
            line.RuleFor(l => l.TotalCost).Must(v => VietnameseCulture.TryParseDong(v, out _)).WithMessage("Tổng chi phí là số đồng nguyên, ví dụ 800.000.000.");
            line.RuleFor(l => l.RequestedAmount).Must(v => VietnameseCulture.TryParseDong(v, out var d) && d > 0).WithMessage("Kinh phí đề nghị là số đồng nguyên lớn hơn 0.");
            line.RuleFor(l => l).Must(l => !VietnameseCulture.TryParseDong(l.TotalCost, out var c) || !VietnameseCulture.TryParseDong(l.RequestedAmount, out var r) || r <= c)
                .OverridePropertyName(nameof(ProjectInput.ContentLine.RequestedAmount)).WithMessage("Kinh phí đề nghị không được lớn hơn tổng chi phí.");
        });
        RuleForEach(x => x.Beneficiaries).ChildRules(line =>
        {
            line.RuleFor(l => l.Name).NotEmpty().WithMessage("Hãy nhập tên cơ sở thụ hưởng.").MaximumLength(300).WithMessage("Tối đa 300 ký tự.");
            line.RuleFor(l => l.TaxCode).Must(t => string.IsNullOrWhiteSpace(t) || ProjectRules.IsTaxCode(t))
                .WithMessage((_, t) => Domain.Establishments.TaxCode.Check(t).Error + " Ví dụ: 0100109106, 0100109106-001 hoặc số định danh cá nhân 12 chữ số.");
            line.RuleFor(l => l.Commune).NotEmpty().WithMessage("Hãy nhập xã, phường của cơ sở.").MaximumLength(200).WithMessage("Tối đa 200 ký tự.");
            line.RuleFor(l => l.Type).IsInEnum().WithMessage("Loại hình cơ sở không hợp lệ.");
        });
        RuleForEach(x => x.Outcomes).ChildRules(line =>
        {
            line.RuleFor(l => l.IndicatorCode).Must(c => c is not null && indicatorCodes.Contains(c)).WithMessage("Hãy chọn chỉ tiêu trong danh mục.");
            line.RuleFor(l => l.Target).Must(v => VietnameseCulture.TryParseDong(v, out _)).WithMessage("Chỉ tiêu là số nguyên không âm.");
        });
    }
}
