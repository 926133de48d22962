using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace KhuyenCong.Web.Api;

// One page of a list. NextCursor is opaque: it holds the sort key of the last row, not an offset, so a row inserted
// while a client pages never makes it see a row twice or skip one (keyset paging). The XML doc below is the
// OpenAPI schema's description, hence Vietnamese.
/// <summary>
/// Một trang của danh sách. Gửi lại nextCursor trong tham số cursor để lấy trang sau; cursor giữ khóa sắp xếp của
/// dòng cuối (không phải vị trí), nên dòng thêm vào trong lúc đọc không làm lặp hay sót dòng nào.
/// </summary>
/// <param name="Items">Các bản ghi của trang này, theo thứ tự sắp xếp ghi ở điểm cuối.</param>
/// <param name="NextCursor">Gửi lại trong tham số cursor để lấy trang sau; null ở trang cuối.</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Encodes and decodes cursors: the last row's sort key as JSON, in base64url.</summary>
public static class ApiCursor
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;

    public const string InvalidMessage = "Tham số cursor không hợp lệ: hãy dùng đúng giá trị nextCursor của trang trước.";

    public static string Encode<T>(T key) => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>False for a cursor that was not made by <see cref="Encode{T}"/> (the caller answers 400).</summary>
    public static bool TryDecode<T>(string? cursor, out T? key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            key = JsonSerializer.Deserialize<T>(WebEncoders.Base64UrlDecode(cursor));
            return key is not null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The page size asked for, within 1..<see cref="MaxLimit"/>; null when out of range.</summary>
    public static int? Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit,
        _ => null,
    };

    public static string LimitMessage => $"Tham số limit phải từ 1 đến {MaxLimit}.";
}
