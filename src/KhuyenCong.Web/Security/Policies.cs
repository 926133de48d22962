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

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(NationalReader, p => p.RequireAuthenticatedUser().RequireRole(Roles.NationalReaders));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
