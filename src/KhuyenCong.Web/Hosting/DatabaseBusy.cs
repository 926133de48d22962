using Microsoft.Data.Sqlite;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// SQLite has one writer at a time. A save that waited the whole busy timeout (<c>Database:BusyTimeoutSeconds</c>)
/// behind another writer, typically a large import committing all or nothing, is refused with a Vietnamese message
/// and status 409 instead of a 500: nothing of that request was written (its transaction never began or was rolled
/// back), and trying again once the import has ended succeeds. Readers never get here: in WAL mode they read the
/// last committed snapshot without waiting.
/// </summary>
public sealed class DatabaseBusy(RequestDelegate next)
{
    public const string Message = "Cơ sở dữ liệu đang bận ghi một lượt nhập dữ liệu lớn nên chưa lưu được thay đổi của bạn; không có gì được ghi. Hãy thử lại sau ít phút.";

    /// <summary>Marks the request for the error page, which then shows <see cref="Message"/>.</summary>
    public const string ItemKey = "KhuyenCong.DatabaseBusy";

    /// <summary>Whether the exception, or one it wraps, is SQLite's SQLITE_BUSY or SQLITE_LOCKED.</summary>
    public static bool Is(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (Is(ex) && !context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILogger<DatabaseBusy>>().LogWarning(ex, "Database busy: request refused with 409");
            context.Response.Clear();
            context.Items[ItemKey] = true;
            context.Response.StatusCode = StatusCodes.Status409Conflict;
        }
    }
}
