using KhuyenCong.Domain.Common;

namespace KhuyenCong.Domain.Establishments;

/// <summary>The checks of an establishment's values (docs/domain.md §12), each with a Vietnamese message; every writer asks here.</summary>
public static class EstablishmentRules
{
    public const int NameLength = 300;

    /// <summary>Why these values may not be stored, by field; empty when they may.</summary>
    public static IEnumerable<(string Field, string Message)> Refuse(EstablishmentDraft d)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            yield return (nameof(d.Name), "Hãy nhập tên cơ sở.");
        }
        else if (d.Name.Trim().Length > NameLength)
        {
            yield return (nameof(d.Name), $"Tên cơ sở không được dài quá {NameLength} ký tự.");
        }

        if (!string.IsNullOrWhiteSpace(d.TaxCode) && TaxCode.Check(d.TaxCode) is { IsValid: false } bad)
        {
            yield return (nameof(d.TaxCode), bad.Error!);
        }

        if (string.IsNullOrWhiteSpace(d.Commune))
        {
            yield return (nameof(d.Commune), "Hãy nhập xã, phường nơi cơ sở hoạt động.");
        }

        if (!Enum.IsDefined(d.Type))
        {
            yield return (nameof(d.Type), "Hãy chọn loại hình cơ sở.");
        }

        if (d.Workers is < 0 or > 1_000_000)
        {
            yield return (nameof(d.Workers), "Số lao động phải từ 0 đến 1.000.000.");
        }

        if (!string.IsNullOrWhiteSpace(d.Email) && !System.Net.Mail.MailAddress.TryCreate(d.Email.Trim(), out _))
        {
            yield return (nameof(d.Email), "Địa chỉ thư điện tử không hợp lệ.");
        }
    }

    /// <summary>
    /// Whether two names (of establishments in the same commune) are near enough to be the same establishment typed
    /// twice: equal once folded, one inside the other, or at most one edit per eight letters apart.
    /// </summary>
    public static bool NearDuplicate(string a, string b)
    {
        var (x, y) = (SearchText.Key(a), SearchText.Key(b));
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        if (x == y || x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))
        {
            return true;
        }

        return Distance(x, y) <= Math.Max(1, Math.Max(x.Length, y.Length) / 8);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
