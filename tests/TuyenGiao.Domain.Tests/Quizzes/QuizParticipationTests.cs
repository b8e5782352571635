using TuyenGiao.Quizzes;
using static TuyenGiao.Domain.Tests.Quizzes.QuizSpec;

namespace TuyenGiao.Domain.Tests.Quizzes;

public class QuizParticipationTests
{
    private static readonly ParticipatingCommittee Bloc = new("TV-KHOI", "Đảng ủy Khối", "TV", 6_110);
    private static readonly ParticipatingCommittee Education = new("TV-KHOI-SGD", "Đảng bộ Sở Giáo dục và Đào tạo", "TV-KHOI", 400);
    private static readonly ParticipatingCommittee Health = new("TV-KHOI-SYT", "Đảng bộ Sở Y tế", "TV-KHOI", 0);

    private static ParticipantRegistered Person(string phone, string committee, params string[] above) =>
        new(Id, phone, $"Người {phone}", 1980, committee, [committee, .. above], HashOf(phone), QuizDecisions.Consent);

    private static AttemptStarted Started(string attemptId, string phone, params int[] questions) =>
        new(Id, attemptId, phone, 1, questions, 1, InWeek1, InWeek1.AddMinutes(15));

    private static AttemptSubmitted Submitted(string attemptId, int answered, int correct) =>
        new(Id, attemptId, Enumerable.Range(1, answered).Select(q => new QuizAnswer(q, [0])).ToList(), 1, correct, InWeek1.AddMinutes(5));

    [Fact]
    public void Given_people_who_took_part_When_counted_Then_once_each_in_their_committee_and_above_against_its_members_with_answers_right_over_given()
    {
        var quiz = Given(
            new QuizRulesSet(Id, Rules()), new QuestionBankLoaded(Id, Bank()),
            Person("+84900000001", "TV-KHOI-SGD", "TV-KHOI", "TV"), Person("+84900000002", "TV-KHOI-SGD", "TV-KHOI", "TV"),
            Person("+84900000003", "TV-KHOI", "TV"), Person("+84900000004", "TV-KHOI-SYT", "TV-KHOI", "TV"),
            // 1 makes two attempts (counted once, both attempts' answers); 2 lets one close at the deadline; 3 submits;
            // 4 registered and never started.
            Started("a1", "+84900000001", 1, 2, 3, 4, 5), Submitted("a1", 5, 4), Started("a2", "+84900000001", 1, 2, 3, 4, 5), Submitted("a2", 3, 3),
            Started("b1", "+84900000002", 1, 2, 3, 4, 5), Started("c1", "+84900000003", 1, 2, 3, 4, 5), Submitted("c1", 4, 1));

        var figures = QuizParticipation.Of(quiz, [Bloc, Education, Health]).ToDictionary(f => f.Code);

        Assert.Equal(new CommitteeParticipation("TV-KHOI", "Đảng ủy Khối", "TV", 6_110, 1, 3, 0.0m, 12, 8, 66.7m), figures["TV-KHOI"]);
        Assert.Equal(new CommitteeParticipation("TV-KHOI-SGD", "Đảng bộ Sở Giáo dục và Đào tạo", "TV-KHOI", 400, 2, 2, 0.5m, 8, 7, 87.5m), figures["TV-KHOI-SGD"]);
        // No members and no answers: no rate rather than 0 % or a division by zero.
        Assert.Equal(new CommitteeParticipation("TV-KHOI-SYT", "Đảng bộ Sở Y tế", "TV-KHOI", 0, 0, 0, null, 0, 0, null), figures["TV-KHOI-SYT"]);
    }

    [Fact]
    public void Given_the_bloc_of_the_demo_When_5033_of_6110_took_part_Then_82_4_percent()
    {
        var events = new List<object> { new QuizRulesSet(Id, Rules()) };
        for (var i = 0; i < 5_033; i++)
        {
            var phone = $"+8490{i:D7}";
            events.Add(Person(phone, "TV-KHOI", "TV"));
            events.Add(Started($"a{i}", phone, 1));
        }

        Assert.Equal(82.4m, QuizParticipation.Of(Given([.. events]), [Bloc]).Single().Percent);
    }

    [Fact]
    public void Given_the_bloc_dissolved_after_its_people_registered_When_the_lines_are_drawn_Then_its_committees_stay_with_the_parents_recorded_and_todays_empty_ones_are_kept()
    {
        var quiz = Given(new QuizRulesSet(Id, Rules()),
            Person("+84900000001", "TV-KHOI-SGD", "TV-KHOI", "TV"), Person("+84900000002", "TV-KHOI", "TV"), Started("a1", "+84900000001", 1), Started("b1", "+84900000002", 1));
        // Today the bloc's tree holds one new cell only (the others moved away with the bloc's dissolution).
        var newCell = new ParticipatingCommittee("TV-KHOI-MOI", "Chi bộ mới", "TV-KHOI", 10);
        var recorded = QuizParticipation.RecordedCommittees(quiz, ["TV-KHOI"]);
        var known = new Dictionary<string, (string Name, int Members)> { ["TV-KHOI"] = ("Đảng ủy Khối", 6_110), ["TV-KHOI-SGD"] = ("Đảng bộ Sở Giáo dục và Đào tạo", 400) };

        var lines = QuizParticipation.Lines([newCell], recorded, known);

        Assert.Equal([("TV-KHOI-MOI", "TV-KHOI"), ("TV-KHOI", "TV"), ("TV-KHOI-SGD", "TV-KHOI")], lines.Select(l => (l.Code, l.ParentCode)));
        var figures = QuizParticipation.Of(quiz, lines).ToDictionary(f => f.Code);
        Assert.Equal((2, 1, 6_110), (figures["TV-KHOI"].People, figures["TV-KHOI"].Own, figures["TV-KHOI"].Members));
        Assert.Equal((1, "Đảng bộ Sở Giáo dục và Đào tạo"), (figures["TV-KHOI-SGD"].People, figures["TV-KHOI-SGD"].Name));
        Assert.Equal(0, figures["TV-KHOI-MOI"].People);
        // Nothing above the eligible root: the province is not the quiz's.
        Assert.DoesNotContain("TV", figures.Keys);
    }

    [Fact]
    public void Given_a_cell_moved_within_the_tree_after_registration_When_the_lines_are_drawn_Then_it_is_listed_once_under_its_recorded_parent()
    {
        var quiz = Given(new QuizRulesSet(Id, Rules()), Person("+84900000001", "TV-KHOI-SGD", "TV-KHOI", "TV"), Started("a1", "+84900000001", 1));
        var today = new List<ParticipatingCommittee> { Bloc, Education with { ParentCode = "TV-KHOI-SYT" }, Health };

        var lines = QuizParticipation.Lines(today, QuizParticipation.RecordedCommittees(quiz, ["TV-KHOI"]), new Dictionary<string, (string, int)>());

        Assert.Equal([("TV-KHOI", "TV"), ("TV-KHOI-SGD", "TV-KHOI"), ("TV-KHOI-SYT", "TV-KHOI")], lines.Select(l => (l.Code, l.ParentCode)));
        Assert.Equal(400, lines.Single(l => l.Code == "TV-KHOI-SGD").Members);
    }

    [Fact]
    public void Given_people_at_the_root_itself_below_it_and_outside_it_When_their_committees_are_recorded_Then_only_the_roots_tree_in_depth_then_code_order()
    {
        var quiz = Given(new QuizRulesSet(Id, Rules()),
            // Registered at the eligible root itself, which is the top of its path (no parent recorded).
            Person("+84900000001", "TV-KHOI"),
            Person("+84900000002", "TV-KHOI-SYT", "TV-KHOI"), Person("+84900000003", "TV-KHOI-SGD", "TV-KHOI"),
            // A path that never reaches the eligible root counts nowhere in this quiz's tree.
            Person("+84900000004", "CT-TN", "CT"));

        var recorded = QuizParticipation.RecordedCommittees(quiz, ["TV-KHOI"]);

        Assert.Equal([new RecordedCommittee("TV-KHOI", null, 0), new RecordedCommittee("TV-KHOI-SGD", "TV-KHOI", 1), new RecordedCommittee("TV-KHOI-SYT", "TV-KHOI", 1)],
            recorded);
        Assert.Equal([new RecordedCommittee("TV-KHOI", null, 0)], QuizParticipation.RecordedCommittees(Given(new QuizRulesSet(Id, Rules()), Person("+84900000001", "TV-KHOI")), ["TV-KHOI"]));
        // At the root, with the province above it: the root, under the province.
        Assert.Equal([new RecordedCommittee("TV-KHOI", "TV", 0)], QuizParticipation.RecordedCommittees(Given(new QuizRulesSet(Id, Rules()), Person("+84900000001", "TV-KHOI", "TV")), ["TV-KHOI"]));
        Assert.Empty(QuizParticipation.RecordedCommittees(Given(new QuizRulesSet(Id, Rules()), Person("+84900000004", "CT-TN", "CT")), ["TV-KHOI"]));
    }
}
