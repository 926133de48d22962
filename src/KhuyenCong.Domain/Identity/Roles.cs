namespace KhuyenCong.Domain.Identity;

/// <summary>The portal's roles (docs/domain.md §2). Role names are these constants, never literals elsewhere.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string MinistryOfficer = nameof(MinistryOfficer);
    public const string MinistryApprover = nameof(MinistryApprover);
    public const string ProvinceOfficer = nameof(ProvinceOfficer);
    public const string ProvinceApprover = nameof(ProvinceApprover);
    public const string ConferenceOrganiser = nameof(ConferenceOrganiser);
    public const string Viewer = nameof(Viewer);

    /// <summary>Thành viên hội đồng bình chọn: scores the products of the votes whose council they sit on, sees nothing else (docs/domain.md §13).</summary>
    public const string Reviewer = nameof(Reviewer);

    public static readonly IReadOnlyList<string> All =
        [Admin, MinistryOfficer, MinistryApprover, ProvinceOfficer, ProvinceApprover, ConferenceOrganiser, Viewer, Reviewer];

    /// <summary>Roles that see the whole country: ministry staff, viewers and administrators.</summary>
    public static readonly IReadOnlyList<string> NationalReaders = [MinistryOfficer, MinistryApprover, Viewer, Admin];

    public static bool IsNationalReader(string? role) => role is MinistryOfficer or MinistryApprover or Viewer or Admin;

    public static bool Exists(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Roles bound to exactly one province.</summary>
    public static bool IsProvinceScoped(string role) => role is ProvinceOfficer or ProvinceApprover;

    /// <summary>
    /// Roles that must sign in with a second factor (an authenticator app): those who approve money or manage
    /// accounts (OWASP ASVS 5 V6.3.3). Other roles may turn it on for themselves.
    /// </summary>
    public static bool RequiresTwoFactor(string? role) => role is Admin or MinistryApprover or ProvinceApprover;

    /// <summary>Roles bound to one or more regions.</summary>
    public static bool IsRegionScoped(string role) => role is ConferenceOrganiser;

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        MinistryOfficer => "Chuyên viên Cục",
        MinistryApprover => "Lãnh đạo Cục",
        ProvinceOfficer => "Chuyên viên Sở Công Thương",
        ProvinceApprover => "Lãnh đạo Sở Công Thương",
        ConferenceOrganiser => "Ban tổ chức hội nghị vùng",
        Viewer => "Người xem",
        Reviewer => "Thành viên hội đồng bình chọn",
        _ => role,
    };
}
