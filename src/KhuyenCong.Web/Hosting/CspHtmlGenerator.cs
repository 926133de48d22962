using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Web.Hosting;

/// <summary>
/// ASP.NET Core's HTML generator, except that an empty validation summary keeps its placeholder item hidden with the
/// <c>hidden</c> attribute instead of <c>style="display:none"</c>: the portal's CSP (<c>style-src 'self'</c>, see
/// <see cref="SecurityHeaders"/>) blocks inline style attributes, and the browser reported one on every page with a
/// form. The unobtrusive validation script empties and refills that list either way.
/// </summary>
public sealed class CspHtmlGenerator(
    IAntiforgery antiforgery, IOptions<MvcViewOptions> options, IModelMetadataProvider metadataProvider, IUrlHelperFactory urlHelperFactory,
    HtmlEncoder htmlEncoder, ValidationHtmlAttributeProvider validationAttributeProvider)
    : DefaultHtmlGenerator(antiforgery, options, metadataProvider, urlHelperFactory, htmlEncoder, validationAttributeProvider)
{
    private const string InlineHidden = "<li style=\"display:none\"></li>";

    public override TagBuilder? GenerateValidationSummary(ViewContext viewContext, bool excludePropertyErrors, string? message, string? headerTag, object? htmlAttributes)
    {
        var tag = base.GenerateValidationSummary(viewContext, excludePropertyErrors, message, headerTag, htmlAttributes);
        if (tag is null || !tag.HasInnerHtml)
        {
            return tag;
        }

        using var writer = new StringWriter();
        tag.InnerHtml.WriteTo(writer, HtmlEncoder.Default);
        var html = writer.ToString();
        if (html.Contains(InlineHidden, StringComparison.Ordinal))
        {
            tag.InnerHtml.Clear();
            tag.InnerHtml.AppendHtml(html.Replace(InlineHidden, "<li hidden></li>", StringComparison.Ordinal));
        }

        return tag;
    }
}
