namespace KhuyenCong.Web.Hosting;

/// <summary>A data root the portal cannot use; its message is printed as it is, without a stack trace.</summary>
public sealed class DataRootException(string message) : Exception(message);

/// <summary>
/// <c>Portal:DataRoot</c>: the one folder the portal writes under when a path is not set explicitly — the default
/// SQLite file (<c>khuyencong.db</c>), the dossier documents (<c>documents/</c>) and the log files (<c>logs/</c>). It used to be the install folder, which a
/// service account should not write to and an upgrade replaces. Default: <c>data/</c> under the content root in
/// Development (so <c>dotnet run</c> works on a fresh machine); elsewhere <c>/var/lib/khuyencong</c>, or
/// <c>%ProgramData%\KhuyenCong</c> on Windows, which the operator creates: outside Development a missing or
/// unwritable data root stops the start with one Vietnamese line instead of failing later on the first write.
/// </summary>
public sealed class DataRoot
{
    private DataRoot(string path) => Path = path;

    public string Path { get; }

    /// <summary>The default outside Development.</summary>
    public static string ServerDefault => OperatingSystem.IsWindows()
        ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "KhuyenCong")
        : "/var/lib/khuyencong";

    /// <summary>The configured data root, checked: created in Development; outside it, it must exist and be writable.</summary>
    public static DataRoot From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Portal:DataRoot"];
        var path = !string.IsNullOrWhiteSpace(configured) ? System.IO.Path.GetFullPath(configured, environment.ContentRootPath)
            : environment.IsDevelopment() ? System.IO.Path.Combine(environment.ContentRootPath, "data")
            : ServerDefault;
        if (environment.IsDevelopment())
        {
            Directory.CreateDirectory(path);
            return new DataRoot(path);
        }

        const string fix = "Hãy tạo thư mục đó và cấp quyền ghi cho tài khoản chạy cổng, hoặc đặt Portal__DataRoot trỏ tới một thư mục như vậy (xem docs/operations.md). Cổng không khởi động.";
        if (!Directory.Exists(path))
        {
            throw new DataRootException($"Lỗi: thư mục dữ liệu «{path}» (Portal:DataRoot) không tồn tại. {fix}");
        }

        var probe = System.IO.Path.Combine(path, $".kiem-tra-ghi-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataRootException($"Lỗi: không ghi được vào thư mục dữ liệu «{path}» (Portal:DataRoot): {ex.Message} {fix}");
        }

        return new DataRoot(path);
    }

    /// <summary>A folder under the data root, or <paramref name="configured"/> when set (relative to the data root); created.</summary>
    public string Folder(string name, string? configured = null)
    {
        var folder = string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(Path, name) : System.IO.Path.GetFullPath(configured, Path);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
