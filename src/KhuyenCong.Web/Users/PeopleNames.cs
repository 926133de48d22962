using KhuyenCong.Data;
using KhuyenCong.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Users;

/// <summary>
/// The people a page names, as people know each other: full name and role today («Nguyễn Văn A (Chuyên viên Cục)»),
/// never the sign-in e-mail. Records keep who acted as written at the time (<see cref="Projects.ProjectScope.DisplayName"/>),
/// with the user's id where the record has one, and older rows may hold an e-mail: a page reads the users it shows
/// in one query (<see cref="LoadAsync"/>) and then writes each author with <see cref="Of(string?, string?)"/>, falling back to what was stored
/// for an act of no user (an import, the command line) or of a deleted user.
/// </summary>
public sealed class PeopleNames
{
    private readonly Dictionary<string, string> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byLogin = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nobody known: every author is written as stored.</summary>
    public static readonly PeopleNames None = new();

    /// <summary>
    /// The users named by <paramref name="ids"/>, or by a stored author that is a sign-in name or e-mail
    /// (<paramref name="stored"/>), in one query.
    /// </summary>
    public static async Task<PeopleNames> LoadAsync(KhuyenCongDbContext db, IEnumerable<string?> ids, IEnumerable<string?> stored, CancellationToken ct)
    {
        var wantedIds = ids.OfType<string>().Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var logins = stored.OfType<string>().Select(s => s.Trim()).Where(s => s.Contains('@', StringComparison.Ordinal) && !s.Contains(' ', StringComparison.Ordinal))
            .Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var names = new PeopleNames();
        if (wantedIds.Count == 0 && logins.Count == 0)
        {
            return names;
        }

        var users = await db.Users.AsNoTracking()
            .Where(u => wantedIds.Contains(u.Id) || logins.Contains(u.NormalizedEmail!) || logins.Contains(u.NormalizedUserName!))
            .Select(u => new
            {
                u.Id, u.UserName, u.Email, u.FullName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        foreach (var u in users.Where(u => !string.IsNullOrWhiteSpace(u.FullName)))
        {
            var shown = u.Role is null ? u.FullName.Trim() : $"{u.FullName.Trim()} ({Roles.Label(u.Role)})";
            names._byId[u.Id] = shown;
            foreach (var login in new[] { u.UserName, u.Email }.OfType<string>())
            {
                names._byLogin[login] = shown;
            }
        }

        return names;
    }

    /// <summary>
    /// The author of a record: the user's name and role today when the record names a known user (by id, or by the
    /// e-mail it stored), keeping what the record adds after them (", qua API, mã «…»"); else as stored.
    /// </summary>
    public string Of(string? userId, string? stored)
    {
        var text = stored?.Trim() ?? string.Empty;
        if (userId is not null && _byId.TryGetValue(userId, out var shown))
        {
            var via = text.IndexOf(", qua API", StringComparison.Ordinal);
            return via < 0 ? shown : shown + text[via..];
        }

        return _byLogin.TryGetValue(text, out var byLogin) ? byLogin : text;
    }

    /// <summary>The author of a record that keeps no user id: by the e-mail it stored, else as stored.</summary>
    public string Of(string? stored) => Of(null, stored);
}
