using System.Net;
using System.Text.RegularExpressions;
using KhuyenCong.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// The OpenAPI document and the reference page, generic over every route the API maps: an endpoint added under
/// /api/v1 without its OpenAPI metadata (operation id, Vietnamese summary, tags, responses) or a response record
/// without XML docs on its properties fails here, naming the operation or schema.property.
/// </summary>
public sealed partial class OpenApiDocumentSpecs(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> ReadAsync(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var (document, diagnostic) = OpenApiModelFactory.Parse(json, "json", new OpenApiReaderSettings());
        Assert.NotNull(document);
        Assert.NotNull(diagnostic);
        Assert.Contains("\"openapi\": \"3.1", json.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
        return (document, diagnostic);
    }

    [Fact]
    public async Task The_document_parses_without_errors_as_OpenAPI_3_1_with_a_token_and_with_a_signed_in_cookie()
    {
        var portal = await fixture.GetAsync();
        var api = await portal.ApiClientAsync(PortalFixture.OfficerBacNinh);
        var browser = portal.Browser();
        await browser.SignInOkAsync(PortalFixture.OfficerBacNinh);

        foreach (var client in new[] { api, browser })
        {
            var (document, diagnostic) = await ReadAsync(client);
            Assert.True(diagnostic.Errors.Count == 0, string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
            Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
            Assert.Equal("API Cổng thông tin Khuyến công", document.Info.Title);
            Assert.Equal("1", document.Info.Version);
            var scheme = Assert.IsType<OpenApiSecurityScheme>(document.Components!.SecuritySchemes!["bearer"], exactMatch: false);
            Assert.Equal(SecuritySchemeType.Http, scheme.Type);
            Assert.Equal("bearer", scheme.Scheme);
            Assert.Contains(document.Security!, r => r.Keys.Any(k => k.Reference.Id == "bearer"));
        }
    }

    [Fact]
    public async Task The_document_lists_every_api_v1_route_the_app_maps_and_nothing_else()
    {
        var portal = await fixture.GetAsync();
        var (document, _) = await ReadAsync(await portal.ApiClientAsync(PortalFixture.OfficerBacNinh));

        var mapped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
            if (!pattern.StartsWith("api/v1", StringComparison.OrdinalIgnoreCase)
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                mapped.Add($"{method.ToUpperInvariant()} /{Constraint().Replace(pattern, "{$1}")}");
            }
        }

        var documented = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var method in item.Operations?.Keys.ToList() ?? [])
            {
                documented.Add($"{method.Method.ToUpperInvariant()} {path}");
            }
        }

        Assert.Contains("GET /api/v1/me", mapped);
        Assert.True(mapped.Except(documented).ToList() is [], "Mapped but not in the document: " + string.Join(", ", mapped.Except(documented)));
        Assert.True(documented.Except(mapped).ToList() is [], "In the document but not mapped: " + string.Join(", ", documented.Except(mapped)));
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_Vietnamese_summary_tags_a_2xx_answer_and_the_401_problem_and_every_schema_property_a_description()
    {
        var portal = await fixture.GetAsync();
        var (document, _) = await ReadAsync(await portal.ApiClientAsync(PortalFixture.OfficerBacNinh));
        var faults = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var name = $"{method.Method} {path}";
                if (string.IsNullOrWhiteSpace(operation.OperationId) || !ids.Add(operation.OperationId))
                {
                    faults.Add($"{name}: no unique operationId (.WithName)");
                }

                if (!Vietnamese(operation.Summary))
                {
                    faults.Add($"{name}: no Vietnamese summary (.WithSummary)");
                }

                if (operation.Tags is not { Count: > 0 })
                {
                    faults.Add($"{name}: no tags (.WithTags)");
                }

                var responses = operation.Responses ?? [];
                var success = responses.Where(r => r.Key.StartsWith('2') || r.Key == "304").ToList();
                if (!success.Any(r => r.Key is "204" or "304" || r.Value.Content?.Values.Any(c => c.Schema is not null) == true))
                {
                    faults.Add($"{name}: no 2xx answer with a schema (.Produces<T>)");
                }

                if (!responses.TryGetValue("401", out var unauthorized) || unauthorized.Content?.ContainsKey("application/problem+json") != true)
                {
                    faults.Add($"{name}: no 401 problem answer");
                }

                foreach (var (status, response) in responses)
                {
                    if (!Vietnamese(response.Description))
                    {
                        faults.Add($"{name} {status}: the answer's description is not Vietnamese");
                    }
                }
            }
        }

        foreach (var (schemaName, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            foreach (var (property, value) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                // A property whose schema is a reference takes its description from the referencing property (3.1).
                if (!Vietnamese(value.Description))
                {
                    faults.Add($"{schemaName}.{property}: no Vietnamese description (a <param> of the record's XML doc)");
                }
            }
        }

        Assert.True(faults.Count == 0, string.Join(Environment.NewLine, faults));
    }

    [Fact]
    public async Task The_me_answer_and_the_problem_have_examples_and_429_documents_Retry_After()
    {
        var portal = await fixture.GetAsync();
        var (document, _) = await ReadAsync(await portal.ApiClientAsync(PortalFixture.OfficerBacNinh));
        Assert.NotEmpty(document.Components!.Schemas!["MeResponse"].Examples!);
        Assert.NotEmpty(document.Components.Schemas["ProblemDetails"].Examples!);
        var me = document.Paths["/api/v1/me"].Operations![HttpMethod.Get];
        Assert.Equal("Thiếu mã truy cập, mã sai, hết hạn hoặc đã thu hồi.", me.Responses!["401"].Description);
        Assert.Contains("Retry-After", me.Responses["429"].Headers!.Keys);
    }

    [Fact]
    public async Task An_anonymous_API_client_gets_a_401_problem_without_a_Location_and_an_anonymous_browser_is_sent_to_sign_in()
    {
        var portal = await fixture.GetAsync();
        using var client = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });

        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chưa xác thực", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        page.Headers.Accept.ParseAdd("text/html");
        var fromBrowser = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, fromBrowser.StatusCode);
        Assert.Contains("/Account/Login", fromBrowser.Headers.Location!.ToString(), StringComparison.Ordinal);

        var reference = await portal.Browser().GetAsync("/tai-lieu-api/");
        Assert.Equal(HttpStatusCode.Redirect, reference.StatusCode);
        Assert.Contains("/Account/Login", reference.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_shows_the_Vietnamese_title_loads_its_scripts_from_the_portal_and_serves_them()
    {
        var portal = await fixture.GetAsync();
        var browser = portal.Browser();
        await browser.SignInOkAsync(PortalFixture.OfficerBacNinh);

        var response = await browser.GetAsync("/tai-lieu-api/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>API Cổng thông tin Khuyến công</title>", html, StringComparison.Ordinal);
        var sources = SourceAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain(sources, s => s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", string.Join(" ", LinkAttribute().Matches(html).Select(m => m.Value)), StringComparison.Ordinal);

        // The inline start-up script carries the nonce the page's CSP allows; nothing else inline runs.
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceAttribute().Match(html).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"'nonce-{nonce}'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);

        foreach (var source in sources)
        {
            var asset = await browser.GetAsync(new Uri(new Uri("https://localhost/tai-lieu-api/"), source));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Contains("javascript", asset.Content.Headers.ContentType?.MediaType ?? string.Empty, StringComparison.Ordinal);
        }

        // The rest of the site keeps its strict policy.
        var home = await browser.GetAsync("/");
        Assert.Equal("script-src 'self'", home.Headers.GetValues("Content-Security-Policy").Single().Split(';')[1].Trim());
    }

    /// <summary>Vietnamese text: not empty, and with at least one Vietnamese letter (đ, ă, â, ê, ô, ơ, ư or a tone mark).</summary>
    private static bool Vietnamese(string? text) => !string.IsNullOrWhiteSpace(text) && text.Any(c => c > 127 && char.IsLetter(c));

    [GeneratedRegex(@"\{([^}:=?]+)[^}]*\}")]
    private static partial Regex ConstraintRegex();

    private static Regex Constraint() => ConstraintRegex();

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex("<link[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceAttribute();
}
