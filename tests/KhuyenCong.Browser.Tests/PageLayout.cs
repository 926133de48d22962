using Microsoft.Playwright;

namespace KhuyenCong.Browser.Tests;

/// <summary>Whether a page fits its viewport's width, and if not, which elements stick out.</summary>
public static class PageLayout
{
    // The elements whose right edge passes the viewport while their parent's does not: where the overflow starts.
    // Elements inside a box that scrolls or clips horizontally (.table-responsive) do not widen the page and are skipped.
    private const string Script = """
        () => {
            const width = document.documentElement.clientWidth;
            const scrollWidth = document.documentElement.scrollWidth;
            const clipped = el => {
                for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') return true;
                }
                return false;
            };
            const sticksOut = el => el.getBoundingClientRect().right > width + 0.5;
            const found = [];
            for (const el of document.body.querySelectorAll('*')) {
                if (!sticksOut(el) || clipped(el) || (el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement))) continue;
                const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
                const test = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
                const text = (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
                found.push(`<${el.tagName.toLowerCase()}${cls}${test}> right edge ${Math.round(el.getBoundingClientRect().right)} px: "${text}"`);
                if (found.length === 5) break;
            }
            return { scrollWidth, found };
        }
        """;

    public sealed record Fit(int ScrollWidth, string[] Found);

    public static async Task<Fit> MeasureAsync(IPage page)
    {
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(Script);
        return new Fit(result.GetProperty("scrollWidth").GetInt32(), [.. result.GetProperty("found").EnumerateArray().Select(f => f.GetString()!)]);
    }

    /// <summary>Null when the page does not scroll sideways at this width; else which page and what sticks out.</summary>
    public static async Task<string?> OverflowAsync(IPage page, int width, string what)
    {
        var fit = await MeasureAsync(page);
        if (fit.ScrollWidth <= width)
        {
            return null;
        }

        await BrowserSession.ScreenshotAsync(page, "phone-overflow-" + string.Concat(what.Where(char.IsLetterOrDigit)));
        return $"{what} ({page.Url}) is {fit.ScrollWidth} px wide on a {width} px phone; sticking out:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", fit.Found)}";
    }
}
