using System.Security.Claims;

namespace KhuyenCong.Web.Notifications;

/// <summary>
/// The header's bell: the signed-in user's unread count, one indexed COUNT kept under the data version. A new
/// notification is saved as a figure write (a new version); marking read renews none, so <see cref="Notifier"/>
/// forgets the count where it marks, and another instance shows the mark within <see cref="OtherInstanceBound"/>.
/// </summary>
public static class NotificationBell
{
    /// <summary>How long a count may lag a mark made on another instance.</summary>
    public static readonly TimeSpan OtherInstanceBound = TimeSpan.FromSeconds(30);

    /// <summary>The name of a user's count in the figure cache.</summary>
    public static string Key(string userId) => "bell|" + userId;

    /// <summary>The count, or null when there is no user or the database cannot answer (the page is shown without it).</summary>
    public static async Task<int?> UnreadAsync(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        try
        {
            var notifier = context.RequestServices.GetRequiredService<Notifier>();
            return await context.RequestServices.GetRequiredService<Reports.FigureCache>()
                .LocalForAsync(Key(userId), OtherInstanceBound, c => notifier.UnreadCountAsync(userId, c), context.RequestAborted);
        }
#pragma warning disable CA1031 // the error page must render even when the database is what failed
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.RequestServices.GetRequiredService<ILogger<Notifier>>().LogWarning(ex, "The unread count could not be read");
            return null;
        }
    }

    /// <summary>What the badge shows: the count, or 99+.</summary>
    public static string Badge(int count) => count > 99 ? "99+" : count.ToString(Domain.Common.VietnameseCulture.Instance);
}
