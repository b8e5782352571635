using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Quizzes;

/// <summary>The online quiz's rules, pure: set-up by the organiser, and a participant's registration, attempts and submissions.</summary>
public static class QuizDecisions
{
    public const int MaxQuestionsPerAttempt = 200;
    public const int MaxAttemptsPerRound = 20;
    public const int MaxRounds = 60;
    public const int MaxBankSize = 5_000;
    public const int MaxQuestionLength = 2_000;
    public const int MaxOptionLength = 500;
    public const int OptionsPerQuestion = 4;
    public const int MaxNameLength = 200;
    public const long MaxPrediction = 1_000_000_000;
    public static readonly TimeSpan MinTimeLimit = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxTimeLimit = TimeSpan.FromHours(3);

    /// <summary>What a person agrees to when registering; recorded with the registration as it was shown.</summary>
    public const string Consent =
        "Tôi đồng ý để Ban Tổ chức cuộc thi sử dụng họ tên, số điện thoại, năm sinh và đơn vị của tôi để tổ chức cuộc thi, chấm giải và công bố kết quả.";

    /// <summary>The quiz belongs to an announced quiz contest that is not cancelled.</summary>
    public static Rejection? OfContest(string contestId, ContestView? contest) => contest switch
    {
        null or { Status: ContestStatus.None } => Rejection.NotFound("contestId", $"no contest with id '{contestId}'"),
        { Kind: not ContestKind.Quiz } => Rejection.RuleViolation("contestId", "this contest is not a quiz: its entries are recorded, not answered online"),
        { Status: ContestStatus.Cancelled } => Rejection.RuleViolation("contestId", "the contest is cancelled"),
        _ => null,
    };

    /// <param name="window">The contest's own window: every round lies within it.</param>
    public static Decision SetRules(Quiz state, SetQuizRules command, (DateTimeOffset OpensAt, DateTimeOffset ClosesAt) window, DateTimeOffset now)
    {
        if (Started(state, now) is { } started)
            return started;
        var r = command.Rules;
        if (r.QuestionsPerAttempt is < 1 or > MaxQuestionsPerAttempt)
            return Rejection.Invalid("questionsPerAttempt", $"must be between 1 and {MaxQuestionsPerAttempt}");
        if (r.TimeLimit < MinTimeLimit || r.TimeLimit > MaxTimeLimit)
            return Rejection.Invalid("timeLimitMinutes", $"must be between {MinTimeLimit.TotalMinutes:0} and {MaxTimeLimit.TotalMinutes:0} minutes");
        if (r.AttemptsPerRound is < 1 or > MaxAttemptsPerRound)
            return Rejection.Invalid("attemptsPerRound", $"must be between 1 and {MaxAttemptsPerRound}");
        if (!Enum.IsDefined(r.Counting))
            return Rejection.Invalid("counting", "must be First or Best");
        var question = VietnameseText.Normalize(r.PredictionQuestion);
        if (VietnameseText.ValidateName("predictionQuestion", question, MaxQuestionLength) is { } badQuestion)
            return badQuestion;
        if (r.Rounds.Count is < 1 or > MaxRounds)
            return Rejection.Invalid("rounds", $"a quiz has 1 to {MaxRounds} rounds");
        for (var i = 0; i < r.Rounds.Count; i++)
        {
            var round = r.Rounds[i];
            if (round.Number != i + 1)
                return Rejection.Invalid("rounds", $"rounds are numbered 1, 2, 3… in order (round {i + 1} is numbered {round.Number})");
            if (round.OpensAt >= round.ClosesAt)
                return Rejection.Invalid("rounds", $"round {round.Number} must close after it opens");
            if (i > 0 && round.OpensAt < r.Rounds[i - 1].ClosesAt)
                return Rejection.Invalid("rounds", $"round {round.Number} opens before round {round.Number - 1} closes");
            if (round.OpensAt < window.OpensAt || round.ClosesAt > window.ClosesAt)
                return Rejection.Invalid("rounds", $"round {round.Number} must lie within the contest's window");
        }
        var rules = r with
        {
            PredictionQuestion = question!,
            Rounds = r.Rounds.Select(x => x with { OpensAt = x.OpensAt.ToUniversalTime(), ClosesAt = x.ClosesAt.ToUniversalTime() }).ToList(),
        };
        return Decision.Accept(new QuizRulesSet(state.ContestId, rules));
    }

    public static Decision LoadBank(Quiz state, LoadQuestionBank command, DateTimeOffset now)
    {
        // Rules first: they say when the first round opens, after which the bank is sealed; a quiz without them is not one yet.
        if (state.Rules is null)
            return Rejection.RuleViolation("contestId", "set the quiz's rules first: the bank is loaded after them, until the first round opens");
        if (Started(state, now) is { } started)
            return started;
        if (command.Questions.Count is < 1 or > MaxBankSize)
            return Rejection.Invalid("questions", $"a bank holds 1 to {MaxBankSize:N0} questions");
        var questions = new List<QuizQuestion>(command.Questions.Count);
        foreach (var q in command.Questions)
        {
            var where = $"question {q.Number}";
            if (q.Number != questions.Count + 1)
                return Rejection.Invalid("questions", $"questions are numbered 1, 2, 3… in order (question {questions.Count + 1} is numbered {q.Number})");
            var text = VietnameseText.Normalize(q.Text);
            if (VietnameseText.ValidateName("questions", text, MaxQuestionLength) is { } badText)
                return badText with { Reason = $"{where}: {badText.Reason}" };
            if (q.Options.Count != OptionsPerQuestion)
                return Rejection.Invalid("questions", $"{where}: has {q.Options.Count} options; a question has {OptionsPerQuestion}");
            var options = q.Options.Select(VietnameseText.Normalize).ToList();
            foreach (var option in options)
                if (VietnameseText.ValidateName("questions", option, MaxOptionLength) is { } badOption)
                    return badOption with { Reason = $"{where}, an option: {badOption.Reason}" };
            if (q.Correct.Count == 0 || q.Correct.Distinct().Count() != q.Correct.Count || q.Correct.Any(c => c is < 0 or >= OptionsPerQuestion))
                return Rejection.Invalid("questions", $"{where}: the right options are one or more distinct indexes from 0 to {OptionsPerQuestion - 1}");
            questions.Add(new QuizQuestion(q.Number, text!, options!, q.Correct.Order().ToList()));
        }
        return Decision.Accept(new QuestionBankLoaded(state.ContestId, questions));
    }

    /// <param name="people">The person's pseudonyms: who they are, without keeping their number, name or year.</param>
    /// <param name="committeePath">The committee and its ancestors up to the root; empty when no such committee is registered.</param>
    /// <param name="eligibleRoots">The committees whose subtrees take part (the contest's eligible committees, else its organiser).</param>
    public static Decision Register(Quiz state, RegisterParticipant command, PersonPseudonyms people, IReadOnlyList<string> committeePath,
        IReadOnlyList<string> eligibleRoots, DateTimeOffset now)
    {
        if (state.Rules is null)
            return Rejection.RuleViolation("contestId", "the quiz is not set up yet");
        var name = VietnameseText.Normalize(command.Name);
        if (VietnameseText.ValidateName("name", name, MaxNameLength) is { } badName)
            return badName;
        if (PhoneNumbers.TryNormalize(command.Phone, out var phone) is { } badPhone)
            return badPhone;
        var thisYear = VietnamTime.Of(now).Year;
        if (command.BirthYear < 1900 || command.BirthYear > thisYear)
            return Rejection.Invalid("birthYear", $"must be a year from 1900 to {thisYear}");
        if (!command.Consented)
            return Rejection.Invalid("consent", "taking part needs the consent to the contest's use of these data");
        if (committeePath.Count == 0)
            return Rejection.NotFound("committeeCode", $"no committee with code '{command.CommitteeCode}' is registered");
        if (!committeePath.Intersect(eligibleRoots, StringComparer.Ordinal).Any())
            return Rejection.RuleViolation("committeeCode", $"committee '{committeePath[0]}' does not take part: {string.Join(", ", eligibleRoots)} and the committees below do");
        var details = people.OfParticipantDetails(name!, command.BirthYear);
        if (state.Find(phone, people) is { } registered)
        {
            // The same person again (another phone or browser): a new key. Someone else with this number: refused.
            // A registration before sealing kept name and year in plain; a sealed one, their pseudonym.
            var same = registered.DetailsKey is { } known ? known == details : registered.Name == name && registered.PlainBirthYear == command.BirthYear;
            return same
                ? Decision.Accept(new ParticipantKeyReissued(state.ContestId, registered.Id, command.KeyHash))
                : Rejection.Conflict("phone", "this phone number is already registered under another name or year of birth");
        }
        var year = command.BirthYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Decision.Accept(new ParticipantRegisteredV2(state.ContestId, people.OfParticipant(phone), phone, name!, year, details, committeePath[0], committeePath,
            command.KeyHash, Consent));
    }

    /// <param name="people">Finds the person by their number.</param>
    public static Decision Start(Quiz state, StartAttempt command, PersonPseudonyms people, DateTimeOffset now)
    {
        if (Identifiers.ValidateClientId("attemptId", command.AttemptId) is { } badId)
            return badId;
        if (Identify(state, command.Phone, command.KeyHash, people, out var person) is { } notThem)
            return notThem;
        if (state.Attempts.TryGetValue(command.AttemptId, out var same))
            return same.Participant == person.Id ? Decision.NothingToDo : Rejection.Conflict("attemptId", "this attempt id is another person's");
        if (state.RoundAt(now) is not { } round)
            return Rejection.RuleViolation("round", "no round is open now");
        var rules = state.Rules!;
        var mine = person.AttemptIds.Select(id => state.Attempts[id]).Where(a => a.Round == round.Number).ToList();
        if (mine.FirstOrDefault(a => !a.HasEnded(now)) is { } open)
            return Rejection.Conflict("attemptId", $"attempt '{open.AttemptId}' is still open until {VietnamTime.Of(open.Deadline):HH:mm:ss}: submit it first");
        if (mine.Count >= rules.AttemptsPerRound)
            return Rejection.RuleViolation("attemptId", $"{rules.AttemptsPerRound} attempt(s) per round are allowed, and all have been made in round {round.Number}");
        if (state.Bank.Count < rules.QuestionsPerAttempt)
            return Rejection.RuleViolation("contestId", $"the bank holds {state.Bank.Count} questions and an attempt draws {rules.QuestionsPerAttempt}");
        var questions = QuizDraw.Draw(state.Bank.Keys.ToList(), rules.QuestionsPerAttempt, command.Seed);
        var deadline = Min(now + rules.TimeLimit, round.ClosesAt);
        return Decision.Accept(new AttemptStarted(state.ContestId, command.AttemptId, person.Id, round.Number, questions, command.Seed, now, deadline));
    }

    /// <param name="people">Finds the person by their number.</param>
    public static Decision Submit(Quiz state, SubmitAttempt command, PersonPseudonyms people, DateTimeOffset now)
    {
        if (Identify(state, command.Phone, command.KeyHash, people, out var person) is { } notThem)
            return notThem;
        if (!state.Attempts.TryGetValue(command.AttemptId, out var attempt) || attempt.Participant != person.Id)
            return Rejection.NotFound("attemptId", $"no attempt '{command.AttemptId}' of this person");
        if (attempt.Submission is { } earlier)
        {
            // The same submission again (a retry after a lost answer) gets the same result; another one is refused.
            return SameAnswers(earlier, command)
                ? Decision.NothingToDo
                : Rejection.Conflict("attemptId", "this attempt was already submitted with other answers");
        }
        if (now >= attempt.Deadline)
            return Rejection.RuleViolation("attemptId", $"the attempt's time ran out at {VietnamTime.Of(attempt.Deadline):HH:mm:ss}: it is closed as it stood");
        if (command.Prediction is not { } prediction || prediction is < 0 or > MaxPrediction)
            return Rejection.Invalid("prediction", $"the prediction is a whole number from 0 to {MaxPrediction:N0}");
        var drawn = attempt.Questions.ToHashSet();
        var seen = new HashSet<int>();
        foreach (var answer in command.Answers)
        {
            if (!drawn.Contains(answer.Question))
                return Rejection.Invalid("answers", $"question {answer.Question} is not one of this attempt's");
            if (!seen.Add(answer.Question))
                return Rejection.Invalid("answers", $"question {answer.Question} is answered twice");
            if (answer.Chosen.Count == 0 || answer.Chosen.Distinct().Count() != answer.Chosen.Count || answer.Chosen.Any(c => c is < 0 or >= OptionsPerQuestion))
                return Rejection.Invalid("answers", $"question {answer.Question}: the options chosen are distinct indexes from 0 to {OptionsPerQuestion - 1}");
        }
        var answers = QuizAnswers.InOrder(command.Answers);
        return Decision.Accept(new AttemptSubmitted(state.ContestId, attempt.AttemptId, answers, prediction, QuizGrading.CorrectCount(state.Bank, answers), now));
    }

    /// <summary>
    /// A round's ranking from the attempts that ended in it once it has closed, or the overall one
    /// (<see cref="QuizRanking.Overall"/>) once the last round has; null before (the key is still sealed).
    /// </summary>
    public static RoundRanking? RankRound(Quiz state, int round, DateTimeOffset now)
    {
        if (state.Rules is not { } rules || rules.ClosingOf(round) is not { } closing || now < closing.ClosesAt)
            return null;
        return round == QuizRanking.Overall
            ? QuizRanking.RankOverall(rules.Rounds.Select(r => RankRound(state, r.Number, now)!).ToList(), rules.QuestionsPerAttempt)
            : QuizRanking.Rank(state.Attempts.Values.Where(a => a.Round == round).Select(a => a.Outcome(now)!), rules.QuestionsPerAttempt, rules.Counting);
    }

    private static Rejection? Started(Quiz state, DateTimeOffset now) =>
        state.Rules is { Rounds: [var first, ..] } && now >= first.OpensAt
            ? Rejection.RuleViolation("contestId", "the first round has opened: the rules and the bank can no longer change")
            : null;

    /// <summary>The person: registered, with their key. Both refusals read the same, so that the answer does not tell whether a number is registered.</summary>
    /// <param name="person">The person, when it is them.</param>
    private static Rejection? Identify(Quiz state, string phoneText, string keyHash, PersonPseudonyms people, out Participant person)
    {
        person = null!;
        if (PhoneNumbers.TryNormalize(phoneText, out var phone) is null && state.Find(phone, people) is { } participant
            // The hashes compared in constant time: how much of them matched is not for a caller to learn.
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(participant.KeyHash, Sha256Hex.Parse(keyHash) ?? []))
        {
            person = participant;
            return null;
        }
        return Rejection.Forbidden("participantKey", "this phone number and participant key do not match a registration: register first");
    }

    private static bool SameAnswers(SubmittedAttempt earlier, SubmitAttempt again) =>
        earlier.Prediction == again.Prediction && earlier.AnswersFingerprint == QuizAnswers.Fingerprint(again.Answers);

    // Stryker disable once Equality: with a equal to b either one is the answer.
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
