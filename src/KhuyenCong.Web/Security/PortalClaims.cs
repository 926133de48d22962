namespace KhuyenCong.Web.Security;

/// <summary>Claim types the portal adds at sign-in to carry a user's scope.</summary>
public static class PortalClaims
{
    public const string FullName = "kc:full_name";

    /// <summary>Id of the province a province-scoped user works for.</summary>
    public const string ProvinceId = "kc:province_id";

    /// <summary>Code of a region an organiser may read (one claim per region).</summary>
    public const string Region = "kc:region";
}
