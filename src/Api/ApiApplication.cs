using TuyenGiao.Api.Accounts;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using TuyenGiao.Api.Auditing;
using TuyenGiao.Api.PersonalData;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Api.CommitteeRecords;
using TuyenGiao.Api.Committees;
using TuyenGiao.Api.Reports;
using TuyenGiao.Api.Contests;
using TuyenGiao.Api.Contests.Live;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Api.Health;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Http.Input;
using TuyenGiao.Api.Http.OpenApi;
using TuyenGiao.Api.Observability;
using TuyenGiao.Api.Security;
using TuyenGiao.Api.WebUi;
using TuyenGiao.Committees;
using TuyenGiao.Silo;

namespace TuyenGiao.Api;

/// <summary>
/// Builds the HTTP application. By default it co-hosts a silo (one process runs everything); with
/// Orleans:Mode=Client it is only a client of a cluster whose silos run elsewhere.
/// </summary>
public static class ApiApplication
{
    /// <summary>No request of this Api needs more: the largest, a contest's details with its prize tiers, is a few KiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 64 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        if (string.Equals(builder.Configuration["Orleans:Mode"], "Client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client.AddTuyenGiaoClient(builder.Configuration));
            builder.Services.AddTuyenGiaoStorage(PostgresConnection.Resolve(builder.Configuration), PostgresConnection.ResolveReads(builder.Configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo.AddTuyenGiaoSilo(builder.Configuration));
        }

        builder.Services.Configure<JsonOptions>(o =>
        {
            // Strict: an unknown field or an enum given as a number is a mistake worth a 400, not something to ignore.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // A field given twice is ambiguous (which one did the client mean?): refuse it rather than keep the last.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // A number sent as a string ("12") is a mistake of type, not something to guess at.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // The one guard every string passes, and the accepted range of every date and instant (see docs/input.md).
            o.SerializerOptions.Converters.Add(new GuardedStringConverter());
            o.SerializerOptions.Converters.Add(new BoundedDateOnlyConverter());
            o.SerializerOptions.Converters.Add(new BoundedInstantConverter());
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Logging.AddTuyenGiaoConsole(builder.Configuration);
        builder.AddTuyenGiaoMetrics();
        builder.AddTuyenGiaoSecurity();
        builder.AddTrustedProxies();
        var maxBodyBytes = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBodyBytes);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context => FrameworkProblems.AddFieldAndReason(context, maxBodyBytes));
        builder.Services.AddExceptionHandler<UnhandledErrors>();
        builder.Services.AddTuyenGiaoHealth();
        builder.Services.AddSingleton<ContestLiveFeeds>();
        builder.Services.AddSingleton<PastTallies>();
        builder.Services.AddSingleton<PersonalDataReads>();
        builder.Services.AddSingleton<QuizParticipationReader>();
        builder.Services.AddSingleton<QuizLiveFeeds>();
        builder.Services.AddSingleton<QuizResultsCache>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContestLiveFeeds>());
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddTuyenGiaoOpenApi();

        var app = builder.Build();
        // First: everything after it, the limits and the logs included, sees the client's own address.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCorrelationIds();
        app.UseInputGuard();
        app.UseTuyenGiaoWebUi();
        app.UseTuyenGiaoOpenApi();
        app.UseSwaggerUI(o => o.EnablePersistAuthorization());
        app.UseTuyenGiaoSecurity();
        app.MapTuyenGiaoHealth();
        app.MapTuyenGiaoMetrics();
        app.MapTuyenGiaoDashboard();
        app.MapTuyenGiaoWebUi();
        app.MapCommitteeEndpoints();
        app.MapReorganisationEndpoints();
        app.MapContestEndpoints();
        app.MapJudgingEndpoints();
        app.MapExplanationEndpoints();
        app.MapQuizEndpoints();
        app.MapCampaignEndpoints();
        app.MapCommitteeRecordsEndpoints();
        app.MapPeriodReportEndpoints();
        app.MapAuditEndpoints();
        app.MapAdminEndpoints();
        app.MapPersonalDataEndpoints();
        app.MapSessionEndpoints();
        app.MapAccountEndpoints();
        return app;
    }
}
