using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TuyenGiao.Api.Observability;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Bearer tokens and session cookies, the role policies, antiforgery for the session, the per-user submission limit,
/// and how they show in Swagger.
/// </summary>
public static class SecuritySetup
{
    /// <summary>The default scheme: a request with a bearer token is authenticated by it, any other by its session cookie.</summary>
    public const string TokenOrSession = "token-or-session";

    /// <summary>The session cookie of a user signed in on the login page.</summary>
    public const string Session = "session";

    public static void AddTuyenGiaoSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthSettings>().Bind(builder.Configuration.GetSection(AuthSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthSettings>, AuthSettings.Validation>();
        services.AddSingleton<TokenIssuer>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<AccountSessions>();
        var singleSignOn = builder.Configuration.GetSection(SingleSignOn.Settings.Section).Get<SingleSignOn.Settings>() ?? new SingleSignOn.Settings();
        var authentication = services.AddAuthentication(TokenOrSession)
            .AddPolicyScheme(TokenOrSession, "a bearer token (this system's or the provider's), else the session cookie", o => o.ForwardDefaultSelector = http =>
                SingleSignOn.IsProviderToken(http, singleSignOn) ? SingleSignOn.Scheme
                : !string.IsNullOrEmpty(http.Request.Headers.Authorization) || OrleansDashboard.HasTokenCookie(http) ? JwtBearerDefaults.AuthenticationScheme
                : Session)
            .AddJwtBearer()
            .AddCookie(Session);
        SingleSignOn.Add(authentication, singleSignOn);
        ProviderSignIn.Add(authentication, singleSignOn);
        services.AddSingleton(singleSignOn);
        services.AddOptions<CookieAuthenticationOptions>(Session).Configure<IOptions<AuthSettings>>((o, auth) => SessionCookie.Configure(o, auth.Value));
        SharedKeyRing.AddSharedKeyRing(services);
        services.AddSessionAntiforgery();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthSettings>>((o, auth) =>
        {
            var settings = auth.Value;
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = string.IsNullOrWhiteSpace(settings.SigningKey) ? null : settings.Key(),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = TokenClaims.Subject,
                RoleClaimType = TokenClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = OrleansDashboard.TokenFromCookie,
                // A token issued to an account carries no grants: they are the account's, as it stands now.
                OnTokenValidated = async context =>
                {
                    if (context.Principal is not { } principal || !AccountSessions.IsOfAnAccount(principal))
                        return;
                    var current = await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>()
                        .CurrentPrincipalAsync(principal, JwtBearerDefaults.AuthenticationScheme);
                    if (current is null)
                        context.Fail(new AccountSessions.SessionEndedException(
                            "this token's account has been disabled, or a grant revoked or its password changed since it was issued"));
                    else
                        context.Principal = current;
                },
            };
        });

        var authorization = services.AddAuthorizationBuilder()
            // An endpoint that forgets to declare a policy is for admins only, never open.
            .SetFallbackPolicy(RolesPolicy(Policies.Admins));
        foreach (var name in Policies.Roles.Keys)
            authorization.AddPolicy(name, RolesPolicy(name));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();

        services.AddMemoryCache();
        services.AddSingleton<CommitteePaths>();
        services.AddSingleton<ContestOrganisers>();
        services.AddSubmissionRateLimit(builder.Configuration);
    }

    public static void AddBearerToSwagger(this SwaggerGenOptions o)
    {
        o.AddSecurityDefinition(AuthorizationInOpenApi.Scheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token from ops/token.sh, for example `ops/token.sh admin`. Paste the token alone.",
        });
        o.OperationFilter<AuthorizationInOpenApi>();
    }

    public static void UseTuyenGiaoSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseSessionAntiforgery();
        app.UseAuthorization();
    }

    private static AuthorizationPolicy RolesPolicy(string name)
    {
        var policy = new AuthorizationPolicyBuilder(TokenOrSession).RequireAuthenticatedUser();
        // A policy without roles (the session's own endpoints) is for any account signed in, one with no grants yet included.
        return (Policies.Roles[name] is { Length: > 0 } roles ? policy.RequireRole(roles.Select(r => r.ClaimValue())) : policy).Build();
    }
}
