using System.Security.Claims;
using KhuyenCong.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Identity's sign-in with the portal's rules: disabled accounts are refused (and their sessions end through the
/// security stamp check); an unknown or disabled e-mail costs the same password hashing and reaches the same
/// "locked" answer after as many failures as a real account; the sign-in time is kept for the maximum session
/// lifetime; signing out renews the security stamp so that a copied cookie stops working.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    UnknownAccountAttempts unknownAccounts,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash to verify against when there is no account, so that the answer takes as long as for a real one.</summary>
    private static readonly Lazy<string> s_decoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null && !user.IsDisabled)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), s_decoyHash.Value, password);
        return unknownAccounts.Fail(userName) ? SignInResult.LockedOut : SignInResult.Failed;
    }

    public override Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        authenticationProperties ??= new AuthenticationProperties();
        SessionLifetime.Stamp(authenticationProperties, clock.GetUtcNow());
        return base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    /// <summary>Signs out here and ends every other session of the user (a new security stamp invalidates their cookies).</summary>
    public override async Task SignOutAsync()
    {
        if (Context.User.Identity?.IsAuthenticated == true && await UserManager.GetUserAsync(Context.User) is { } user)
        {
            await UserManager.UpdateSecurityStampAsync(user);
        }

        await base.SignOutAsync();
    }
}
