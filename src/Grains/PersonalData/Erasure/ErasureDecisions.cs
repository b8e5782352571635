using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.Quizzes;

namespace TuyenGiao.PersonalData;

/// <summary>The rules of an erasure request. Pure: the person's pseudonym and what is held of theirs are looked up first.</summary>
public static class ErasureDecisions
{
    public const int MaxLegalBasisLength = 500;

    /// <param name="command">Already normalised (<see cref="Normalize"/>).</param>
    /// <param name="personKey">The person's pseudonym (<see cref="PersonOf"/>).</param>
    /// <param name="held">What the store holds of theirs now, stream by stream.</param>
    public static Decision Erase(Erasure state, ErasePerson command, long personKey, IReadOnlyList<HeldData> held, DateTimeOffset now)
    {
        if (Person(command) is { } badPerson)
            return badPerson;
        if (VietnameseText.ValidateName("legalBasis", command.LegalBasis, MaxLegalBasisLength) is { } badBasis)
            return badBasis;
        if (state.IsDone)
            return state.PersonKey == personKey && state.LegalBasis == command.LegalBasis
                ? Decision.NothingToDo // a retry: the first erasure stands
                : Rejection.Conflict("requestId", $"erasure request '{state.RequestId}' was already recorded for another person or reason");
        return Decision.Accept(new PersonErased(state.RequestId, personKey, command.LegalBasis, held, now));
    }

    /// <summary>
    /// Trims and normalises the texts (names to NFC, a number to +84…), so that a retry compares equal and the pseudonym
    /// is the one the rules count by. A text left out stays null.
    /// </summary>
    public static ErasePerson Normalize(ErasePerson command) => new(
        Given(command.AuthorName), Given(command.CommitteeCode) is { } code ? CommitteeCode.Normalize(code) : null,
        VietnameseText.Normalize(command.LegalBasis) ?? "",
        PhoneNumbers.TryNormalize(command.Phone, out var phone) is null ? phone : Given(command.Phone));

    /// <summary>A text given: blank is the same as left out.</summary>
    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text);

    /// <summary>The person's pseudonym: a quiz participant's when a number is given, an author's otherwise.</summary>
    /// <param name="command">Already normalised (<see cref="Normalize"/>).</param>
    public static long PersonOf(ErasePerson command, PersonPseudonyms people) => command.Phone is { } phone
        ? people.OfParticipant(phone)
        : people.OfAuthor(command.AuthorName ?? "", command.CommitteeCode ?? "");

    /// <summary>One person: an author by name and committee, or a participant by number; never both, never neither.</summary>
    private static Rejection? Person(ErasePerson command)
    {
        if (command.Phone is not null)
            return command.AuthorName is not null || command.CommitteeCode is not null
                ? Rejection.Invalid("phone", "name one person: a quiz participant by phone, or an author by authorName and committeeCode, not both")
                : PhoneNumbers.TryNormalize(command.Phone, out _);
        if (command.AuthorName is null && command.CommitteeCode is null)
            return Rejection.Invalid("authorName", "name the person: an author by authorName and committeeCode, or a quiz participant by phone");
        return VietnameseText.ValidateName("authorName", command.AuthorName, ContestDecisions.MaxAuthorNameLength)
            ?? CommitteeCode.Validate("committeeCode", command.CommitteeCode);
    }

    public static Erasure Evolve(Erasure state, object @event) => @event switch
    {
        PersonErased e => state with { PersonKey = e.PersonKey, LegalBasis = e.LegalBasis, Held = e.Held, ErasedAt = e.ErasedAt },
        _ => state,
    };
}
