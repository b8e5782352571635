using TuyenGiao.Common;
using TuyenGiao.Quizzes;
using static TuyenGiao.Domain.Tests.Quizzes.QuizSpec;

namespace TuyenGiao.Domain.Tests.Quizzes;

/// <summary>Given events, when a command, then events or a typed rejection: the quiz's set-up, registration, attempts and submissions.</summary>
public class QuizDecisionsTests
{
    private static readonly (DateTimeOffset, DateTimeOffset) Window = (ContestOpens, ContestCloses);

    private static Decision SetRules(Quiz state, QuizRules rules, DateTimeOffset? now = null) =>
        QuizDecisions.SetRules(state, new SetQuizRules(rules), Window, now ?? Before);

    private static Decision Start(Quiz state, string attemptId = "lan-1", DateTimeOffset? now = null, string key = Key, ulong seed = 1) =>
        QuizDecisions.Start(state, new StartAttempt(attemptId, "0912345678", HashOf(key), seed), Pseudonyms, now ?? InWeek1);

    private static Decision Submit(Quiz state, IReadOnlyList<QuizAnswer> answers, long? prediction = 120, string attemptId = "lan-1", DateTimeOffset? now = null,
        string key = Key) =>
        QuizDecisions.Submit(state, new SubmitAttempt(attemptId, "+84 912 345 678", HashOf(key), answers, prediction), Pseudonyms, now ?? InWeek1.AddMinutes(5));

    [Fact]
    public void Given_no_quiz_When_rules_are_set_before_the_first_round_Then_they_are_recorded_in_UTC_with_the_question_in_NFC()
    {
        var rules = Rules() with { PredictionQuestion = "  Dự đoán có bao nhiêu người trả lời đúng?  ".Normalize(System.Text.NormalizationForm.FormD) };

        var set = Assert.IsType<QuizRulesSet>(Assert.Single(SetRules(Quiz.None(Id), rules).Events));

        Assert.Equal("Dự đoán có bao nhiêu người trả lời đúng?", set.Rules.PredictionQuestion);
        Assert.Equal(TimeSpan.Zero, set.Rules.Rounds[0].OpensAt.Offset);
        Assert.Equal(Week1.OpensAt, set.Rules.Rounds[0].OpensAt);
    }

    [Fact]
    public void Given_rules_out_of_bounds_When_set_Then_each_is_refused_on_its_field()
    {
        var none = Quiz.None(Id);
        ThenRejected(SetRules(none, Rules(perAttempt: 0)), RejectionKind.Invalid, "questionsPerAttempt");
        ThenRejected(SetRules(none, Rules(perAttempt: QuizDecisions.MaxQuestionsPerAttempt + 1)), RejectionKind.Invalid, "questionsPerAttempt");
        Assert.Null(SetRules(none, Rules(perAttempt: QuizDecisions.MaxQuestionsPerAttempt)).Rejection);
        Assert.Null(SetRules(none, Rules(perAttempt: 1)).Rejection);
        Assert.Null(SetRules(none, Rules(attempts: 1)).Rejection);
        ThenRejected(SetRules(none, Rules(attempts: 0)), RejectionKind.Invalid, "attemptsPerRound");
        ThenRejected(SetRules(none, Rules(attempts: QuizDecisions.MaxAttemptsPerRound + 1)), RejectionKind.Invalid, "attemptsPerRound");
        Assert.Null(SetRules(none, Rules(attempts: QuizDecisions.MaxAttemptsPerRound)).Rejection);
        ThenRejected(SetRules(none, Rules(minutes: 0)), RejectionKind.Invalid, "timeLimitMinutes");
        Assert.Null(SetRules(none, Rules(minutes: 1)).Rejection);
        Assert.Null(SetRules(none, Rules(minutes: 180)).Rejection);
        ThenRejected(SetRules(none, Rules(minutes: 181)), RejectionKind.Invalid, "timeLimitMinutes");
        ThenRejected(SetRules(none, Rules() with { Counting = (AttemptCounting)7 }), RejectionKind.Invalid, "counting");
        ThenRejected(SetRules(none, Rules() with { PredictionQuestion = " " }), RejectionKind.Invalid, "predictionQuestion");
        ThenRejected(SetRules(none, Rules() with { Rounds = [] }), RejectionKind.Invalid, "rounds");
        ThenRejected(SetRules(none, Rules() with { Rounds = Enumerable.Range(1, QuizDecisions.MaxRounds + 1).Select(n => Week1 with { Number = n }).ToList() }),
            RejectionKind.Invalid, "rounds");
        // As many rounds as allowed, twelve hours each, back to back within the contest's window.
        var most = Enumerable.Range(0, QuizDecisions.MaxRounds)
            .Select(i => new QuizRound(i + 1, ContestOpens.AddHours(12 * i), ContestOpens.AddHours(12 * (i + 1)))).ToList();
        Assert.Null(SetRules(none, Rules() with { Rounds = most }).Rejection);
    }

    [Fact]
    public void Given_rounds_that_do_not_follow_each_other_within_the_window_When_set_Then_refused()
    {
        var none = Quiz.None(Id);
        ThenRejected(SetRules(none, Rules() with { Rounds = [Week2 with { Number = 1 }, Week1 with { Number = 2 }] }), RejectionKind.Invalid, "rounds");
        ThenRejected(SetRules(none, Rules() with { Rounds = [Week1, Week2 with { Number = 3 }] }), RejectionKind.Invalid, "rounds");
        Assert.Contains("round 2 is numbered 3", SetRules(none, Rules() with { Rounds = [Week1, Week2 with { Number = 3 }] }).Rejection!.Reason);
        ThenRejected(SetRules(none, Rules() with { Rounds = [Week1 with { ClosesAt = Week1.OpensAt }] }), RejectionKind.Invalid, "rounds");
        ThenRejected(SetRules(none, Rules() with { Rounds = [Week1, Week2 with { OpensAt = Week1.ClosesAt.AddSeconds(-1) }] }), RejectionKind.Invalid, "rounds");
        Assert.Contains("round 2 opens before round 1 closes",
            SetRules(none, Rules() with { Rounds = [Week1, Week2 with { OpensAt = Week1.ClosesAt.AddSeconds(-1) }] }).Rejection!.Reason);
        Assert.Null(SetRules(none, Rules() with { Rounds = [Week1, Week2 with { OpensAt = Week1.ClosesAt }] }).Rejection);
        ThenRejected(SetRules(none, Rules() with { Rounds = [Week1 with { OpensAt = ContestOpens.AddSeconds(-1) }] }), RejectionKind.Invalid, "rounds");
        ThenRejected(SetRules(none, Rules() with { Rounds = [Week1 with { ClosesAt = ContestCloses.AddSeconds(1) }] }), RejectionKind.Invalid, "rounds");
        Assert.Null(SetRules(none, Rules() with { Rounds = [new QuizRound(1, ContestOpens, ContestCloses)] }).Rejection);
    }

    [Fact]
    public void Given_the_first_round_has_opened_When_the_rules_or_the_bank_change_Then_refused()
    {
        var ready = Ready();

        ThenRejected(SetRules(ready, Rules(), Week1.OpensAt), RejectionKind.RuleViolation, "contestId");
        ThenRejected(QuizDecisions.LoadBank(ready, new LoadQuestionBank(Bank()), Week1.OpensAt), RejectionKind.RuleViolation, "contestId");
        Assert.Null(SetRules(ready, Rules(), Week1.OpensAt.AddSeconds(-1)).Rejection);
        Assert.Null(QuizDecisions.LoadBank(ready, new LoadQuestionBank(Bank()), Week1.OpensAt.AddSeconds(-1)).Rejection);
    }

    [Fact]
    public void Given_no_rules_yet_When_a_bank_is_loaded_Then_refused_until_the_rules_are_set()
    {
        var refused = QuizDecisions.LoadBank(Quiz.None(Id), new LoadQuestionBank(Bank()), Before);

        ThenRejected(refused, RejectionKind.RuleViolation, "contestId");
        Assert.Contains("rules", refused.Rejection!.Reason);
        Assert.Null(QuizDecisions.LoadBank(WithRules, new LoadQuestionBank(Bank()), Before).Rejection);
    }

    [Fact]
    public void Given_a_bank_When_loaded_Then_questions_and_options_are_kept_in_NFC_with_the_key_ascending()
    {
        var question = new QuizQuestion(1, "Đảng bộ tỉnh Trà Vinh được thành lập năm nào?".Normalize(System.Text.NormalizationForm.FormD),
            ["Năm 1930", "Năm 1931", "Năm 1945", "Năm 1954"], [2, 1]);

        var loaded = Assert.IsType<QuestionBankLoaded>(Assert.Single(QuizDecisions.LoadBank(WithRules, new LoadQuestionBank([question]), Before).Events));

        Assert.Equal("Đảng bộ tỉnh Trà Vinh được thành lập năm nào?", loaded.Questions[0].Text);
        Assert.Equal([1, 2], loaded.Questions[0].Correct);
    }

    [Fact]
    public void Given_malformed_questions_When_loaded_Then_refused_naming_the_question()
    {
        Decision Load(params QuizQuestion[] questions) => QuizDecisions.LoadBank(WithRules, new LoadQuestionBank(questions), Before);
        var good = Question(1);

        ThenRejected(Load(), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Number = 2 }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good, good), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Text = "" }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Options = ["A", "B", "C"] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Options = ["A", "B", "C", "D", "E"] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Options = ["A", "B", " ", "D"] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Correct = [] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Correct = [4] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Correct = [-1] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Correct = [1, 1] }), RejectionKind.Invalid, "questions");
        ThenRejected(Load(good with { Correct = [0, 4] }), RejectionKind.Invalid, "questions");
        Assert.Contains("from 0 to 3", Load(good with { Correct = [0, 4] }).Rejection!.Reason);
        Assert.Null(Load(good with { Correct = [0, 1, 2, 3] }).Rejection);
        Assert.Contains("question 2", Load(good, Question(2) with { Correct = [] }).Rejection!.Reason);
        Assert.Null(Load(Bank(QuizDecisions.MaxBankSize).ToArray()).Rejection);
        ThenRejected(Load(Bank(QuizDecisions.MaxBankSize + 1).ToArray()), RejectionKind.Invalid, "questions");
    }

    [Fact]
    public void Given_a_set_up_quiz_When_a_person_registers_with_consent_Then_recorded_once_by_their_normalised_number()
    {
        var state = Given(new QuizRulesSet(Id, Rules()));

        var registered = Assert.IsType<ParticipantRegisteredV2>(Assert.Single(QuizDecisions.Register(state, Registration(), Pseudonyms, CellPath, Eligible, Before).Events));

        Assert.Equal(("+84912345678", "TV-KHOI-SGD", QuizDecisions.Consent), (registered.Phone, registered.CommitteeCode, registered.Consent));
        Assert.Equal(CellPath, registered.CommitteePath);
        Assert.Equal(HashOf(Key), registered.KeyHash);
        // Who they are, by pseudonym (the number, name and year are sealed by the write path).
        Assert.Equal((Pseudonyms.OfParticipant("+84912345678"), Pseudonyms.OfParticipantDetails("Nguyễn Văn An", 1985), "Nguyễn Văn An", "1985"),
            (registered.ParticipantKey, registered.DetailsKey, registered.Name, registered.BirthYear));
        var personal = (TuyenGiao.PersonalData.IHoldsPersonalData)registered;
        Assert.Equal(registered.ParticipantKey, personal.PersonKey);
        Assert.Equal(registered with { Phone = "[+84912345678]", Name = "[Nguyễn Văn An]", BirthYear = "[1985]" }, personal.WithPersonalTexts(t => $"[{t}]"));
        Assert.Equal([IdOf()], Then(state, Decision.Accept(registered)).Participants.Keys);
    }

    [Fact]
    public void Given_a_registration_stored_sealed_When_folded_Then_the_state_keeps_the_sealed_name_and_where_the_number_is_not_the_number()
    {
        var registered = Registered();
        var key = new TuyenGiao.PersonalData.DataKeyRef(registered.ParticipantKey, Guid.CreateVersion7());
        var dataKey = new byte[TuyenGiao.PersonalData.SealedText.KeyLength];
        using var sealer = new TuyenGiao.PersonalData.TextSealer(key, dataKey);
        var stored = (ParticipantRegisteredV2)((TuyenGiao.PersonalData.IHoldsPersonalData)registered).WithPersonalTexts(sealer.Seal);

        var person = Given(new QuizRulesSet(Id, Rules()), stored).Participants[IdOf()];

        Assert.Equal((stored.Name, null, key.Id, (int?)null), (person.Name, person.PlainPhone, person.SealedRegistration, person.PlainBirthYear));
        // Stored plain (a node storing plain for the benchmark): the number is kept, there is no sealed registration.
        var plain = Given(new QuizRulesSet(Id, Rules()), registered).Participants[IdOf()];
        Assert.Equal(("Nguyễn Văn An", Phone, (Guid?)null), (plain.Name, plain.PlainPhone, plain.SealedRegistration));
    }

    [Fact]
    public void Given_a_person_registered_before_data_was_sealed_When_they_come_back_Then_found_by_their_number_and_their_plain_name_and_year()
    {
        // Recorded by the code before sealing: the number is the person's id, name and year plain.
        var state = Given(new QuizRulesSet(Id, Rules()), new QuestionBankLoaded(Id, Bank()),
            new ParticipantRegistered(Id, Phone, "Nguyễn Văn An", 1985, "TV-KHOI-SGD", CellPath, HashOf(Key), QuizDecisions.Consent));

        var again = QuizDecisions.Register(state, Registration(key: "khoa-moi"), Pseudonyms, CellPath, Eligible, InWeek1);
        Assert.Equal(new ParticipantKeyReissued(Id, Phone, HashOf("khoa-moi")), Assert.Single(again.Events));
        ThenRejected(QuizDecisions.Register(state, Registration(birthYear: 1986), Pseudonyms, CellPath, Eligible, InWeek1), RejectionKind.Conflict, "phone");
        ThenRejected(QuizDecisions.Register(state, Registration(name: "Trần Thị Bình"), Pseudonyms, CellPath, Eligible, InWeek1), RejectionKind.Conflict, "phone");
        var started = Assert.IsType<AttemptStarted>(Assert.Single(Start(state).Events));
        Assert.Equal(Phone, started.Participant);
        Assert.Equal(1, (int)Then(state, Decision.Accept(started)).Participants[Phone].AttemptIds.Length);
    }

    [Fact]
    public void Given_a_registered_number_When_registered_again_Then_the_same_person_gets_a_new_key_and_anyone_else_is_refused()
    {
        var state = Ready();

        var again = QuizDecisions.Register(state, Registration(phone: "+84912345678", key: "khoa-moi"), Pseudonyms, CellPath, Eligible, InWeek1);
        Assert.Equal(new ParticipantKeyReissued(Id, IdOf(), HashOf("khoa-moi")), Assert.Single(again.Events));
        Assert.Null(Start(Then(state, again), key: "khoa-moi").Rejection);
        ThenRejected(Start(Then(state, again)), RejectionKind.Forbidden, "participantKey");

        ThenRejected(QuizDecisions.Register(state, Registration(name: "Trần Thị Bình"), Pseudonyms, CellPath, Eligible, InWeek1), RejectionKind.Conflict, "phone");
        ThenRejected(QuizDecisions.Register(state, Registration(birthYear: 1986), Pseudonyms, CellPath, Eligible, InWeek1), RejectionKind.Conflict, "phone");
    }

    [Fact]
    public void Given_bad_registrations_When_registered_Then_each_is_refused_on_its_field()
    {
        var state = Given(new QuizRulesSet(Id, Rules()));
        Decision Register(RegisterParticipant r, IReadOnlyList<string>? path = null) => QuizDecisions.Register(state, r, Pseudonyms, path ?? CellPath, Eligible, InWeek1);

        ThenRejected(QuizDecisions.Register(Quiz.None(Id), Registration(), Pseudonyms, CellPath, Eligible, InWeek1), RejectionKind.RuleViolation, "contestId");
        ThenRejected(Register(Registration(name: " ")), RejectionKind.Invalid, "name");
        ThenRejected(Register(Registration(phone: "12345")), RejectionKind.Invalid, "phone");
        ThenRejected(Register(Registration(birthYear: 1899)), RejectionKind.Invalid, "birthYear");
        Assert.Null(Register(Registration(birthYear: 1900)).Rejection);
        Assert.Null(Register(Registration(birthYear: 2023)).Rejection);
        ThenRejected(Register(Registration(birthYear: 2024)), RejectionKind.Invalid, "birthYear");
        ThenRejected(Register(Registration() with { Consented = false }), RejectionKind.Invalid, "consent");
        ThenRejected(Register(Registration(), []), RejectionKind.NotFound, "committeeCode");
        ThenRejected(Register(Registration(), ["TV-CL", "TV"]), RejectionKind.RuleViolation, "committeeCode");
        Assert.Null(Register(Registration(), ["TV-KHOI", "TV"]).Rejection);
    }

    [Fact]
    public void Given_a_registered_person_in_an_open_round_When_they_start_Then_the_drawn_questions_and_the_deadline_are_recorded()
    {
        var started = Assert.IsType<AttemptStarted>(Assert.Single(Start(Ready(), seed: 99).Events));

        Assert.Equal((IdOf(), 1, InWeek1, InWeek1.AddMinutes(15)), (started.Participant, started.Round, started.StartedAt, started.Deadline));
        Assert.Equal(QuizDraw.Draw(Bank().Select(q => q.Number).ToList(), 5, 99), started.Questions);
        Assert.Equal(99UL, started.Seed);
    }

    [Fact]
    public void Given_a_round_closing_before_the_time_limit_When_started_Then_the_deadline_is_the_close()
    {
        var nearTheClose = Week1.ClosesAt.AddMinutes(-5);

        Assert.Equal(Week1.ClosesAt, Assert.IsType<AttemptStarted>(Assert.Single(Start(Ready(), now: nearTheClose).Events)).Deadline);
        Assert.Equal(Week1.ClosesAt, Assert.IsType<AttemptStarted>(Assert.Single(Start(Ready(), now: Week1.ClosesAt.AddMinutes(-15)).Events)).Deadline);
    }

    [Fact]
    public void Given_no_open_round_When_started_Then_refused()
    {
        ThenRejected(Start(Ready(), now: Week1.OpensAt.AddSeconds(-1)), RejectionKind.RuleViolation, "round");
        ThenRejected(Start(Ready(), now: Week2.ClosesAt), RejectionKind.RuleViolation, "round");
        Assert.Equal(2, Assert.IsType<AttemptStarted>(Assert.Single(Start(Ready(), now: Week1.ClosesAt).Events)).Round);
    }

    [Fact]
    public void Given_someone_without_the_key_When_they_start_or_submit_Then_refused_alike()
    {
        ThenRejected(Start(Ready(), key: "doan-mo"), RejectionKind.Forbidden, "participantKey");
        ThenRejected(QuizDecisions.Start(Ready(), new StartAttempt("x-1", "0987654321", HashOf(Key), 1), Pseudonyms, InWeek1), RejectionKind.Forbidden, "participantKey");
        ThenRejected(QuizDecisions.Start(Ready(), new StartAttempt("x-1", "0912345678", "not hex", 1), Pseudonyms, InWeek1), RejectionKind.Forbidden, "participantKey");
        // Hex of an odd length, and an even length that is not all hex: refused, not thrown.
        ThenRejected(QuizDecisions.Start(Ready(), new StartAttempt("x-1", "0912345678", HashOf(Key)[..63], 1), Pseudonyms, InWeek1), RejectionKind.Forbidden, "participantKey");
        ThenRejected(QuizDecisions.Start(Ready(), new StartAttempt("x-1", "0912345678", HashOf(Key)[..62] + "ZZ", 1), Pseudonyms, InWeek1), RejectionKind.Forbidden, "participantKey");
        var started = Then(Ready(), Start(Ready()));
        ThenRejected(Submit(started, [], key: "doan-mo"), RejectionKind.Forbidden, "participantKey");
    }

    [Fact]
    public void Given_an_open_attempt_When_another_is_started_Then_refused_until_it_ends_and_the_same_id_again_changes_nothing()
    {
        var started = Then(Ready(), Start(Ready()));

        Assert.Empty(Start(started).Events);
        Assert.Null(Start(started).Rejection);
        ThenRejected(Start(started, "lan-2", InWeek1.AddMinutes(14)), RejectionKind.Conflict, "attemptId");
        Assert.Null(Start(started, "lan-2", InWeek1.AddMinutes(15)).Rejection);
        ThenRejected(Start(started, "bad id with spaces"), RejectionKind.Invalid, "attemptId");
    }

    [Fact]
    public void Given_the_attempts_of_a_round_used_When_another_is_started_Then_refused_and_the_next_round_allows_again()
    {
        var state = Ready(Rules(attempts: 2));
        state = Then(state, Start(state, "lan-1"));
        state = Then(state, Submit(state, Answers(state.Attempts["lan-1"].Questions)));
        state = Then(state, Start(state, "lan-2", InWeek1.AddMinutes(30)));

        ThenRejected(Start(state, "lan-3", InWeek1.AddHours(2)), RejectionKind.RuleViolation, "attemptId");
        Assert.Null(Start(state, "lan-3", Week2.OpensAt).Rejection);
    }

    [Fact]
    public void Given_an_attempt_id_of_another_person_When_started_Then_conflict()
    {
        var state = Then(Ready(), QuizDecisions.Register(Ready(), Registration(phone: "0987654321", name: "Trần Thị Bình", key: "khoa-binh"), Pseudonyms, CellPath, Eligible, Before));
        state = Then(state, Start(state));

        ThenRejected(QuizDecisions.Start(state, new StartAttempt("lan-1", "0987654321", HashOf("khoa-binh"), 1), Pseudonyms, InWeek1), RejectionKind.Conflict, "attemptId");
    }

    [Fact]
    public void Given_a_bank_smaller_than_a_draw_When_started_Then_refused()
    {
        ThenRejected(Start(Ready(bankSize: 4)), RejectionKind.RuleViolation, "contestId");
        Assert.Null(Start(Ready(bankSize: 5)).Rejection);
    }

    [Fact]
    public void Given_an_open_attempt_When_submitted_in_time_Then_graded_against_the_key()
    {
        var state = Then(Ready(), Start(Ready()));
        var questions = state.Attempts["lan-1"].Questions;

        var answers = Answers(questions, wrong: 2);
        answers[0] = answers[0] with { Chosen = [3, 1] };
        var submitted = Assert.IsType<AttemptSubmitted>(Assert.Single(Submit(state, answers, 120, now: InWeek1.AddMinutes(15).AddTicks(-1)).Events));

        Assert.Equal((3, 120L, InWeek1.AddMinutes(15).AddTicks(-1)), (submitted.Correct, submitted.Prediction, submitted.SubmittedAt));
        Assert.Equal(questions.Order(), submitted.Answers.Select(a => a.Question));
        // Recorded as the key is: each answer's options ascending.
        Assert.Equal([1, 3], submitted.Answers.Single(a => a.Question == questions[0]).Chosen);
    }

    [Fact]
    public void Given_a_submission_after_the_deadline_When_submitted_Then_refused_and_the_attempt_ends_as_it_stood()
    {
        var state = Then(Ready(), Start(Ready()));

        ThenRejected(Submit(state, Answers(state.Attempts["lan-1"].Questions), now: InWeek1.AddMinutes(15)), RejectionKind.RuleViolation, "attemptId");
        var outcome = state.Attempts["lan-1"].Outcome(InWeek1.AddMinutes(15));
        Assert.Equal(new AttemptOutcome("lan-1", IdOf(), 0, null, TimeSpan.FromMinutes(15), InWeek1.AddMinutes(15)), outcome);
        Assert.Null(state.Attempts["lan-1"].Outcome(InWeek1.AddMinutes(15).AddTicks(-1)));
    }

    [Fact]
    public void Given_a_submitted_attempt_When_the_same_answers_come_again_Then_nothing_changes_and_other_answers_are_refused()
    {
        var state = Then(Ready(), Start(Ready()));
        var answers = Answers(state.Attempts["lan-1"].Questions, wrong: 1);
        state = Then(state, Submit(state, answers));

        // The same answers, in another order and with the options listed otherwise: the same submission.
        var reordered = answers.AsEnumerable().Reverse().Select(a => a with { Chosen = a.Chosen.Reverse().ToList() }).ToList();
        var again = Submit(state, reordered, now: InWeek1.AddMinutes(30));
        Assert.Null(again.Rejection);
        Assert.Empty(again.Events);
        ThenRejected(Submit(state, Answers(state.Attempts["lan-1"].Questions)), RejectionKind.Conflict, "attemptId");
        ThenRejected(Submit(state, answers, prediction: 121), RejectionKind.Conflict, "attemptId");
        ThenRejected(Submit(state, answers.Take(4).ToList()), RejectionKind.Conflict, "attemptId");
    }

    [Fact]
    public void Given_malformed_answers_When_submitted_Then_refused_on_their_field_and_nothing_recorded()
    {
        var state = Then(Ready(), Start(Ready()));
        var questions = state.Attempts["lan-1"].Questions;
        var notDrawn = Enumerable.Range(1, 12).Except(questions).First();

        ThenRejected(Submit(state, [new QuizAnswer(notDrawn, [0])]), RejectionKind.Invalid, "answers");
        ThenRejected(Submit(state, [new QuizAnswer(questions[0], [0]), new QuizAnswer(questions[0], [1])]), RejectionKind.Invalid, "answers");
        ThenRejected(Submit(state, [new QuizAnswer(questions[0], [])]), RejectionKind.Invalid, "answers");
        ThenRejected(Submit(state, [new QuizAnswer(questions[0], [4])]), RejectionKind.Invalid, "answers");
        ThenRejected(Submit(state, [new QuizAnswer(questions[0], [-1])]), RejectionKind.Invalid, "answers");
        ThenRejected(Submit(state, [new QuizAnswer(questions[0], [1, 1])]), RejectionKind.Invalid, "answers");
        ThenRejected(Submit(state, [new QuizAnswer(questions[0], [1, 4])]), RejectionKind.Invalid, "answers");
        Assert.Contains("from 0 to 3", Submit(state, [new QuizAnswer(questions[0], [1, 4])]).Rejection!.Reason);
        ThenRejected(Submit(state, [], prediction: null), RejectionKind.Invalid, "prediction");
        ThenRejected(Submit(state, [], prediction: -1), RejectionKind.Invalid, "prediction");
        ThenRejected(Submit(state, [], prediction: QuizDecisions.MaxPrediction + 1), RejectionKind.Invalid, "prediction");
        Assert.Null(Submit(state, [], prediction: QuizDecisions.MaxPrediction).Rejection);
        Assert.Null(Submit(state, [], prediction: 0).Rejection);
        ThenRejected(Submit(state, [], attemptId: "lan-9"), RejectionKind.NotFound, "attemptId");
    }

    [Fact]
    public void Given_a_round_When_ranked_Then_not_before_its_close_and_after_it_with_the_attempts_closed_as_they_stood()
    {
        var state = Then(Ready(), QuizDecisions.Register(Ready(), Registration(phone: "0987654321", name: "Trần Thị Bình", key: "khoa-binh"), Pseudonyms, CellPath, Eligible, Before));
        state = Then(state, Start(state));
        state = Then(state, Submit(state, Answers(state.Attempts["lan-1"].Questions), prediction: 1));
        state = Then(state, QuizDecisions.Start(state, new StartAttempt("binh-1", "0987654321", HashOf("khoa-binh"), 2), Pseudonyms, InWeek1));

        Assert.Null(QuizDecisions.RankRound(state, 1, Week1.ClosesAt.AddTicks(-1)));
        Assert.Null(QuizDecisions.RankRound(state, 3, Week2.ClosesAt));
        var ranking = QuizDecisions.RankRound(state, 1, Week1.ClosesAt)!;
        Assert.Equal(1, ranking.AllCorrect);
        Assert.Equal([(1, IdOf(), 5), (2, IdOf("+84987654321"), 0)], ranking.Ranking.Select(r => (r.Rank, r.Attempt.Participant, r.Attempt.Correct)));
        Assert.Empty(QuizDecisions.RankRound(state, 2, Week2.ClosesAt)!.Ranking);
    }
}
