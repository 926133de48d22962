using FluentValidation;
using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Establishments;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Web.Establishments;

/// <summary>What the establishment form posts; numbers are text so that anything typed comes back with a message, never a 500.</summary>
public sealed class EstablishmentInput
{
    public string? Name { get; set; }

    public string? TaxCode { get; set; }

    public BeneficiaryType Type { get; set; } = BeneficiaryType.HouseholdBusiness;

    public int? ProvinceId { get; set; }

    public string? Commune { get; set; }

    public string? Address { get; set; }

    public string? Sector { get; set; }

    public string? MainProducts { get; set; }

    public string? Workers { get; set; }

    public bool WomenOwned { get; set; }

    public bool EthnicMinorityEmployer { get; set; }

    public bool PriorityArea { get; set; }

    public string? ContactName { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public static EstablishmentInput From(Establishment e) => new()
    {
        Name = e.Name, TaxCode = e.TaxCode, Type = e.Type, ProvinceId = e.ProvinceId, Commune = e.Commune, Address = e.Address,
        Sector = e.Sector, MainProducts = e.MainProducts, Workers = e.Workers?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        WomenOwned = e.WomenOwned, EthnicMinorityEmployer = e.EthnicMinorityEmployer, PriorityArea = e.PriorityArea,
        ContactName = e.ContactName, Phone = e.Phone, Email = e.Email,
    };

    public static bool TryWorkers(string? text, out int? workers)
    {
        workers = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (VietnameseCulture.TryParseDong(text, out var value) && value == decimal.Truncate(value) && value is >= int.MinValue and <= int.MaxValue)
        {
            workers = (int)value;
            return true;
        }

        return false;
    }

    /// <summary>The draft the domain checks (<see cref="EstablishmentRules.Refuse"/>).</summary>
    public EstablishmentDraft ToDraft() => new(
        Name ?? string.Empty, TaxCode, Type, ProvinceId ?? 0, Commune ?? string.Empty, Address, Sector, MainProducts,
        TryWorkers(Workers, out var w) ? w : null, WomenOwned, EthnicMinorityEmployer, PriorityArea, ContactName, Phone, Email);
}

/// <summary>The form's checks: the shape of the numbers here, every rule of an establishment from <see cref="EstablishmentRules"/> (docs/domain.md §12).</summary>
public sealed class EstablishmentInputValidator : AbstractValidator<EstablishmentInput>
{
    public EstablishmentInputValidator()
    {
        RuleFor(x => x.ProvinceId).NotNull().WithMessage("Hãy chọn tỉnh, thành phố.");
        RuleFor(x => x.Workers).Must(w => EstablishmentInput.TryWorkers(w, out _)).WithMessage("Số lao động là một số nguyên, ví dụ 25.");
        RuleFor(x => x.Address).MaximumLength(400).WithMessage("Địa chỉ tối đa 400 ký tự.");
        RuleFor(x => x.Sector).MaximumLength(200).WithMessage("Ngành nghề tối đa 200 ký tự.");
        RuleFor(x => x.MainProducts).MaximumLength(500).WithMessage("Sản phẩm chính tối đa 500 ký tự.");
        RuleFor(x => x.Commune).MaximumLength(200).WithMessage("Xã, phường tối đa 200 ký tự.");
        RuleFor(x => x.ContactName).MaximumLength(200).WithMessage("Người liên hệ tối đa 200 ký tự.");
        RuleFor(x => x.Phone).MaximumLength(30).WithMessage("Điện thoại tối đa 30 ký tự.");
        RuleFor(x => x.Email).MaximumLength(256).WithMessage("Thư điện tử tối đa 256 ký tự.");
        RuleFor(x => x).Custom((input, context) =>
        {
            foreach (var (field, message) in EstablishmentRules.Refuse(input.ToDraft()))
            {
                context.AddFailure(field, message);
            }
        });
    }
}
