using System.Buffers.Binary;
using System.Security.Cryptography;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, Base32 key), in tests only,
/// so that specs can type the code a user would read off their phone. The portal itself uses Identity's.
/// </summary>
public static class TestTotp
{
    public static string Code(string base32Key, DateTimeOffset? at = null)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // HMAC-SHA1 is what RFC 6238 and every authenticator app use (and Identity verifies); not a choice made here.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is wrong now (and in the neighbouring steps Identity also accepts).</summary>
    public static string WrongCode(string base32Key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Code(base32Key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
