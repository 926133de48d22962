namespace KhuyenCong.Web.Security;

/// <summary>Claim types the portal adds at sign-in to carry a user's scope.</summary>
public static class PortalClaims
{
    public const string FullName = "kc:full_name";

    /// <summary>
    /// Present when the account has a second factor (authenticator app) turned on; written from the database each
    /// time the principal is built, so the MFA gate needs no query of its own.
    /// </summary>
    public const string TwoFactor = "kc:mfa";

    /// <summary>Id of the province a province-scoped user works for.</summary>
    public const string ProvinceId = "kc:province_id";

    /// <summary>Code of a region an organiser may read (one claim per region).</summary>
    public const string Region = "kc:region";
}
