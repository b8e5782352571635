using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using TuyenGiao.Accounts;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Accounts;

/// <summary>
/// Signing in and out on the login page, one's own password, and bearer tokens for one's scripts. The session is a
/// cookie (<see cref="SessionCookie"/>); every request of the session that changes something carries the antiforgery
/// token (<see cref="SessionAntiforgery"/>), sign-in and reset included.
/// </summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/session").WithTags("Session");

        group.MapGet("/antiforgery", Antiforgery)
            .WithName("GetAntiforgeryToken").WithSummary("The token to send in the X-CSRF-TOKEN header with each request of a session that changes " +
                "something (sign-in included); read it again after signing in.")
            .AllowAnonymous()
            .Produces<AntiforgeryResponse>();

        group.MapGet("/sign-in-options", SignInOptions)
            .WithName("GetSignInOptions").WithSummary("How one may sign in here: with a password always, and through the province's single sign-on " +
                "provider when one is set up (Auth:Oidc).")
            .AllowAnonymous()
            .Produces<SignInOptionsResponse>();

        group.MapGet("/single-sign-on", StartSingleSignOn)
            .WithName("StartSingleSignOn").WithSummary("For a browser: goes to the single sign-on provider (authorisation code with PKCE), which " +
                "sends it back to the login page signed in, or with ?sso=no-account or ?sso=failed. 404 when no provider is set up.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status302Found).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", SignIn)
            .WithName("SignIn").WithSummary($"Sign in with a username and password; the session is a cookie. After {AccountDecisions.MaxFailuresInARow} " +
                $"failed attempts in a row the account is locked for {AccountDecisions.LockoutLasts.TotalMinutes:0} minutes (423, with lockedUntil).")
            .AllowAnonymous()
            .Produces<SessionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);

        group.MapGet("/", Current)
            .WithName("GetSession").WithSummary("Who is signed in, with their grants.")
            .RequireAuthorization(Policies.Account)
            .Produces<SessionResponse>();

        // Cast: a handler of HttpContext alone would otherwise bind as a RequestDelegate, its result discarded.
        group.MapDelete("/", (Func<HttpContext, Task<IResult>>)SignOut)
            .WithName("SignOut").WithSummary("End this session.")
            .RequireAuthorization(Policies.Account)
            .Produces(StatusCodes.Status204NoContent);

        group.MapPut("/password", ChangePassword)
            .WithName("ChangePassword").WithSummary("Change one's own password (the first one must be changed before anything else): every other " +
                "session and token of the account ends, this session goes on.")
            .RequireAuthorization(Policies.Account)
            .Produces<SessionResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/password-reset", ResetPassword)
            .WithName("ResetPassword").WithSummary("Set a new password with the one-time link an admin issued; then sign in with it.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/tokens", IssueToken)
            .WithName("IssueSessionToken").WithSummary("A short-lived bearer token for one's own scripts, with the account's grants as they stand " +
                "at each use: it stops working when the account is disabled, a grant revoked or the password changed.")
            .RequireAuthorization(Policies.Account)
            .Produces<AccountTokenResponse>(StatusCodes.Status201Created);
    }

    private static AntiforgeryResponse Antiforgery(IAntiforgery antiforgery, HttpContext http) =>
        new(antiforgery.GetAndStoreTokens(http).RequestToken!, SessionAntiforgery.HeaderName);

    private static SignInOptionsResponse SignInOptions(SingleSignOn.Settings singleSignOn) =>
        new(singleSignOn.IsOn
            ? new SingleSignOnOption(string.IsNullOrWhiteSpace(singleSignOn.DisplayName) ? "Đăng nhập một lần" : singleSignOn.DisplayName,
                "/api/session/single-sign-on")
            : null);

    private static IResult StartSingleSignOn(string? next, SingleSignOn.Settings singleSignOn)
    {
        if (!singleSignOn.IsOn)
            return Problems.Status(StatusCodes.Status404NotFound, "singleSignOn", "no single sign-on provider is set up here (Auth:Oidc:Authority)");
        if (ProviderSignIn.CheckNext(next) is { } badNext)
            return Problems.Invalid(new Dictionary<string, string[]> { ["next"] = [badNext] });
        return TypedResults.Challenge(ProviderSignIn.Challenge(next), [ProviderSignIn.Scheme]);
    }

    private static async Task<IResult> SignIn(SignInRequest request, IGrainFactory grains, AccountSessions sessions, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        // A username that cannot exist gets the same answer as a wrong password: the answer never tells which accounts exist.
        if (Usernames.TryNormalize(request.Username) is not { } username)
            return WrongPassword();
        var result = await grains.GetGrain<IAccountGrain>(username).SignIn(request.Password!, new CommandContext(Actor(http), http.CommandContext().CorrelationId));
        switch (result)
        {
            case { Outcome: SignInOutcome.SignedIn, Access: { } access }:
                sessions.Forget(username);
                await http.SignInAsync(SecuritySetup.Session, AccountSessions.PrincipalOf(access, SecuritySetup.Session));
                return TypedResults.Ok(SessionResponse.From(access));
            case { Outcome: SignInOutcome.LockedOut, LockedUntil: { } until }:
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Status(StatusCodes.Status423Locked, "username",
                    $"locked after {AccountDecisions.MaxFailuresInARow} failed sign-ins until {until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; an admin can unlock it with a reset link");
            default:
                return WrongPassword();
        }
    }

    private static async Task<IResult> Current(AccountSessions sessions, HttpContext http) =>
        await OwnAccess(sessions, http) is { } access
            ? TypedResults.Ok(SessionResponse.From(access, AccountSessions.SignedOnElsewhere(http.User)))
            : NotAnAccount();

    private static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(SecuritySetup.Session);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest request, IGrainFactory grains, AccountSessions sessions, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (AccountSessions.UsernameOf(http.User) is not { } username)
            return NotAnAccount();
        var result = await grains.GetGrain<IAccountGrain>(username).ChangePassword(request.CurrentPassword!, request.NewPassword!, http.CommandContext());
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        sessions.Forget(username);
        if (await sessions.CurrentAsync(username) is not { } access)
            return NotAnAccount();
        // The change ended every session of the account (its stamp moved on); this one goes on under the new stamp.
        if (http.User.Identity?.AuthenticationType == SecuritySetup.Session)
            await http.SignInAsync(SecuritySetup.Session, AccountSessions.PrincipalOf(access, SecuritySetup.Session));
        return TypedResults.Ok(SessionResponse.From(access));
    }

    private static async Task<IResult> ResetPassword(ResetPasswordRequest request, IGrainFactory grains, AccountSessions sessions, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (ResetLinks.Read(request.Token!) is not var (username, secret))
            return Problems.From(Rejection.RuleViolation("token", "this link has expired or been used: ask an admin for a new one"));
        var result = await grains.GetGrain<IAccountGrain>(username).ResetPassword(secret, request.NewPassword!,
            new CommandContext(Actor(http), http.CommandContext().CorrelationId));
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        sessions.Forget(username);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> IssueToken(AccountSessions sessions, TokenIssuer tokens, HttpContext http)
    {
        // Only a session mints tokens: a token that could mint its successor would never have to end.
        if (http.User.Identity?.AuthenticationType != SecuritySetup.Session)
            return Problems.Status(StatusCodes.Status403Forbidden, "session", "tokens are issued to a session signed in on the login page");
        var signedOnElsewhere = AccountSessions.SignedOnElsewhere(http.User);
        if (await OwnAccess(sessions, http) is not { } access || AccountSessions.MustChangePasswordFirst(access, signedOnElsewhere))
            return Problems.Status(StatusCodes.Status403Forbidden, "session", "change the first password before asking for tokens");
        var (token, expiresAt) = tokens.IssueForAccount(access, signedOnElsewhere);
        return TypedResults.Created((string?)null, new AccountTokenResponse(token, expiresAt));
    }

    private static async Task<AccountAccess?> OwnAccess(AccountSessions sessions, HttpContext http) =>
        AccountSessions.UsernameOf(http.User) is { } username ? await sessions.CurrentAsync(username) : null;

    /// <summary>Who tried to sign in is not known until it succeeds: the events say from where.</summary>
    private static string Actor(HttpContext http) => $"sign-in from {http.Connection.RemoteIpAddress}";

    private static IResult WrongPassword() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "password", "the username or the password is wrong");

    private static IResult NotAnAccount() =>
        Problems.Status(StatusCodes.Status403Forbidden, "session", "this is a key holder's token (ops/token.sh), not an account's: sign in on the login page");
}
