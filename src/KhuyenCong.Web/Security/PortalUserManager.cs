using KhuyenCong.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Security;

/// <summary>
/// Identity's user manager that tells <see cref="SessionRevocations"/> the user's stamp after every successful
/// write. Every change that ends sessions (sign-out, disabling, a role change, a password change, any change of the
/// second factor) renews the stamp and ends in this one write, so no page has to remember to report it.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    SessionRevocations revocations)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
        {
            revocations.Record(user.Id, user.SecurityStamp);
        }

        return result;
    }
}
