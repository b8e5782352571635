using TuyenGiao.Common;
using TuyenGiao.Quizzes;
using static TuyenGiao.Domain.Tests.Quizzes.QuizSpec;

namespace TuyenGiao.Domain.Tests.Quizzes;

/// <summary>What the quiz's state keeps instead of whole records: shared paths, key hashes as bytes, answers as a fingerprint.</summary>
public class QuizCompactStateTests
{
    private static ParticipantRegistered Person(string phone, params string[] path) =>
        new(Id, phone, $"Người {phone}", 1980, path[0], [.. path], HashOf(phone), QuizDecisions.Consent);

    [Fact]
    public void Given_people_registered_under_one_path_When_folded_Then_they_share_it_and_a_path_recorded_otherwise_stays_its_own()
    {
        var quiz = Given(new QuizRulesSet(Id, Rules()),
            Person("+84900000001", "TV-KHOI-SGD", "TV-KHOI", "TV"), Person("+84900000002", "TV-KHOI-SGD", "TV-KHOI", "TV"),
            // The same cell after a reorganisation: another path, kept as recorded.
            Person("+84900000003", "TV-KHOI-SGD", "TV"), Person("+84900000004", "TV-KHOI-SGD", "TV"));

        var (one, two, three, four) = (quiz.Participants["+84900000001"], quiz.Participants["+84900000002"], quiz.Participants["+84900000003"], quiz.Participants["+84900000004"]);
        Assert.Same(one.CommitteePath, two.CommitteePath);
        Assert.Same(one.CommitteePath[0], two.CommitteeCode);
        Assert.Equal(["TV-KHOI-SGD", "TV"], three.CommitteePath);
        Assert.Equal(["TV-KHOI-SGD", "TV-KHOI", "TV"], one.CommitteePath);
        Assert.Same(three.CommitteePath, four.CommitteePath);
        // Both paths are kept, once each: the participation's committees come from them, not from every person.
        Assert.Equal(2, quiz.Paths.Count);
    }

    [Fact]
    public void Given_events_read_with_their_own_strings_When_folded_Then_the_committee_is_the_shared_paths_first_and_a_known_path_changes_no_index()
    {
        // As a replay reads them: every event brings new string instances.
        ParticipantRegistered Read(string phone) => new(Id, phone, "Người", 1980, new string("TV-KHOI-SGD".AsSpan()),
            [new string("TV-KHOI-SGD".AsSpan()), new string("TV-KHOI".AsSpan())], HashOf(phone), QuizDecisions.Consent);
        var afterOne = Given(new QuizRulesSet(Id, Rules()), Read("+84900000001"));
        var afterTwo = QuizEvolution.Evolve(afterOne, Read("+84900000002"));

        Assert.Same(afterOne.Participants["+84900000001"].CommitteePath[0], afterTwo.Participants["+84900000002"].CommitteeCode);
        Assert.Same(afterOne.Paths, afterTwo.Paths);
    }

    [Fact]
    public void Given_a_registration_recorded_without_a_path_When_folded_Then_its_committee_is_its_code()
    {
        var quiz = Given(new QuizRulesSet(Id, Rules()), new ParticipantRegistered(Id, "+84900000001", "Người", 1980, "TV-KHOI-SGD", [], HashOf("k"), QuizDecisions.Consent));

        Assert.Equal(("TV-KHOI-SGD", 0), (quiz.Participants["+84900000001"].CommitteeCode, quiz.Participants["+84900000001"].CommitteePath.Count));
    }

    [Fact]
    public void Given_a_key_hash_When_kept_Then_as_its_32_bytes_and_text_that_is_no_hash_matches_nothing()
    {
        var hash = HashOf(Key);

        Assert.Equal(Convert.FromHexString(hash), Sha256Hex.Parse(hash));
        Assert.Equal(Convert.FromHexString(hash), Sha256Hex.Parse(hash.ToLowerInvariant()));
        Assert.Null(Sha256Hex.Parse(""));
        Assert.Null(Sha256Hex.Parse(hash[..^2]));
        Assert.Null(Sha256Hex.Parse(hash + "00"));
        Assert.Null(Sha256Hex.Parse(hash[..^1] + "G"));
        // A recorded key hash that is no hash (hand-written data) folds to one no key matches, never to a null.
        var odd = Given(new QuizRulesSet(Id, Rules()), new ParticipantRegistered(Id, Phone, "Người", 1980, "TV-KHOI-SGD", ["TV-KHOI-SGD"], "x", QuizDecisions.Consent));
        Assert.Empty(odd.Participants[Phone].KeyHash);
        Assert.Empty(QuizEvolution.Evolve(Ready(), new ParticipantKeyReissued(Id, IdOf(), "x")).Participants[IdOf()].KeyHash);
        // A key that is no hash is refused as a wrong one, not thrown on.
        Assert.Equal(RejectionKind.Forbidden, QuizDecisions.Start(Ready(), new StartAttempt("lan-1", Phone, "not a hash", 1), Pseudonyms, InWeek1).Rejection?.Kind);
        Assert.Equal(Convert.FromHexString(hash), Ready().Participants[IdOf()].KeyHash);
    }

    [Fact]
    public void Given_answers_When_fingerprinted_Then_order_does_not_matter_and_any_other_choice_or_grouping_does()
    {
        var answers = new List<QuizAnswer> { new(2, [1]), new(1, [2, 0]) };
        var fingerprint = QuizAnswers.Fingerprint(answers);

        Assert.Equal(fingerprint, QuizAnswers.Fingerprint([new(1, [0, 2]), new(2, [1])]));
        Assert.NotEqual(fingerprint, QuizAnswers.Fingerprint([new(1, [0, 2]), new(2, [3])]));
        Assert.NotEqual(fingerprint, QuizAnswers.Fingerprint([new(1, [0, 2])]));
        Assert.NotEqual(fingerprint, QuizAnswers.Fingerprint([new(1, [0, 2]), new(3, [1])]));
        // The same numbers grouped otherwise: question 1 with options 0 and 2 is not question 1 with 0, then question 2.
        Assert.NotEqual(QuizAnswers.Fingerprint([new(1, [0, 2])]), QuizAnswers.Fingerprint([new(1, [0]), new(2, [])]));
        Assert.NotEqual(QuizAnswers.Fingerprint([new(1, [0]), new(2, [1])]), QuizAnswers.Fingerprint([new(1, [0, 1, 2, 1])]));
    }
}
