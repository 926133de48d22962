namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>LibreOffice headless, as the specs drive it: one file converted to another format in a folder of its own.</summary>
public static class LibreOffice
{
    /// <summary>
    /// Converts <paramref name="file"/> with <c>soffice --convert-to <paramref name="format"/></c> into
    /// <paramref name="outFolder"/> (a private profile beside the file, 3 minutes at most) and returns the result's bytes;
    /// fails the test with soffice's output when it does not write one.
    /// </summary>
    public static async Task<byte[]> ConvertAsync(string soffice, string file, string outFolder, string format)
    {
        var profile = Path.Combine(Path.GetDirectoryName(file)!, "profile");
        var start = new System.Diagnostics.ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", format, "--outdir", outFolder, file })
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var target = Path.Combine(outFolder, Path.GetFileNameWithoutExtension(file) + "." + format);
        Assert.True(process.ExitCode == 0 && File.Exists(target), $"soffice failed on {Path.GetFileName(file)}: {await output} {await error}");
        return await File.ReadAllBytesAsync(target);
    }
}
