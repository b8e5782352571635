using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TuyenGiao.Api.Observability;

namespace TuyenGiao.Api.Security;

/// <summary>Bearer tokens, the role policies, the per-user submission limit, and how they show in Swagger.</summary>
public static class SecuritySetup
{
    public static void AddTuyenGiaoSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthSettings>().Bind(builder.Configuration.GetSection(AuthSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthSettings>, AuthSettings.Validation>();
        services.AddSingleton<TokenIssuer>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
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
            o.Events = new JwtBearerEvents { OnMessageReceived = OrleansDashboard.TokenFromCookie };
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
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    private static AuthorizationPolicy RolesPolicy(string name) =>
        new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(Policies.Roles[name].Select(r => r.ClaimValue()))
            .Build();
}
