using System.IO.Compression;

namespace KhuyenCong.Excel;

/// <summary>What the zip directory of an Office package says before any part is inflated.</summary>
public enum PackageProblem
{
    None,

    /// <summary>A VBA project (a macro-enabled .xlsm or .docm, whatever its extension).</summary>
    Macro,

    /// <summary>The parts would inflate beyond the limit, or one part expands suspiciously much: a decompression bomb.</summary>
    Bomb,
}

/// <summary>
/// The one rule, for the Excel import and for dossier uploads alike, that reads an Office package's zip directory
/// (sizes as recorded, nothing inflated) for a macro project or a decompression bomb.
/// </summary>
public static class PackageGuard
{
    /// <summary>A part is counted as a bomb by its ratio only from this size, so that small, very regular parts pass.</summary>
    private const long RatioFloorBytes = 1024 * 1024;

    public static PackageProblem Inspect(ZipArchive zip, long maxUncompressedBytes, int maxCompressionRatio)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
            {
                return PackageProblem.Macro;
            }

            total += entry.Length;
            if (total > maxUncompressedBytes
                || (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > maxCompressionRatio && entry.Length > RatioFloorBytes))
            {
                return PackageProblem.Bomb;
            }
        }

        return PackageProblem.None;
    }
}
