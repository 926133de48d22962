using KhuyenCong.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace KhuyenCong.Web.Security;

/// <summary>Authorization policies, by name; pages name these constants, never role strings.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);

    /// <summary>Reading reference data: every signed-in user.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Nationwide monitoring pages (completeness of periodic reports): ministry staff, viewers, administrators.</summary>
    public const string NationalReader = nameof(NationalReader);

    /// <summary>The JSON API: a personal access token only, never the sign-in cookie (Api/ApiEndpoints.cs).</summary>
    public const string Api = nameof(Api);

    /// <summary>The OpenAPI document and reference page: a signed-in user, or a token.</summary>
    public const string ApiDocs = nameof(ApiDocs);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Api, p => p.AddAuthenticationSchemes(Web.Api.ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
        options.AddPolicy(ApiDocs, p => p.AddAuthenticationSchemes(Web.Api.ApiEndpoints.DocsScheme).RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(NationalReader, p => p.RequireAuthenticatedUser().RequireRole(Roles.NationalReaders));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
