using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KhuyenCong.Data;
using KhuyenCong.Data.Identity;
using KhuyenCong.Web.Api;
using KhuyenCong.Web.Reports;
using KhuyenCong.Web.Security;
using KhuyenCong.Web.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using FluentValidation.AspNetCore;
using Serilog;

namespace KhuyenCong.Web.Hosting;

/// <summary>Composes the portal: services shared by the web server and the command-line verbs, and the HTTP pipeline.</summary>
public static class PortalApp
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The sign-in cookie's name (the OpenAPI document's scheme tells a person from an API client by it).</summary>
    public const string AuthCookieName = "KhuyenCong.Auth";

    /// <summary>Services both the web server and the command-line verbs use.</summary>
    public static void AddPortalCore(this IServiceCollection services, IConfiguration configuration, DataRoot dataRoot)
    {
        services.AddSingleton(dataRoot);
        services.AddPortalDatabase(configuration, dataRoot);
        services.AddMemoryCache();
        // One key ring for every instance, in the database: a cookie or anti-forgery token made by one instance is read
        // by the others. Here rather than in the web server only, so that the migrate verb creates the ring
        // (DatabaseInitializer) before several instances start.
        services.AddDataProtection().SetApplicationName("KhuyenCong").PersistKeysToDbContext<KhuyenCongDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Geography>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApiTokens>();
        services.AddSingleton<ApiTokenSessions>();
        services.AddSingleton<UnknownAccountAttempts>();
        services.AddSingleton(SessionLifetime.From(configuration));
        services.AddSingleton<SessionRevocations>();
        services.AddScoped<Projects.ProjectService>();
        services.AddScoped<Establishments.EstablishmentService>();
        services.AddScoped<Establishments.DoubleSupportCheck>();
        services.AddScoped<Projects.ProjectListCounts>();
        services.AddScoped<Projects.StoredFiles>();
        services.AddScoped<Projects.DocumentStore>();
        services.AddScoped<Projects.DemoProjects>();
        services.AddScoped<Excel.ExchangeImporter>();
        services.AddScoped<Pages.Exchange.PendingPreviews>();
        services.AddScoped<Pages.Exchange.ImportJobs>();
        services.Configure<Pages.Exchange.ImportJobOptions>(configuration.GetSection("Import"));
        // Every writer reads the project limits from configuration (Projects:AdvanceLimitPercent), the importer too.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Projects.ProjectOptions>>().Value.Limits);
        services.AddScoped<Reports.ConferenceReportService>();
        services.AddScoped<Reports.PeriodicReportService>();
        services.AddScoped<Votes.VoteService>();
        services.AddScoped<Votes.VoteFiles>();
        services.AddScoped<Notifications.Notifier>();
        services.AddScoped<Notifications.MailDispatcher>();
        services.Configure<Notifications.MailOptions>(configuration.GetSection("Mail"));
        services.Configure<Notifications.PortalLinks>(configuration.GetSection("Portal"));
        services.AddScoped<Reports.ProgrammeReportService>();
        services.AddScoped<Reports.HomeFigures>();
        services.AddScoped<Reports.PlanFigures>();
        services.AddScoped<Reminders.IReminderSink, Reminders.LedgerReminderSink>();
        services.AddScoped<Reminders.ReminderService>();
        services.AddFigureCache(configuration);
        services.Configure<Excel.ImportLimits>(configuration.GetSection("Import"));
        // One gate per process: previews, confirmations and the command line share Import:MaxConcurrent slots.
        services.AddSingleton(sp => new Excel.ImportGate(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Excel.ImportLimits>>().Value.MaxConcurrent));
        services.Configure<Pages.Exchange.PreviewOptions>(configuration.GetSection("Import"));
        services.Configure<Projects.ProjectOptions>(configuration.GetSection("Projects"));
        services.Configure<Projects.DocumentOptions>(configuration.GetSection("Documents"));
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<HttpCurrentActor>());

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // OWASP ASVS 5 V6.2: length, no composition rules, refuse common passwords (CommonPasswordValidator).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<KhuyenCongDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders();
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // Checked before anything is written: outside Development a missing data root stops the start (DataRootException).
        var dataRoot = DataRoot.From(builder.Configuration, builder.Environment);
        var logFolder = dataRoot.Folder("logs", builder.Configuration["Portal:LogFolder"]);
        builder.Host.UseSerilog((context, services, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(logFolder, "khuyencong-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, formatProvider: CultureInfo.InvariantCulture));

        var services = builder.Services;
        services.AddPortalCore(builder.Configuration, dataRoot);
        // Cookies are Secure-only unless Portal:RequireHttps is false (plain-HTTP trials); behind a TLS proxy, set
        // Portal:TrustForwardedHeaders so the app sees the original https scheme and client address.
        var secure = HttpsOnly.Required(builder.Configuration, builder.Environment)
            ? CookieSecurePolicy.Always
            : CookieSecurePolicy.SameAsRequest;
        if (builder.Configuration.GetValue<bool>("Portal:TrustForwardedHeaders"))
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        // The stamp is checked against the database once per Portal:SessionRecheck (30 s) per cookie, not on every
        // request; a session ended on this instance stops at once through SessionRevocations, one ended on another
        // instance at the next check (docs/security.md states the bound).
        var session = SessionLifetime.From(builder.Configuration);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = session.RecheckInterval;
            o.TimeProvider = clock;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
            // Idle expiry (Portal:IdleTimeout); the maximum lifetime is checked by SessionLifetime.
            options.ExpireTimeSpan = session.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = session.ValidateAsync;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // A refused page answers 403 where it was asked for (rendered by the status-code page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // Between the password and the second factor: short-lived, and as locked down as the sign-in cookie.
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "KhuyenCong.TwoFactor";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        var limits = RateLimits.From(builder.Configuration);
        services.AddSingleton(limits);
        services.AddSingleton<AccountThrottle>();
        services.AddRateLimiter(limits.Register);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "KhuyenCong.Csrf";
            o.Cookie.SecurePolicy = secure;
        });
        services.AddAuthorization(Policies.Register);
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, CspHtmlGenerator>();
        services.AddRazorPages(o => RateLimits.Apply(o.Conventions)).AddMvcOptions(o =>
        {
            // Validation is the validators' job, in Vietnamese; the framework's own messages are Vietnamese too.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.ModelBinderProviders.Insert(0, new CheckboxModelBinderProvider());
            o.ModelMetadataDetailsProviders.Add(new EmptyStringBinding());
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustBeANumberAccessor(_ => "Giá trị phải là một số.");
            m.SetAttemptedValueIsInvalidAccessor((value, _) => $"Giá trị «{value}» không hợp lệ.");
            m.SetValueIsInvalidAccessor(value => $"Giá trị «{value}» không hợp lệ.");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị «{value}» không hợp lệ.");
            m.SetUnknownValueIsInvalidAccessor(_ => "Giá trị không hợp lệ.");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
            m.SetValueMustNotBeNullAccessor(_ => "Giá trị không được để trống.");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
            m.SetMissingBindRequiredValueAccessor(_ => "Thiếu giá trị bắt buộc.");
            m.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị bắt buộc.");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        });
        // Client-side validation from the FluentValidation rules (data-val-* attributes for jQuery unobtrusive validation);
        // the server still validates every post with the same validators.
        services.AddFluentValidationClientsideAdapters();
        services.AddScoped<FluentValidation.IValidator<Projects.ProjectInput>>(_ => Projects.ProjectInputValidator.ForClient());
        // Vietnamese letters are written as they are, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        // Large confirmed imports run here, on every instance (Import:BackgroundRows); the command line keeps importing in its own process.
        services.AddSingleton<Pages.Exchange.ImportJobProgress>();
        services.AddHostedService<Pages.Exchange.ImportJobRunner>();
        // The outbox is sent from every instance (claims keep each mail to one sender); off without Mail:Host.
        services.AddHostedService<Notifications.MailDispatcherService>();
        // The clustered scheduler (Scheduler:Enabled, default true): the web server only, never the command line.
        services.AddPortalScheduler(builder.Configuration, dataRoot);
        services.AddPortalApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void Configure(WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Portal:TrustForwardedHeaders"))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        // Inside the status-code pages: a save refused after the SQLite busy timeout gets a 409 page in Vietnamese.
        app.UseMiddleware<DatabaseBusy>();
        app.UseApiErrors();
        app.UseSecurityHeaders();
        if (HttpsOnly.Required(app.Configuration, app.Environment))
        {
            app.UseHttpsOnly();
        }

        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Culture),
            SupportedCultures = [Culture],
            SupportedUICultures = [Culture],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseApiPrincipal();
        app.UseMiddleware<MfaEnrolmentGate>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapPortalApi();
    }

    /// <summary>First start: migrate (when configured) and, in Development, create the demo accounts.</summary>
    public static async Task InitializeAsync(WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync();
        // Under the database lock: another instance starting at the same moment waits, then finds the accounts and projects.
        await initializer.UnderLockAsync(async () =>
        {
            if (app.Configuration.GetValue<bool>("Portal:CreateDemoAccounts"))
            {
                await DemoAccounts.EnsureAsync(
                    scope.ServiceProvider.GetRequiredService<UserAccounts>(),
                    scope.ServiceProvider.GetRequiredService<KhuyenCongDbContext>(),
                    app.Logger);
            }

            // Development: a first-time user finds projects to look at (README: demo data).
            var db = scope.ServiceProvider.GetRequiredService<KhuyenCongDbContext>();
            if (app.Configuration.GetValue<bool>("Portal:SeedDemoProjects") && !await db.Projects.AnyAsync())
            {
                await scope.ServiceProvider.GetRequiredService<Projects.DemoProjects>().SeedAsync(300, 2022, 2026, 2026);
                await scope.ServiceProvider.GetRequiredService<Reports.PeriodicReportService>().SeedDemoAsync(2026);
                app.Logger.LogInformation("Demo projects created (Portal:SeedDemoProjects)");
            }

            return 0;
        });
    }
}
