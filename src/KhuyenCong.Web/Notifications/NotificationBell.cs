using System.Security.Claims;

namespace KhuyenCong.Web.Notifications;

/// <summary>The header's bell: the signed-in user's unread count, one indexed COUNT per page.</summary>
public static class NotificationBell
{
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
            return await context.RequestServices.GetRequiredService<Notifier>().UnreadCountAsync(userId, context.RequestAborted);
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
