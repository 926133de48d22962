using KhuyenCong.Domain.Common;
using KhuyenCong.Domain.Geography;
using KhuyenCong.Domain.Projects;

namespace KhuyenCong.Domain.Establishments;

/// <summary>
/// Cơ sở công nghiệp nông thôn: one establishment of the registry (docs/domain.md §12), whatever number of projects
/// it benefits from. Found by its tax code when it has one, else by its portal code; a project's beneficiaries
/// point here.
/// </summary>
public sealed class Establishment : IVersioned, ISearchable, IAudited
{
    public int Id { get; private set; }

    /// <summary>Mã số thuế in its normal form (10 digits, 10-3 or 12 digits), unique nationwide; null for a household without one.</summary>
    public string? TaxCode { get; private set; }

    /// <summary>Mã cơ sở trên cổng: given to every establishment, the only identifier of one without a tax code.</summary>
    public string PortalCode { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public BeneficiaryType Type { get; private set; }

    /// <summary>The province it was registered in (an old province for establishments registered before the merger).</summary>
    public int ProvinceId { get; private set; }

    public Province? Province { get; private set; }

    /// <summary>Xã, phường, đặc khu (no districts since 1/7/2025).</summary>
    public string Commune { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    /// <summary>Ngành nghề.</summary>
    public string? Sector { get; private set; }

    /// <summary>Sản phẩm chính.</summary>
    public string? MainProducts { get; private set; }

    /// <summary>Số lao động.</summary>
    public int? Workers { get; private set; }

    /// <summary>Do phụ nữ làm chủ.</summary>
    public bool WomenOwned { get; private set; }

    /// <summary>Sử dụng lao động là người dân tộc thiểu số.</summary>
    public bool EthnicMinorityEmployer { get; private set; }

    /// <summary>Ở địa bàn ưu tiên (Decree 45/2012 Art. 6).</summary>
    public bool PriorityArea { get; private set; }

    public string? ContactName { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Name and commune folded (diacritics, case, spaces): how an establishment without a tax code is matched.</summary>
    public string MatchKey { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public string SearchKey { get; set; } = string.Empty;

    public Guid Version { get; set; }

    public string SearchSource() => $"{Name} {TaxCode} {PortalCode} {Commune} {MainProducts}";

    /// <summary>The identifier people quote: the tax code, else the portal code.</summary>
    public string Identifier => TaxCode ?? PortalCode;

    /// <summary>A new establishment from checked values (<see cref="EstablishmentRules.Refuse"/> first).</summary>
    public static Establishment Register(EstablishmentDraft draft, DateTime nowUtc)
    {
        var e = new Establishment { PortalCode = NewPortalCode(), CreatedAtUtc = nowUtc };
        e.Write(draft, nowUtc);
        return e;
    }

    /// <summary>Changes the establishment to checked values.</summary>
    public void Update(EstablishmentDraft draft, DateTime nowUtc) => Write(draft, nowUtc);

    /// <summary>The match key of a name and a commune: the same for "Hộ kinh doanh Nguyễn Văn A", "ho kinh doanh nguyen van a".</summary>
    public static string MatchKeyOf(string name, string commune) => $"{SearchText.Key(name)}|{SearchText.Key(commune)}";

    private void Write(EstablishmentDraft d, DateTime nowUtc)
    {
        TaxCode = string.IsNullOrWhiteSpace(d.TaxCode) ? null : Establishments.TaxCode.Check(d.TaxCode).Normalized ?? d.TaxCode.Trim();
        (Name, Type, ProvinceId, Commune) = (d.Name.Trim(), d.Type, d.ProvinceId, d.Commune.Trim());
        (Address, Sector, MainProducts, Workers) = (Blank(d.Address), Blank(d.Sector), Blank(d.MainProducts), d.Workers);
        (WomenOwned, EthnicMinorityEmployer, PriorityArea) = (d.WomenOwned, d.EthnicMinorityEmployer, d.PriorityArea);
        (ContactName, Phone, Email) = (Blank(d.ContactName), Blank(d.Phone), Blank(d.Email));
        MatchKey = MatchKeyOf(Name, Commune);
        UpdatedAtUtc = nowUtc;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string NewPortalCode() => "CS-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}

/// <summary>What a user (or an import, or a project's beneficiary line) gives for an establishment.</summary>
public sealed record EstablishmentDraft(
    string Name,
    string? TaxCode,
    BeneficiaryType Type,
    int ProvinceId,
    string Commune,
    string? Address = null,
    string? Sector = null,
    string? MainProducts = null,
    int? Workers = null,
    bool WomenOwned = false,
    bool EthnicMinorityEmployer = false,
    bool PriorityArea = false,
    string? ContactName = null,
    string? Phone = null,
    string? Email = null);
