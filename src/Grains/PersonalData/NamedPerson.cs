using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.Quizzes;

namespace TuyenGiao.PersonalData;

/// <summary>
/// A person as an admin or an auditor names them, to erase their data or to read who read it: an author by their name
/// within a committee, or a quiz participant by their number; one or the other. One rule for every place that asks.
/// </summary>
public sealed record NamedPerson(string? AuthorName, string? CommitteeCode, string? Phone)
{
    /// <summary>Nobody is named (every field left out or blank).</summary>
    public bool IsNobody => AuthorName is null && CommitteeCode is null && Phone is null;

    /// <summary>
    /// Trimmed and normalised (names to NFC, a code to its form, a number to +84…), so that a retry compares equal and the
    /// pseudonym is the one the rules count by. A text left out or blank is null; a number that is none stays as given.
    /// </summary>
    public NamedPerson Normalized() => new(
        Given(AuthorName), Given(CommitteeCode) is { } code ? Committees.CommitteeCode.Normalize(code) : null,
        PhoneNumbers.TryNormalize(Phone, out var phone) is null ? phone : Given(Phone));

    /// <summary>Why this does not name one person, if it does not: both kinds, neither, or a bad name, code or number.</summary>
    /// <remarks>On <see cref="Normalized"/> fields.</remarks>
    public Rejection? Validate()
    {
        if (Phone is not null)
            return AuthorName is not null || CommitteeCode is not null
                ? Rejection.Invalid("phone", "name one person: a quiz participant by phone, or an author by authorName and committeeCode, not both")
                : PhoneNumbers.TryNormalize(Phone, out _);
        if (IsNobody)
            return Rejection.Invalid("authorName", "name the person: an author by authorName and committeeCode, or a quiz participant by phone");
        return VietnameseText.ValidateName("authorName", AuthorName, ContestDecisions.MaxAuthorNameLength)
            ?? Committees.CommitteeCode.Validate("committeeCode", CommitteeCode);
    }

    /// <summary>Their pseudonym: a quiz participant's when a number is given, an author's otherwise.</summary>
    /// <remarks>On <see cref="Normalized"/> fields.</remarks>
    public long KeyOf(PersonPseudonyms people) => Phone is { } phone
        ? people.OfParticipant(phone)
        : people.OfAuthor(AuthorName ?? "", CommitteeCode ?? "");

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text);
}
