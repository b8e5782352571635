using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.PersonalData;
using TuyenGiao.Api.Security;
using TuyenGiao.Committees;
using TuyenGiao.Auditing;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.PersonalData;
using TuyenGiao.Quizzes;
using static TuyenGiao.Api.Contests.ContestRouting;

namespace TuyenGiao.Api.Quizzes;

/// <summary>
/// The online quiz of a quiz contest: the organiser sets it up; people take part without a staff account, each with the
/// key their registration gave them. Endpoints check the shape; the grain decides the rest.
/// </summary>
public static class QuizEndpoints
{
    /// <summary>The header a participant sends their key in.</summary>
    public const string KeyHeader = "X-Participant-Key";

    public static void MapQuizEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quizzes/{contestId}").WithTags("Quizzes");

        group.MapGet("/", Get)
            .WithName("GetQuiz").WithSummary("The quiz of a quiz contest: questions per attempt, time limit, rounds (Vietnam time), attempts per round, " +
                "the prediction question, the bank's size (never its key), the consent text, and the round open now. Public.")
            .AllowAnonymous()
            .Produces<QuizResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/committees", Committees)
            .WithName("GetQuizCommittees").WithSummary("The committees a person may take part for: the contest's eligible committees and everything " +
                "below them, breadth first, with depths. Public, for the registration form.")
            .AllowAnonymous()
            .Produces<IReadOnlyList<QuizCommitteeResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/participation", Participation)
            .WithName("GetQuizParticipation").WithSummary("Per committee of the eligible tree (breadth first): the people who took part (an attempt " +
                "started; once each), own and with the committees below, against its party members; and the answers right over the answers " +
                "given. With asOf (a moment, any offset): as the events stood then. Public, like the entry tally.")
            .AllowAnonymous()
            .Produces<IReadOnlyList<CommitteeParticipation>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/participation/live", LiveParticipation)
            .WithName("FollowQuizParticipation").WithSummary("Server-sent events: the participation now, as GetQuizParticipation answers it with " +
                "the quiz stream's version, then after every change (the quiz is asked four times a second). Public, like the entry tally.")
            .AllowAnonymous()
            .Produces<QuizParticipationView>(StatusCodes.Status200OK, "text/event-stream").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/rules", SetRules)
            .WithName("SetQuizRules").WithSummary("Set the quiz's rules, or replace them before the first round opens (the organiser).")
            .RequireAuthorization(Policies.Organisers)
            .Produces<QuizResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/bank", LoadBank)
            .WithName("LoadQuestionBank").WithSummary("Load the whole question bank (four options each, one or more right), replacing the one before, " +
                "before the first round opens (the organiser). The key is never answered back.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<QuizResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/bank/file", LoadBankFile)
            .WithName("LoadQuestionBankFile").WithSummary("Load the whole question bank from a file, as LoadQuestionBank does: CSV (text/csv, UTF-8, " +
                "',' or ';') or the first sheet of an .xlsx workbook, one question a row: question, options A to D, the right options' letters " +
                "(B, or A, C). A header row is skipped. The organiser.")
            .RequireAuthorization(Policies.Organisers)
            .Accepts<string>(QuestionBankFile.Csv, QuestionBankFile.Xlsx)
            .Produces<QuizResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/participants", Register)
            .WithName("RegisterParticipant").WithSummary("Take part: name, phone (0… or +84…, one person either way), year of birth, committee " +
                "(within the contest's eligible tree) and consent. Answers the participant key, once; the same person again gets a new one.")
            .AllowAnonymous().RequireQuizAddressLimit()
            .Produces<ParticipantResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/attempts", Start)
            .WithName("StartQuizAttempt").WithSummary($"Start an attempt in the open round, with the participant key in {KeyHeader}: the questions " +
                "drawn for it, without the key, and the deadline from the server's clock. The same attempt id again answers the same attempt.")
            .AllowAnonymous().RequireQuizAddressLimit()
            .Produces<AttemptResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/attempts/{attemptId}/submission", Submit)
            .WithName("SubmitQuizAttempt").WithSummary($"Submit an attempt's answers and prediction before its deadline, with the participant key in {KeyHeader}: " +
                "answers the score. The same submission again answers the same score; after the deadline it is refused (the attempt closed as it stood).")
            .AllowAnonymous().RequireQuizAddressLimit()
            .Produces<AttemptResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/rounds/{round}/prizes", Prizes)
            .WithName("GetQuizRoundPrizes").WithSummary("The round's prizes as they stand, tier by tier, with each holder's name, committee and phone (the organiser). " +
                "Round 0, here and in the other prize endpoints, is the overall prizes, from the ranking over every round, once the last round has closed.")
            .AnsweringRoundPrizes();

        group.MapPost("/rounds/{round}/prizes/from-ranking", FillPrizes)
            .WithName("FillQuizRoundPrizes").WithSummary("Once the round has closed, fill the contest's individual tiers from the top of its ranking; " +
                "people who share a rank get prizes together or not at all (a shared rank too large for what is left stops the filling: grant directly).")
            .AnsweringRoundPrizes().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/rounds/{round}/prizes", GrantPrize)
            .WithName("GrantQuizRoundPrize").WithSummary("Grant a prize of the round to a person who took part in it, with the reason.")
            .AnsweringRoundPrizes().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/rounds/{round}/publication", PublishResults)
            .WithName("PublishQuizRoundResults").WithSummary("Make the round's prizes final and public (after its close); publishing again changes nothing.")
            .AnsweringRoundPrizes().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/rounds/{round}/prizes/corrections", CorrectPrize)
            .WithName("CorrectQuizRoundPrize").WithSummary("After publication, move a prize of the round from one person to another, with the reason.")
            .AnsweringRoundPrizes().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/rounds/{round}/results", Results)
            .WithName("GetQuizRoundResults").WithSummary("Once a round has closed: how many answered every question right, the ranking (most correct, " +
                "then the prediction closest to that number, then the shorter time, then the earlier submission) and the round's questions with " +
                "their right options; once published, the round's prizes. Round 0 is the overall ranking over every round (totals of the same " +
                "levels, and fewer rounds without a prediction before the predictions' total distance), final when the last round closes. " +
                "Public; before the close, 403.")
            .AllowAnonymous()
            .Produces<RoundResultsResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The organiser's prize endpoints: each answers the round's prizes as they then stand. Round 0 is the overall prizes, over every round.</summary>
    private static RouteHandlerBuilder AnsweringRoundPrizes(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(Policies.Organisers)
            .Produces<IReadOnlyList<RoundPrizeResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static Task<IResult> FillPrizes(string contestId, int round, IGrainFactory grains, PersonalDataReads reads, HttpContext http) =>
        PrizeCommand(contestId, round, grains, reads, http, new FieldErrors(), quiz => quiz.FillPrizes(round, http.CommandContext()));

    private static Task<IResult> GrantPrize(string contestId, int round, GrantRoundPrizeRequest request, IGrainFactory grains, PersonalDataReads reads, HttpContext http) =>
        PrizeCommand(contestId, round, grains, reads, http, new FieldErrors().RequiredOf(request),
            quiz => quiz.GrantPrize(new GrantRoundPrize(round, request.Tier!, request.Phone!, request.Reason!), http.CommandContext()));

    private static Task<IResult> PublishResults(string contestId, int round, IGrainFactory grains, PersonalDataReads reads, HttpContext http) =>
        PrizeCommand(contestId, round, grains, reads, http, new FieldErrors(), quiz => quiz.PublishResults(round, http.CommandContext()));

    private static Task<IResult> CorrectPrize(string contestId, int round, CorrectRoundPrizeRequest request, IGrainFactory grains, PersonalDataReads reads,
        HttpContext http) =>
        PrizeCommand(contestId, round, grains, reads, http, new FieldErrors().RequiredOf(request),
            quiz => quiz.CorrectPrize(new CorrectRoundPrize(round, request.Tier!, request.FromPhone!, request.ToPhone!, request.Reason!), http.CommandContext()));

    private static Task<IResult> Prizes(string contestId, int round, IGrainFactory grains, PersonalDataReads reads, HttpContext http) =>
        PrizeCommand(contestId, round, grains, reads, http, new FieldErrors(), null);

    /// <summary>Shape errors first, then the organiser, then the grain; the answer is the round's prizes as they then stand.</summary>
    private static Task<IResult> PrizeCommand(string contestId, int round, IGrainFactory grains, PersonalDataReads reads, HttpContext http, FieldErrors errors,
        Func<IQuizGrain, Task<CommandResult>>? send) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.OrganiseContest(quiz.GetPrimaryKeyString()) is { } denied)
                return denied;
            if (send is not null && (await send(quiz)).Rejection is { } rejection)
                return Problems.From(rejection);
            // The organiser reaches the winners by their numbers: opened for them, and their read recorded.
            var holders = await quiz.Prizes(round);
            var opened = await reads.RevealAsync(holders.SelectMany(h => new[] { h.Person.Name, h.Phone }), http.RequestAborted);
            var prizes = holders.Select(h => RoundPrizeResponse.From(h, opened)).ToList();
            await reads.RecordAsync(http, opened, $"prizes of round {round} of quiz {quiz.GetPrimaryKeyString()}", http.RequestAborted);
            return TypedResults.Ok(prizes);
        });

    private static Task<IResult> Get(string contestId, IGrainFactory grains, TimeProvider time) =>
        WithQuiz(contestId, grains, async quiz => await quiz.Get() is { } view
            ? TypedResults.Ok(QuizResponse.From(view, time.GetUtcNow()))
            : Problems.NotFound("contestId", $"contest '{Normalize(contestId)}' has no online quiz set up"));

    private static Task<IResult> Participation(string contestId, DateTimeOffset? asOf, IGrainFactory grains, QuizParticipationReader reader, CancellationToken ct) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var (refusal, participation) = await reader.ReadAsync(quiz.GetPrimaryKeyString(), asOf, ct);
            return refusal is not null ? Problems.From(refusal) : TypedResults.Ok(participation!.Committees);
        });

    private static Task<IResult> LiveParticipation(string contestId, IGrainFactory grains, QuizLiveFeeds feeds, HttpContext http) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var id = quiz.GetPrimaryKeyString();
            if (QuizDecisions.OfContest(id, await grains.GetGrain<IContestGrain>(id).Get()) is { } notAQuiz)
                return Problems.From(notAQuiz);
            // Every connection gets the participation now at once: it is the whole state, not a change.
            return TypedResults.ServerSentEvents(feeds.Follow(id, http.RequestAborted));
        });

    private static Task<IResult> Committees(string contestId, IGrainFactory grains, CommitteeDirectory directory, CancellationToken ct) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var contest = await grains.GetGrain<IContestGrain>(quiz.GetPrimaryKeyString()).Get();
            if (QuizDecisions.OfContest(quiz.GetPrimaryKeyString(), contest) is { } notAQuiz)
                return Problems.From(notAQuiz);
            return TypedResults.Ok((await QuizParticipationReader.EligibleTreeAsync(contest!, directory, ct)).Select(n => new QuizCommitteeResponse(n.Committee.Code, n.Committee.Name, n.Depth)).ToList());
        });

    private static Task<IResult> SetRules(string contestId, QuizRulesRequest request, IGrainFactory grains, HttpContext http, TimeProvider time) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var errors = new FieldErrors().RequiredOf(request).RequiredOfEach(request.Rounds, "rounds");
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.OrganiseContest(quiz.GetPrimaryKeyString()) is { } denied)
                return denied;
            var rules = new QuizRules(request.QuestionsPerAttempt!.Value, TimeSpan.FromMinutes(request.TimeLimitMinutes!.Value), request.AttemptsPerRound!.Value,
                request.Counting!.Value, request.Rounds!.Select((r, i) => new QuizRound(i + 1, r!.OpensAt!.Value, r.ClosesAt!.Value)).ToList(), request.PredictionQuestion!);
            return await Answer(quiz, await quiz.SetRules(new SetQuizRules(rules), http.CommandContext()), time);
        });

    private static Task<IResult> LoadBank(string contestId, QuestionBankRequest request, IGrainFactory grains, HttpContext http, TimeProvider time) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var errors = new FieldErrors().RequiredOf(request).RequiredOfEach(request.Questions, "questions");
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.OrganiseContest(quiz.GetPrimaryKeyString()) is { } denied)
                return denied;
            var questions = request.Questions!.Select((q, i) => new QuizQuestion(i + 1, q!.Text!, q.Options!, q.Correct!)).ToList();
            return await Answer(quiz, await quiz.LoadBank(new LoadQuestionBank(questions), http.CommandContext()), time);
        });

    private static Task<IResult> LoadBankFile(string contestId, HttpRequest request, IGrainFactory grains, HttpContext http, TimeProvider time) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var type = request.ContentType ?? "";
            if (!type.StartsWith(QuestionBankFile.Csv, StringComparison.OrdinalIgnoreCase) && !type.StartsWith(QuestionBankFile.Xlsx, StringComparison.OrdinalIgnoreCase))
                return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                    $"a question bank file is {QuestionBankFile.Csv} or {QuestionBankFile.Xlsx}; JSON goes to PUT …/bank");
            if (await http.OrganiseContest(quiz.GetPrimaryKeyString()) is { } denied)
                return denied;
            // The workbook reader needs to seek; Kestrel's body limit bounds the copy.
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, http.RequestAborted);
            body.Position = 0;
            var (questions, refusal) = QuestionBankFile.Read(body, type);
            if (refusal is not null)
                return Problems.From(refusal);
            return await Answer(quiz, await quiz.LoadBank(new LoadQuestionBank(questions!), http.CommandContext()), time);
        });

    private static Task<IResult> Register(string contestId, RegisterParticipantRequest request, IGrainFactory grains, HttpContext http) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var errors = new FieldErrors().RequiredOf(request);
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await QuizRateLimits.PersonAsync(http, quiz.GetPrimaryKeyString(), request.Phone) is { } tooMany)
                return tooMany;
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var result = await quiz.Register(
                new RegisterParticipant(request.Name!, request.Phone!, request.BirthYear!.Value, request.CommitteeCode!, request.Consent!.Value, HashOf(key)),
                http.CommandContext());
            if (result.Rejection is { } rejection)
                return Problems.From(rejection);
            PhoneNumbers.TryNormalize(request.Phone, out var phone);
            return TypedResults.Ok(new ParticipantResponse(phone, key));
        });

    private static Task<IResult> Start(string contestId, StartAttemptRequest request, [FromHeader(Name = KeyHeader)] string? participantKey,
        IGrainFactory grains, HttpContext http) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var errors = new FieldErrors().RequiredOf(request);
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await QuizRateLimits.PersonAsync(http, quiz.GetPrimaryKeyString(), request.Phone) is { } tooMany)
                return tooMany;
            var (result, attempt) = await quiz.Start(new StartAttempt(request.AttemptId!, request.Phone!, HashOf(participantKey), 0), http.CommandContext());
            return result.Rejection is { } rejection
                ? Problems.From(rejection)
                : TypedResults.Created($"/api/quizzes/{quiz.GetPrimaryKeyString()}/attempts/{attempt!.AttemptId}", AttemptResponse.From(attempt));
        });

    private static Task<IResult> Submit(string contestId, string attemptId, SubmitAttemptRequest request, [FromHeader(Name = KeyHeader)] string? participantKey,
        IGrainFactory grains, HttpContext http) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            var errors = new FieldErrors().RequiredOf(request).RequiredOfEach(request.Answers, "answers");
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await QuizRateLimits.PersonAsync(http, quiz.GetPrimaryKeyString(), request.Phone) is { } tooMany)
                return tooMany;
            var answers = request.Answers!.Select(a => new QuizAnswer(a!.Question!.Value, a.Chosen!)).ToList();
            var (result, attempt) = await quiz.Submit(new SubmitAttempt(attemptId, request.Phone!, HashOf(participantKey), answers, request.Prediction), http.CommandContext());
            return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(AttemptResponse.From(attempt!));
        });

    private static Task<IResult> Results(string contestId, int round, IGrainFactory grains, QuizResultsCache opened, HttpContext http) =>
        WithQuiz(contestId, grains, async quiz =>
        {
            if (await quiz.Get() is not { } view)
                return Problems.NotFound("contestId", $"contest '{Normalize(contestId)}' has no online quiz set up");
            if (view.Rules.ClosingOf(round) is not { } theRound)
                return Problems.NotFound("round", $"the quiz has rounds 1 to {view.Rules.Rounds.Count}, and 0 for the overall ranking");
            return await quiz.Results(round) is { } results
                ? TypedResults.Ok(await opened.OpenAsync(quiz.GetPrimaryKeyString(), results, http.RequestAborted))
                : Problems.From(Rejection.Forbidden("round", round == QuizRanking.Overall
                    ? $"the overall results are published when the last round closes ({VietnamTime.Of(theRound.ClosesAt):dd/MM/yyyy HH:mm})"
                    : $"round {round}'s results and answers are published when it closes ({VietnamTime.Of(theRound.ClosesAt):dd/MM/yyyy HH:mm})"));
        });

    /// <summary>The quiz named in the route: a malformed contest id is a 400.</summary>
    private static async Task<IResult> WithQuiz(string contestId, IGrainFactory grains, Func<IQuizGrain, Task<IResult>> then)
    {
        var id = Normalize(contestId);
        return ContestDecisions.ValidateId(id) is { } bad ? Problems.From(bad) : await then(grains.GetGrain<IQuizGrain>(id));
    }

    private static async Task<IResult> Answer(IQuizGrain quiz, CommandResult result, TimeProvider time) =>
        result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(QuizResponse.From((await quiz.Get())!, time.GetUtcNow()));

    /// <summary>What the store keeps of a key: its SHA-256. A missing key hashes to what no key hashes to, and is refused as a wrong one.</summary>
    private static string HashOf(string? key) => key is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
