using KhuyenCong.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace KhuyenCong.Web.Security;

/// <summary>Authorization policies, by name; pages name these constants, never role strings.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);

    /// <summary>Reading reference data: every signed-in user.</summary>
    public const string SignedIn = nameof(SignedIn);

    public static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
