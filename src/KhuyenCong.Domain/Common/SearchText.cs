using System.Globalization;
using System.Text;

namespace KhuyenCong.Domain.Common;

/// <summary>Builds diacritics-insensitive search keys: "Bắc Ninh" and "bac ninh" give the same key.</summary>
public static class SearchText
{
    public static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // FormD does not decompose Đ/đ (a letter of its own, not D with a mark): map it by hand.
            var mapped = c switch
            {
                'Đ' or 'đ' or 'Ð' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(mapped) || mapped is '–' or '—')
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            builder.Append(mapped);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
