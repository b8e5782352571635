using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.PersonalData;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.PersonalData;

public class RetentionAndErasureTests
{
    private static readonly DateTimeOffset Published = new(2023, 7, 15, 10, 0, 0, TimeSpan.Zero);

    private static readonly TuyenGiao.Committees.Committee Bloc =
        new("committee/TV-KHOI", "TV-KHOI", "Đảng ủy Khối", TuyenGiao.Committees.CommitteeLevel.Bloc, "TV", 6_110, true);

    private static Contest PublishedWithRetention(int? months) =>
        Given(Announced(details: Details() with { PersonalDataRetentionMonths = months }), new ResultsPublished(Id, Published));

    [Fact]
    public void Given_results_published_with_a_retention_When_asked_a_moment_before_and_at_its_end_Then_it_erases_only_at_the_end_and_only_once()
    {
        var state = PublishedWithRetention(6);

        Assert.Empty(ContestDecisions.EraseEntrantsPersonalData(state, Published.AddMonths(6).AddTicks(-1)).Events);
        var erased = Assert.IsType<EntrantsPersonalDataErased>(Assert.Single(ContestDecisions.EraseEntrantsPersonalData(state, Published.AddMonths(6)).Events));

        Assert.Equal(new EntrantsPersonalDataErased(Id, Published, 6, Published.AddMonths(6)), erased);
        Assert.Equal([$"contest/{Id}", $"quiz/{Id}"], ((IErasesPersonalData)erased).ErasesStreams);
        Assert.Null(((IErasesPersonalData)erased).ErasesPerson);
        Assert.Empty(ContestDecisions.EraseEntrantsPersonalData(ContestEvolution.Evolve(state, erased), Published.AddYears(5)).Events);
    }

    [Fact]
    public void Given_results_published_at_midnight_in_Vietnam_When_the_months_are_counted_Then_they_run_on_Vietnam_s_calendar()
    {
        var firstOfJuly = new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7)); // 30 June 17:00 in UTC

        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)), ContestDecisions.RetentionEnds(firstOfJuly.ToUniversalTime(), 6));
        Assert.Equal(TimeSpan.Zero, ContestDecisions.RetentionEnds(firstOfJuly, 6).Offset);
    }

    [Fact]
    public void Given_no_retention_or_unpublished_results_When_asked_Then_nothing_is_erased()
    {
        Assert.Empty(ContestDecisions.EraseEntrantsPersonalData(PublishedWithRetention(null), Published.AddYears(20)).Events);
        Assert.Empty(ContestDecisions.EraseEntrantsPersonalData(Given(Announced(details: Details() with { PersonalDataRetentionMonths = 1 })),
            Published.AddYears(20)).Events);
        Assert.Equal(RejectionKind.NotFound, ContestDecisions.EraseEntrantsPersonalData(Contest.None(Id), Published).Rejection?.Kind);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    public void Given_a_retention_in_months_When_announced_Then_it_is_between_1_and_120(int months, bool refused)
    {
        var command = new AnnounceContest("TV-KHOI", ContestKind.Writing, Details() with { PersonalDataRetentionMonths = months });

        var decision = ContestDecisions.Announce(Contest.None(Id), command, Bloc, []);

        Assert.Equal(refused ? "personalDataRetentionMonths" : null, decision.Rejection?.Field);
    }

    [Fact]
    public void Given_contest_listings_When_the_retention_job_looks_Then_only_published_uncancelled_unerased_ones_past_their_months_are_due()
    {
        var listing = new ContestListing($"contest/{Id}", Id, "TV-KHOI", ContestKind.Writing, "T", "t", Opens, Closes, 10, false, true, Opens,
            Published, 6);
        var end = Published.AddMonths(6);

        Assert.True(listing.RetentionDue(end));
        Assert.False(listing.RetentionDue(end.AddTicks(-1)));
        Assert.False((listing with { ResultsPublished = false }).RetentionDue(end));
        Assert.False((listing with { Cancelled = true }).RetentionDue(end));
        Assert.False((listing with { EntrantsPersonalDataErasedAt = end }).RetentionDue(end));
        Assert.False((listing with { PersonalDataRetentionMonths = null }).RetentionDue(end));
        // A listing from before publication times were kept: the contest itself decides.
        Assert.True((listing with { PublishedAt = null }).RetentionDue(Published));
    }

    [Fact]
    public void Given_an_erasure_request_When_decided_retried_and_reused_Then_it_is_recorded_once_and_refused_for_another_person()
    {
        var request = ErasureDecisions.Normalize(new ErasePerson(" Lê Văn Tám ", "tv-a", "Đơn ngày 01/08/2023", null));
        var held = new List<HeldData> { new("contest/A", 2) };
        var first = ErasureDecisions.Erase(Erasure.NotRequested("r-1"), request, 42, held, Published);
        var erased = Assert.IsType<PersonErased>(Assert.Single(first.Events));
        var state = ErasureDecisions.Evolve(Erasure.NotRequested("r-1"), erased);

        Assert.Equal(("Lê Văn Tám", "TV-A"), (request.AuthorName, request.CommitteeCode));
        Assert.Equal((42L, (long?)42, true), (((IErasesPersonalData)erased).ErasesPerson!.Value, state.PersonKey, state.IsDone));
        var retried = ErasureDecisions.Erase(state, request, 42, held, Published.AddDays(1));
        Assert.Equal((0, null), (retried.Events.Count, retried.Rejection));
        Assert.Equal("requestId", ErasureDecisions.Erase(state, request, 43, held, Published).Rejection?.Field);
        Assert.Equal("requestId", ErasureDecisions.Erase(state, request with { LegalBasis = "Khác" }, 42, held, Published).Rejection?.Field);
        Assert.Equal("legalBasis", ErasureDecisions.Erase(Erasure.NotRequested("r-2"), request with { LegalBasis = " " }, 42, held, Published).Rejection?.Field);
        Assert.Equal("authorName", ErasureDecisions.Erase(Erasure.NotRequested("r-2"), request with { AuthorName = "\uFDD0x" }, 42, held, Published).Rejection?.Field);
        Assert.Equal("committeeCode", ErasureDecisions.Erase(Erasure.NotRequested("r-2"), request with { CommitteeCode = "không hợp lệ" }, 42, held, Published).Rejection?.Field);
        Assert.Empty(((IErasesPersonalData)erased).ErasesStreams);
    }

    [Fact]
    public void Given_an_erasure_request_for_a_quiz_participant_When_named_by_phone_Then_their_pseudonym_is_of_the_normalised_number()
    {
        var request = ErasureDecisions.Normalize(new ErasePerson(null, null, "Đơn ngày 01/08/2023", "0912 345 678"));

        Assert.Equal((null, null, "+84912345678"), (request.AuthorName, request.CommitteeCode, request.Phone));
        Assert.Equal(Pseudonyms.OfParticipant("+84912345678"), request.Person.KeyOf(Pseudonyms));
        var author = ErasureDecisions.Normalize(new ErasePerson(" Lê Văn Tám ", "tv-a", "Đơn", " "));
        Assert.Null(author.Phone);
        Assert.Equal(Pseudonyms.OfAuthor("Lê Văn Tám", "TV-A"), author.Person.KeyOf(Pseudonyms));
        var erased = Assert.IsType<PersonErased>(Assert.Single(ErasureDecisions.Erase(Erasure.NotRequested("r-1"), request, 7, [], Published).Events));
        Assert.Equal(7, erased.PersonKey);
    }

    [Fact]
    public void Given_an_erasure_request_When_it_names_both_kinds_of_person_or_neither_or_a_bad_number_Then_refused_on_the_field()
    {
        var refused = (ErasePerson command) => ErasureDecisions.Erase(Erasure.NotRequested("r-1"), ErasureDecisions.Normalize(command), 7, [], Published).Rejection;

        Assert.Equal(("phone", RejectionKind.Invalid), Of(refused(new ErasePerson("Lê Văn Tám", null, "Đơn", "0912345678"))));
        Assert.Equal(("phone", RejectionKind.Invalid), Of(refused(new ErasePerson(null, "TV-A", "Đơn", "0912345678"))));
        Assert.Equal(("authorName", RejectionKind.Invalid), Of(refused(new ErasePerson(null, null, "Đơn", null))));
        Assert.Equal(("authorName", RejectionKind.Invalid), Of(refused(new ErasePerson(" ", null, "Đơn", " "))));
        Assert.Equal(("committeeCode", RejectionKind.Invalid), Of(refused(new ErasePerson("Lê Văn Tám", null, "Đơn", null))));
        Assert.Equal(("authorName", RejectionKind.Invalid), Of(refused(new ErasePerson(null, "TV-A", "Đơn", null))));
        // Both wrong: the name is answered first.
        Assert.Equal(("authorName", RejectionKind.Invalid), Of(refused(new ErasePerson("\uFDD0x", "không hợp lệ", "Đơn", null))));
        Assert.Equal(("phone", RejectionKind.Invalid), Of(refused(new ErasePerson(null, null, "Đơn", "12345"))));
        Assert.Equal(("legalBasis", RejectionKind.Invalid), Of(refused(new ErasePerson(null, null, " ", "0912345678"))));
        Assert.Null(refused(new ErasePerson(null, null, "Đơn", "0912345678")));
        Assert.Null(refused(new ErasePerson("Lê Văn Tám", "TV-A", "Đơn", null)));

        static (string, RejectionKind)? Of(Rejection? r) => r is null ? null : (r.Field, r.Kind);
    }

    [Fact]
    public void Given_a_person_named_by_any_one_field_When_asked_whether_nobody_is_named_Then_no()
    {
        Assert.True(new NamedPerson(null, null, null).IsNobody);
        Assert.True(new NamedPerson(" ", "", " ").Normalized().IsNobody);
        Assert.False(new NamedPerson("Lê Văn Tám", null, null).IsNobody);
        Assert.False(new NamedPerson(null, "TV-A", null).IsNobody);
        Assert.False(new NamedPerson(null, null, "0912345678").IsNobody);
    }
}
