using TuyenGiao.Quizzes;
using static TuyenGiao.Domain.Tests.Quizzes.QuizSpec;

namespace TuyenGiao.Domain.Tests.Quizzes;

/// <summary>
/// The participation is summed from counts each path keeps as the events come, not from every person and attempt: checked
/// against a recount of the people and attempts themselves, written here independently, after random workloads.
/// </summary>
public class QuizParticipationCountsTests
{
    private static readonly string[][] PathsUsed =
    [
        ["TV-KHOI-SGD", "TV-KHOI", "TV"], ["TV-KHOI-SYT", "TV-KHOI", "TV"], ["TV-KHOI", "TV"],
        // The same cell recorded under another parent (a reorganisation between two registrations).
        ["TV-KHOI-SGD", "TV"],
    ];

    private static readonly ParticipatingCommittee[] Committees =
    [
        new("TV", "Tỉnh ủy", null, 40_000), new("TV-KHOI", "Đảng ủy Khối", "TV", 6_110),
        new("TV-KHOI-SGD", "Đảng bộ Sở Giáo dục và Đào tạo", "TV-KHOI", 400), new("TV-KHOI-SYT", "Đảng bộ Sở Y tế", "TV-KHOI", 300),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Given_a_random_workload_When_the_participation_is_counted_Then_it_equals_a_recount_of_the_people_and_their_attempts(int seed)
    {
        var random = new Random(seed);
        var events = new List<object> { new QuizRulesSet(Id, Rules()), new QuestionBankLoaded(Id, Bank()) };
        var phones = new List<string>();
        var open = new List<string>();
        for (var step = 0; step < 600; step++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    var phone = $"+8490{phones.Count:D7}";
                    var path = PathsUsed[random.Next(PathsUsed.Length)];
                    events.Add(new ParticipantRegistered(Id, phone, $"Người {phones.Count}", 1980, path[0], path, HashOf(phone), QuizDecisions.Consent));
                    phones.Add(phone);
                    break;
                case 2 when phones.Count > 0:
                    var attemptId = $"a{step}";
                    events.Add(new AttemptStarted(Id, attemptId, phones[random.Next(phones.Count)], 1 + random.Next(2), [1, 2, 3, 4, 5], 1, InWeek1, InWeek1.AddMinutes(15)));
                    open.Add(attemptId);
                    break;
                case 3 when open.Count > 0:
                    var submitted = open[random.Next(open.Count)];
                    open.Remove(submitted);
                    var answered = random.Next(6);
                    events.Add(new AttemptSubmitted(Id, submitted, Enumerable.Range(1, answered).Select(q => new QuizAnswer(q, [0])).ToList(), 7, random.Next(answered + 1),
                        InWeek1.AddMinutes(3)));
                    break;
                case 4 when phones.Count > 0:
                    var again = phones[random.Next(phones.Count)];
                    events.Add(new ParticipantKeyReissued(Id, again, HashOf(again + step)));
                    break;
            }
        }

        var quiz = Given([.. events]);

        Assert.Equal(Recount(events), QuizParticipation.Of(quiz, Committees));
        Assert.Contains(QuizParticipation.Of(quiz, Committees), c => c.People > 0 && c.AnswersGiven > 0);
    }

    [Fact]
    public void Given_a_start_and_a_submission_repeated_in_the_stream_When_folded_Then_the_first_of_each_counts_once()
    {
        var person = new ParticipantRegistered(Id, Phone, "Nguyễn Văn An", 1985, "TV-KHOI-SGD", CellPath, HashOf(Key), QuizDecisions.Consent);
        var started = new AttemptStarted(Id, "a1", Phone, 1, [1, 2, 3, 4, 5], 1, InWeek1, InWeek1.AddMinutes(15));
        var submitted = new AttemptSubmitted(Id, "a1", Answers([1, 2, 3, 4, 5], wrong: 1), 7, 4, InWeek1.AddMinutes(5));

        var quiz = Given(new QuizRulesSet(Id, Rules()), person, started, started with { Deadline = InWeek1.AddMinutes(1) }, submitted,
            submitted with { Correct = 5 }, person with { Name = "Người khác" });

        var bloc = QuizParticipation.Of(quiz, Committees).Single(c => c.Code == "TV-KHOI");
        Assert.Equal((1, 5L, 4L), (bloc.People, bloc.AnswersGiven, bloc.AnswersRight));
        Assert.Equal(["a1"], quiz.Participants[Phone].AttemptIds.ToArray());
        Assert.Equal(("Nguyễn Văn An", InWeek1.AddMinutes(15), 4), (quiz.Participants[Phone].Name, quiz.Attempts["a1"].Deadline, quiz.Attempts["a1"].Submission!.Correct));
    }

    [Fact]
    public void Given_people_registered_without_a_path_When_counted_Then_each_in_their_own_committee_own_and_whole()
    {
        var quiz = Given(new QuizRulesSet(Id, Rules()),
            new ParticipantRegistered(Id, "+84900000001", "Người 1", 1980, "TV-KHOI-SGD", [], HashOf("1"), QuizDecisions.Consent),
            new ParticipantRegistered(Id, "+84900000002", "Người 2", 1980, "TV-KHOI-SYT", [], HashOf("2"), QuizDecisions.Consent),
            new AttemptStarted(Id, "a1", "+84900000001", 1, [1], 1, InWeek1, InWeek1.AddMinutes(15)),
            new AttemptStarted(Id, "a2", "+84900000002", 1, [1], 1, InWeek1, InWeek1.AddMinutes(15)));

        var figures = QuizParticipation.Of(quiz, Committees).ToDictionary(c => c.Code);

        Assert.Equal((1, 1), (figures["TV-KHOI-SGD"].Own, figures["TV-KHOI-SGD"].People));
        Assert.Equal((1, 1), (figures["TV-KHOI-SYT"].Own, figures["TV-KHOI-SYT"].People));
        Assert.Equal(0, figures["TV-KHOI"].People);
    }

    /// <summary>From the events alone: who registered under which path, who started an attempt, what each first submission gave.</summary>
    private static List<CommitteeParticipation> Recount(IEnumerable<object> events)
    {
        var pathOf = new Dictionary<string, string[]>();
        var personOf = new Dictionary<string, string>();
        var tookPart = new HashSet<string>();
        var submitted = new HashSet<string>();
        var answers = new Dictionary<string, (long Given, long Right)>();
        foreach (var @event in events)
        {
            switch (@event)
            {
                case ParticipantRegistered r when !pathOf.ContainsKey(r.Phone):
                    pathOf[r.Phone] = [.. r.CommitteePath];
                    break;
                case AttemptStarted s when personOf.TryAdd(s.AttemptId, s.Participant):
                    tookPart.Add(s.Participant);
                    break;
                case AttemptSubmitted s when submitted.Add(s.AttemptId):
                    var (given, right) = answers.GetValueOrDefault(personOf[s.AttemptId]);
                    answers[personOf[s.AttemptId]] = (given + s.Answers.Count, right + s.Correct);
                    break;
            }
        }
        return Committees.Select(c =>
        {
            var people = tookPart.Where(p => pathOf[p].Contains(c.Code)).ToList();
            var own = people.Count(p => pathOf[p][0] == c.Code);
            var given = people.Sum(p => answers.GetValueOrDefault(p).Given);
            var right = people.Sum(p => answers.GetValueOrDefault(p).Right);
            return new CommitteeParticipation(c.Code, c.Name, c.ParentCode, c.Members, own, people.Count,
                c.Members == 0 ? null : Math.Round(100m * people.Count / c.Members, 1, MidpointRounding.AwayFromZero), given, right,
                given == 0 ? null : Math.Round(100m * right / given, 1, MidpointRounding.AwayFromZero));
        }).ToList();
    }
}
