using KhuyenCong.Data;
using KhuyenCong.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Web.Pages;

/// <summary>
/// Saves an edit only if nobody changed the entity since the form was opened: the posted
/// <see cref="IVersioned.Version"/> becomes the original value EF compares against, and a mismatch is
/// turned into a Vietnamese message while the user's input stays on the form.
/// </summary>
public static class StaleEdit
{
    public const string Message = "Dữ liệu này vừa được người khác thay đổi sau khi bạn mở trang. Thay đổi của bạn chưa được lưu; hãy tải lại trang để xem bản mới nhất rồi sửa lại.";

    public static async Task<bool> TrySaveAsync(KhuyenCongDbContext db, IVersioned entity, Guid postedVersion, ModelStateDictionary modelState, CancellationToken ct = default)
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = postedVersion;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            modelState.AddModelError(string.Empty, Message);
            return false;
        }
    }
}
