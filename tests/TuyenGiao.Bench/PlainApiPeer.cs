using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using TuyenGiao.Testing;

namespace TuyenGiao.Bench;

/// <summary>
/// The API a team would write without actors or event sourcing, to measure TuyenGiao against: the same route and JSON,
/// the same bearer token checked the same way (HS256, issuer, audience, expiry), the same shape checks, then one INSERT
/// per request with Npgsql (a unique key on contest and submission id, so a retry stores nothing twice). With
/// <c>--no-db</c> it answers 201 without touching the database: the ceiling of HTTP on this machine with this load generator.
/// It runs as its own process (<c>TuyenGiao.Bench peer</c>), as the Api does.
/// </summary>
public static class PlainApiPeer
{
    private sealed record EntryBody(string? SubmissionId, string? AuthorName, string? CommitteeCode, string? Title, int? Words);

    public static async Task<int> RunAsync(int port, bool useDatabase)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var key = new SymmetricSecurityKey(Convert.FromBase64String(Environment.GetEnvironmentVariable("Auth__SigningKey")!));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "tuyengiao",
                ValidAudience = "tuyengiao-api",
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorization();
        var database = useDatabase ? NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("TUYENGIAO_PG")!) : null;
        if (database is not null)
        {
            await using var create = database.CreateCommand("""
                CREATE SCHEMA IF NOT EXISTS bench;
                CREATE TABLE IF NOT EXISTS bench.plain_entries (
                    entry_number bigserial PRIMARY KEY, contest_id text NOT NULL, submission_id text NOT NULL, author_name text NOT NULL,
                    committee_code text NOT NULL, title text NOT NULL, words integer NOT NULL, submitted_at timestamptz NOT NULL,
                    UNIQUE (contest_id, submission_id));
                """);
            await create.ExecuteNonQueryAsync();
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => Results.Ok());
        app.MapPost("/api/contests/{contestId}/entries", async (string contestId, EntryBody body, CancellationToken ct) =>
        {
            if (Invalid(body) is { } problem)
                return Results.ValidationProblem(problem);
            var submittedAt = DateTimeOffset.UtcNow;
            if (database is null)
                return Results.Created($"/api/contests/{contestId}/entries/{body.SubmissionId}", new { contestId, body.SubmissionId, entryNumber = 0, submittedAt });
            await using var insert = database.CreateCommand("""
                INSERT INTO bench.plain_entries (contest_id, submission_id, author_name, committee_code, title, words, submitted_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (contest_id, submission_id) DO NOTHING RETURNING entry_number
                """);
            foreach (var value in new object[] { contestId, body.SubmissionId!, body.AuthorName!.Normalize(), body.CommitteeCode!, body.Title!.Normalize(), body.Words!.Value, submittedAt })
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            var number = await insert.ExecuteScalarAsync(ct);
            return Results.Created($"/api/contests/{contestId}/entries/{body.SubmissionId}", new { contestId, body.SubmissionId, entryNumber = number, submittedAt });
        }).RequireAuthorization();
        await app.RunAsync();
        return 0;
    }

    private static Dictionary<string, string[]>? Invalid(EntryBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.SubmissionId is not { Length: >= 1 and <= 64 })
            errors["submissionId"] = ["1 to 64 characters"];
        if (string.IsNullOrWhiteSpace(body.AuthorName) || body.AuthorName.Length > 200)
            errors["authorName"] = ["1 to 200 characters"];
        if (string.IsNullOrWhiteSpace(body.CommitteeCode) || body.CommitteeCode.Length > 32)
            errors["committeeCode"] = ["1 to 32 characters"];
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 500)
            errors["title"] = ["1 to 500 characters"];
        if (body.Words is not (>= 1 and <= 100_000))
            errors["words"] = ["between 1 and 100,000"];
        return errors.Count == 0 ? null : errors;
    }
}

/// <summary>A <see cref="PlainApiPeer"/> started as its own process, with a token for it signed by its own key.</summary>
public sealed class PeerProcess : IHttpTarget, IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _token;

    private PeerProcess(Process process, Uri address, string token) => (_process, Address, _token) = (process, address, token);

    public Uri Address { get; }

    public HttpClient Client(TimeSpan timeout, SocketsHttpHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = Address, Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _token);
        return client;
    }

    public static async Task<PeerProcess> StartAsync(string repositoryRoot, string connectionString, bool useDatabase)
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = await ApiProcess.MintAsync(repositoryRoot, signingKey, "bench-admin", "admin");
        var port = NodeProcess.FreeOrleansPorts().Silo;
        var start = new ProcessStartInfo("dotnet", [typeof(PlainApiPeer).Assembly.Location, "peer", "--port", port.ToString(), useDatabase ? "--db" : "--no-db"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Auth__SigningKey"] = signingKey, ["TUYENGIAO_PG"] = connectionString },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"   peer: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new PeerProcess(process, new Uri($"http://127.0.0.1:{port}"), token);
        using var http = new HttpClient { BaseAddress = peer.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(200))
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return peer;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        await peer.DisposeAsync();
        throw new InvalidOperationException("the plain API peer did not start within 30 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>Something the load generator posts to: the Api, or a peer.</summary>
public interface IHttpTarget
{
    HttpClient Client(TimeSpan timeout, SocketsHttpHandler? handler = null);
}
