using System.Net;
using System.Text.RegularExpressions;

namespace KhuyenCong.Web.Tests.Infrastructure;

/// <summary>Drives Razor Pages forms like a browser: reads the antiforgery token from the page, posts the fields.</summary>
public static partial class HttpForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    /// <summary>The value of a field as the page rendered it (hidden fields such as Version).</summary>
    public static string Field(string html, string name)
    {
        foreach (Match m in HiddenPattern().Matches(html))
        {
            if (m.Groups[1].Value == name)
            {
                return WebUtility.HtmlDecode(m.Groups[2].Value);
            }
        }

        throw new InvalidOperationException($"No field {name} on the page.");
    }

    /// <summary>The value of the option a select shows as chosen (or its first option).</summary>
    public static string SelectedOption(string html, string name)
    {
        var start = html.IndexOf($"name=\"{name}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</select>", start, StringComparison.Ordinal);
        var select = html[start..end];
        var chosen = Regex.Match(select, "<option selected=\"selected\" value=\"([^\"]*)\"");
        return chosen.Success ? chosen.Groups[1].Value : Regex.Match(select, "<option[^>]*value=\"([^\"]*)\"").Groups[1].Value;
    }

    public static async Task<string> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="url"/>, then posts its form with the given fields (and the page's token).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? postUrl = null, string? page = null)
    {
        page ??= await client.GetPageAsync(url);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Token(page))));
        return await client.PostAsync(postUrl ?? url, content);
    }

    /// <summary>
    /// Signs in as a user would: the password, then, when the portal asks for it, the code the test authenticator
    /// shows now (<see cref="TestUsers.AuthenticatorKey"/>). The answer is that of the last step.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = TestUsers.Password)
    {
        var response = await client.PasswordStepAsync(email, password);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } next && next.ToString().Contains("/Account/TwoFactor", StringComparison.Ordinal)
            ? await client.SubmitAsync(next.ToString(), new Dictionary<string, string> { ["Code"] = TestTotp.Code(TestUsers.AuthenticatorKey) })
            : response;
    }

    /// <summary>Only the password step of signing in.</summary>
    public static async Task<HttpResponseMessage> PasswordStepAsync(this HttpClient client, string email, string password = TestUsers.Password) =>
        await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task SignInOkAsync(this HttpClient client, string email, string password = TestUsers.Password)
    {
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>
    /// The page's text with the labels that stack a table's cells on a phone (<c>data-label</c>) taken out, so a spec
    /// reads cells as a laptop shows them; PlansPageSpecs asserts the labels themselves.
    /// </summary>
    public static string Cells(string html) => StackLabel().Replace(Text(html), string.Empty);

    /// <summary>The words a reader sees, tags dropped and white space collapsed: for a spec that reads a table as a sentence.</summary>
    public static string Words(string html) => Space().Replace(WebUtility.HtmlDecode(Tag().Replace(html, " ")), " ").Trim();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tag();

    [System.Text.RegularExpressions.GeneratedRegex("\\s+")]
    private static partial System.Text.RegularExpressions.Regex Space();

    [System.Text.RegularExpressions.GeneratedRegex("""\s+data-label="[^"]*"(?=[\s>])""")]
    private static partial System.Text.RegularExpressions.Regex StackLabel();
}
