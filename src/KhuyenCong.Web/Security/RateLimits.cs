using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace KhuyenCong.Web.Security;

/// <summary>
/// How often the expensive or guessable actions may be posted (OWASP ASVS 5 V6.3.1, V2.4.1): sign-in per client
/// address (here) and per account (<see cref="AccountThrottle"/>), the second sign-in step, password change,
/// document uploads and Excel imports. Each limit is a number of POSTs per window, from the RateLimits section;
/// over it the answer is 429 with Retry-After and a Vietnamese page. Reading pages is never limited. The JSON API is
/// limited per token: every call (<see cref="ApiPerToken"/>) and, among them, the writes (<see cref="ApiWritesPerToken"/>);
/// over a limit the answer is a 429 problem in Vietnamese.
/// </summary>
public sealed class RateLimits
{
    public const string SignIn = "sign-in";
    public const string SecondFactor = "second-factor";
    public const string Password = "password";
    public const string Upload = "upload";
    public const string Import = "import";

    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    public int SignInPerAddress { get; init; } = 20;

    public int SignInPerAccount { get; init; } = 10;

    public int SecondFactorPerAddress { get; init; } = 20;

    public int PasswordChangesPerUser { get; init; } = 5;

    public int UploadsPerUser { get; init; } = 30;

    public int ImportsPerUser { get; init; } = 10;

    /// <summary>Calls under /api per token and window, whatever the method.</summary>
    public int ApiPerToken { get; init; } = 300;

    /// <summary>Of those, POST, PUT, PATCH and DELETE calls per token and window.</summary>
    public int ApiWritesPerToken { get; init; } = 20;

    public static RateLimits From(IConfiguration configuration) => configuration.GetSection("RateLimits").Get<RateLimits>() ?? new RateLimits();

    public void Register(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            RefuseHeaders(http.Response, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : Window);
            // A page gets the Vietnamese status page (re-executed); an API client gets a problem, never HTML.
            if (Api.ApiEndpoints.IsApi(http.Request.Path))
            {
                await Api.ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, string.Create(CultureInfo.InvariantCulture,
                    $"Mã truy cập đã gửi quá {ApiPerToken} yêu cầu (hoặc quá {ApiWritesPerToken} yêu cầu ghi: POST, PUT, PATCH, DELETE) trong {Window.TotalMinutes:0.##} phút; hãy chờ số giây trong tiêu đề Retry-After rồi thử lại."));
            }
        };
        // Both API limits apply to every call under /api, whatever its endpoint says (an endpoint names at most one
        // policy, and one that names its own must not escape the per-token limits), so they are the global limiter:
        // the writes limit is chained after the limit on all calls. The partition is the token's id, from the principal
        // that ApiEndpoints.UseApiPrincipal put on the request before this middleware (here context.User would otherwise
        // be the cookie's, and a partitioner cannot authenticate: it is synchronous). A call without a valid token is
        // not limited here: it is refused with a 401 before any endpoint runs.
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(c => ApiCallsBy(c, writesOnly: false, ApiPerToken)),
            PartitionedRateLimiter.Create<HttpContext, string>(c => ApiCallsBy(c, writesOnly: true, ApiWritesPerToken)));
        options.AddPolicy(SignIn, c => PostsBy(c, Address(c), SignInPerAddress));
        options.AddPolicy(SecondFactor, c => PostsBy(c, Address(c), SecondFactorPerAddress));
        options.AddPolicy(Password, c => PostsBy(c, UserOf(c), PasswordChangesPerUser));
        options.AddPolicy(Import, c => PostsBy(c, UserOf(c), ImportsPerUser));
        // The project and vote pages post many acts; only their upload handlers are limited.
        options.AddPolicy(Upload, c => string.Equals(c.Request.Query["handler"], "Upload", StringComparison.OrdinalIgnoreCase)
            ? PostsBy(c, UserOf(c), UploadsPerUser)
            : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    /// <summary>Which page answers to which limit: the one place that says it.</summary>
    public static void Apply(PageConventionCollection conventions)
    {
        void On(string page, string policy) =>
            conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));
        On("/Account/Login", SignIn);
        On("/Account/TwoFactor", SecondFactor);
        On("/Account/Mfa/Enrol", SecondFactor);
        On("/Account/ChangePassword", Password);
        On("/Projects/Details", Upload);
        On("/Votes/Details", Upload);
        On("/Exchange/Index", Import);
    }

    /// <summary>The 429's Retry-After header; the status-code page then explains it in Vietnamese.</summary>
    public static void RefuseHeaders(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    internal RateLimitPartition<string> PostsBy(HttpContext context, string key, int permits) =>
        !HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
            });

    private RateLimitPartition<string> ApiCallsBy(HttpContext context, bool writesOnly, int permits)
    {
        var method = context.Request.Method;
        var write = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        return Api.ApiEndpoints.IsApi(context.Request.Path) && (write || !writesOnly) && context.User.FindFirstValue(Api.ApiClaims.TokenId) is { } token
            ? RateLimitPartition.GetFixedWindowLimiter("token:" + token, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty);
    }

    private static string Address(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string UserOf(HttpContext context) =>
        "user:" + (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}

/// <summary>
/// Sign-in attempts per account name, whatever address they come from: the name is in the posted form, which a
/// rate-limiter policy cannot read, so the sign-in page asks this limiter (the same System.Threading.RateLimiting).
/// </summary>
public sealed class AccountThrottle(RateLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.SignInPerAccount,
            Window = limits.Window,
            QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go on; otherwise how long to wait.</summary>
    public TimeSpan? TryAttempt(string name)
    {
        using var lease = _limiter.AttemptAcquire(name.Trim().ToUpperInvariant());
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : limits.Window;
    }

    public void Dispose() => _limiter.Dispose();
}
