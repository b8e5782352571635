using TuyenGiao.Access;
using TuyenGiao.Accounts;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Accounts;

/// <summary>
/// Accounts and their grants, managed by admins, and by officers below their own committee (<see cref="AccessRules"/>).
/// Every change is an event of the account's stream with its actor; the auditor's view of who held what, when, reads them.
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts");

        group.MapPost("/", Create)
            .WithName("CreateAccount").WithSummary("Create an account: a person (with a first password they change at their first sign-in, and an " +
                "e-mail or a phone), or a service (a program, issued tokens). It holds no grant until one is given.")
            .RequireAuthorization(Policies.Officers)
            .Produces<AccountResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", List)
            .WithName("ListAccounts").WithSummary("The accounts: all for admins and auditors; for an officer, those they may manage.")
            .RequireAuthorization(Policies.RecordReaders)
            .Produces<IReadOnlyList<AccountResponse>>();

        group.MapGet("/grants-in-force", GrantsInForce)
            .WithName("ListGrantsInForce").WithSummary("Who held which grant at a moment (asOf; default now), and who gave it when; with committeeCode, " +
                "only the grants that acted for that committee (it or one above it, as organised that day, and those everywhere).")
            .RequireAuthorization(Policies.Auditors)
            .Produces<IReadOnlyList<GrantInForceResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{username}", Get)
            .WithName("GetAccount").WithSummary("One account: for admins, auditors, the account itself, and the officers who may manage it.")
            .RequireAuthorization(Policies.Account)
            .Produces<AccountResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{username}/grants", Grant)
            .WithName("GrantRole").WithSummary("Give the account a role: officer or organiser of a committee, judge (in one contest, or any panel), " +
                "auditor, admin. Giving one it holds changes nothing.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<AccountResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{username}/grants/revoke", Revoke)
            .WithName("RevokeRole").WithSummary("Take a role back: the account's sessions and tokens end on every node within a minute.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<AccountResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{username}/disable", Disable)
            .WithName("DisableAccount").WithSummary("Disable the account, with the reason: its sessions and tokens end on every node within a minute.")
            .RequireAuthorization(Policies.Officers)
            .Produces<AccountResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{username}/enable", Enable)
            .WithName("EnableAccount").WithSummary("Enable a disabled account again (it signs in anew).")
            .RequireAuthorization(Policies.Officers)
            .Produces<AccountResponse>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{username}/reset-link", IssueResetLink)
            .WithName("IssueResetLink").WithSummary($"A one-time link that sets a new password (and unlocks the account), valid " +
                $"{AccountDecisions.ResetLinkLasts.TotalHours:0} hours; an earlier link stops working. Shown once: give it to the person.")
            .RequireAuthorization(Policies.Officers)
            .Produces<ResetLinkResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{username}/tokens", IssueServiceToken)
            .WithName("IssueServiceToken").WithSummary("A bearer token for a service account, with its grants as they stand at each use; it stops " +
                "working when the account is disabled or a grant revoked.")
            .RequireAuthorization(Policies.Admins)
            .Produces<AccountTokenResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> Create(CreateAccountRequest request, IGrainFactory grains, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        var username = request.Username is null ? null : Usernames.Normalize(request.Username);
        if (username is not null)
            errors.Check(Usernames.Validate("username", username));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (AccessRules.MayCreateAccounts(http.Caller()) is { } denied)
            return Problems.From(denied);
        var grain = grains.GetGrain<IAccountGrain>(username!);
        var command = new CreateAccount(request.FullName!, request.Email, request.Phone, request.Kind ?? AccountKind.Person, request.FirstPassword);
        var result = await grain.Create(command, http.CommandContext());
        return result.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/api/accounts/{username}", AccountResponse.From((await grain.Get())!));
    }

    private static async Task<IResult> List(AccountDirectory accounts, CommitteePaths paths, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var all = await accounts.AllAsync(ct);
        if (caller.Is(Role.Admin) || caller.Is(Role.Auditor))
            return TypedResults.Ok(all.Select(AccountResponse.From).ToList());
        var manageable = new List<AccountResponse>();
        foreach (var account in all)
            if (AccessRules.MayManageAccount(caller, await WithPaths(account, paths, ct)) is null)
                manageable.Add(AccountResponse.From(account));
        return TypedResults.Ok(manageable);
    }

    private static async Task<IResult> GrantsInForce(string? committeeCode, DateTimeOffset? asOf, GrantHistory history, CommitteeDirectory directory,
        CancellationToken ct)
    {
        var moment = asOf ?? DateTimeOffset.UtcNow;
        var grants = await history.InForceAtAsync(moment, ct);
        if (committeeCode is not null)
        {
            var code = CommitteeCode.Normalize(committeeCode);
            if (CommitteeCode.Validate("committeeCode", code) is { } bad)
                return Problems.From(bad);
            var path = (await directory.PathToRootAsync(code, VietnamTime.DayOf(moment), ct)).Select(c => c.Code).ToList();
            if (path.Count == 0)
                return Problems.NotFound("committeeCode", $"no committee with code '{code}' stood on {VietnamTime.DayOf(moment):dd/MM/yyyy}");
            grants = grants.Where(g => g.Grant.CommitteeCode is null ? g.Grant.Role is Role.Admin or Role.Auditor : g.Grant.Covers(path)).ToList();
        }
        return TypedResults.Ok(grants.Select(g => new GrantInForceResponse(g.Username, GrantResponse.From(g.Grant), g.GrantedAt, g.GrantedBy)).ToList());
    }

    private static Task<IResult> Get(string username, IGrainFactory grains, CommitteePaths paths, HttpContext http, CancellationToken ct) =>
        WithAccount(username, grains, async (name, account) =>
        {
            var caller = http.Caller();
            var own = AccountSessions.UsernameOf(http.User) == name;
            if (!own && !caller.Is(Role.Auditor) && AccessRules.MayManageAccount(caller, await WithPaths(account, paths, ct)) is { } denied)
                return Problems.From(denied);
            return TypedResults.Ok(AccountResponse.From(account));
        });

    private static Task<IResult> Grant(string username, GrantRequest request, IGrainFactory grains, CommitteePaths paths, ContestOrganisers organisers,
        AccountSessions sessions, HttpContext http, CancellationToken ct) =>
        ChangeGrant(username, request, grains, paths, organisers, sessions, http, ct, (grain, grant) => grain.Grant(grant, http.CommandContext()));

    private static Task<IResult> Revoke(string username, GrantRequest request, IGrainFactory grains, CommitteePaths paths, ContestOrganisers organisers,
        AccountSessions sessions, HttpContext http, CancellationToken ct) =>
        ChangeGrant(username, request, grains, paths, organisers, sessions, http, ct, (grain, grant) => grain.Revoke(grant, http.CommandContext()));

    private static Task<IResult> Disable(string username, DisableAccountRequest request, IGrainFactory grains, CommitteePaths paths, AccountSessions sessions,
        HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors().RequiredOf(request);
        return errors.Any
            ? Task.FromResult<IResult>(Problems.Invalid(errors.ToDictionary()))
            : Manage(username, grains, paths, sessions, http, ct, grain => grain.Disable(request.Reason!, http.CommandContext()));
    }

    private static Task<IResult> Enable(string username, IGrainFactory grains, CommitteePaths paths, AccountSessions sessions, HttpContext http,
        CancellationToken ct) =>
        Manage(username, grains, paths, sessions, http, ct, grain => grain.Enable(http.CommandContext()));

    private static Task<IResult> IssueResetLink(string username, IGrainFactory grains, CommitteePaths paths, HttpContext http, CancellationToken ct) =>
        WithAccount(username, grains, async (name, account) =>
        {
            if (AccessRules.MayManageAccount(http.Caller(), await WithPaths(account, paths, ct)) is { } denied)
                return Problems.From(denied);
            var issued = await grains.GetGrain<IAccountGrain>(name).IssueResetLink(http.CommandContext());
            return issued.Link is { } link
                ? TypedResults.Created((string?)null, new ResetLinkResponse(ResetLinks.Write(http.Request, name, link.Token), link.ExpiresAt))
                : Problems.From(issued.Rejection!);
        });

    private static Task<IResult> IssueServiceToken(string username, IGrainFactory grains, TokenIssuer tokens) =>
        WithAccount(username, grains, async (name, account) =>
        {
            if (account.Kind != AccountKind.Service)
                return Problems.From(Rejection.RuleViolation("username", "a person's tokens are issued to their own session (POST /api/session/tokens)"));
            if (await grains.GetGrain<IAccountGrain>(name).GetAccess() is not { } access)
                return Problems.From(Rejection.RuleViolation("username", $"'{name}' is disabled"));
            var (token, expiresAt) = tokens.IssueForAccount(access);
            return TypedResults.Created((string?)null, new AccountTokenResponse(token, expiresAt));
        });

    private static async Task<IResult> ChangeGrant(string username, GrantRequest request, IGrainFactory grains, CommitteePaths paths,
        ContestOrganisers organisers, AccountSessions sessions, HttpContext http, CancellationToken ct, Func<IAccountGrain, Grant, Task<CommandResult>> change)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (Access.Grant.TryCreate(request.Role!.Value, request.CommitteeCode, request.ContestId, out var named) is { } badScope)
            return Problems.From(badScope);
        var grant = named!;
        IReadOnlyList<string> path = grant.CommitteeCode is { } code ? await paths.OfAsync(code, ct) : [];
        if (grant.CommitteeCode is not null && path.Count == 0)
            return Problems.NotFound("committeeCode", $"no committee with code '{grant.CommitteeCode}' is registered");
        var organiser = grant.ContestId is { } contest ? await organisers.OfAsync(contest) : null;
        if (grant.ContestId is not null && organiser is null)
            return Problems.NotFound("contestId", $"no contest '{grant.ContestId}' is announced");
        if (AccessRules.MayChangeGrant(http.Caller(), grant, path, organiser) is { } denied)
            return Problems.From(denied);
        return Usernames.TryNormalize(username) is { } name
            ? await Answer(name, grains, sessions, grain => change(grain, grant))
            : Problems.NotFound("username", $"no account is named '{username}'");
    }

    private static Task<IResult> Manage(string username, IGrainFactory grains, CommitteePaths paths, AccountSessions sessions, HttpContext http,
        CancellationToken ct, Func<IAccountGrain, Task<CommandResult>> change) =>
        WithAccount(username, grains, async (name, account) =>
            AccessRules.MayManageAccount(http.Caller(), await WithPaths(account, paths, ct)) is { } denied
                ? Problems.From(denied)
                : await Answer(name, grains, sessions, change));

    private static async Task<IResult> Answer(string username, IGrainFactory grains, AccountSessions sessions, Func<IAccountGrain, Task<CommandResult>> change)
    {
        var grain = grains.GetGrain<IAccountGrain>(username);
        var result = await change(grain);
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        // This node knows at once; the others within AccountCheckEvery.
        sessions.Forget(username);
        return TypedResults.Ok(AccountResponse.From((await grain.Get())!));
    }

    private static async Task<IResult> WithAccount(string username, IGrainFactory grains, Func<string, Account, Task<IResult>> then)
    {
        if (Usernames.TryNormalize(username) is not { } name || await grains.GetGrain<IAccountGrain>(name).Get() is not { } account)
            return Problems.NotFound("username", $"no account is named '{username}'");
        return await then(name, account);
    }

    private static async Task<IReadOnlyList<(Grant, IReadOnlyList<string>)>> WithPaths(Account account, CommitteePaths paths, CancellationToken ct)
    {
        var withPaths = new List<(Grant, IReadOnlyList<string>)>();
        foreach (var grant in account.Grants)
            withPaths.Add((grant, grant.CommitteeCode is { } code ? await paths.OfAsync(code, ct) : []));
        return withPaths;
    }
}
