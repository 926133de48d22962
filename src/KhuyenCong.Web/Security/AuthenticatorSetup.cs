using System.Text;
using QRCoder;

namespace KhuyenCong.Web.Security;

/// <summary>
/// What a user needs to add the portal to an authenticator app: the shared key in groups of four and a QR code of
/// its otpauth:// address, drawn here as SVG (no image service, no network). The key itself is Identity's.
/// </summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "KhuyenCong";

    /// <summary>"JBSWY3DP..." as "jbsw y3dp ...": easier to type into a phone.</summary>
    public static string Format(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth URI authenticator apps read (Google's Key Uri Format: SHA1, 6 digits, 30 seconds — Identity's TOTP).</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The URI as an SVG QR code, to be written into the page as it is.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
