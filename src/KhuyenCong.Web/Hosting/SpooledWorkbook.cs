using Microsoft.AspNetCore.Mvc;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// A workbook written to a temporary file and sent from there, deleted when the response closes: an export of the whole
/// country streams rows from the database into the file without holding the workbook in memory (issue 14).
/// </summary>
public static class SpooledWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileStreamResult Send(string downloadName, Action<Stream> write)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kc-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var file = File.Create(path))
            {
                write(file);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose);
        return new FileStreamResult(stream, ContentType) { FileDownloadName = downloadName };
    }
}
