using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.PersonalData;

/// <summary>The rules of an erasure request. Pure: the person's pseudonym and what is held of theirs are looked up first.</summary>
public static class ErasureDecisions
{
    public const int MaxLegalBasisLength = 500;

    /// <param name="command">Already normalised (NFC name, committee code, legal basis).</param>
    /// <param name="personKey">The author's pseudonym.</param>
    /// <param name="held">What the store holds of theirs now, stream by stream.</param>
    public static Decision Erase(Erasure state, ErasePerson command, long personKey, IReadOnlyList<HeldData> held, DateTimeOffset now)
    {
        if (VietnameseText.ValidateName("authorName", command.AuthorName, ContestDecisions.MaxAuthorNameLength) is { } badName)
            return badName;
        if (CommitteeCode.Validate("committeeCode", command.CommitteeCode) is { } badCode)
            return badCode;
        if (VietnameseText.ValidateName("legalBasis", command.LegalBasis, MaxLegalBasisLength) is { } badBasis)
            return badBasis;
        if (state.IsDone)
            return state.PersonKey == personKey && state.LegalBasis == command.LegalBasis
                ? Decision.NothingToDo // a retry: the first erasure stands
                : Rejection.Conflict("requestId", $"erasure request '{state.RequestId}' was already recorded for another person or reason");
        return Decision.Accept(new PersonErased(state.RequestId, personKey, command.LegalBasis, held, now));
    }

    /// <summary>Trims and normalises the texts to NFC, so that a retry compares equal and the pseudonym is the one the rules count by.</summary>
    public static ErasePerson Normalize(ErasePerson command) => new(
        VietnameseText.Normalize(command.AuthorName) ?? "", CommitteeCode.Normalize(command.CommitteeCode), VietnameseText.Normalize(command.LegalBasis) ?? "");

    public static Erasure Evolve(Erasure state, object @event) => @event switch
    {
        PersonErased e => state with { PersonKey = e.PersonKey, LegalBasis = e.LegalBasis, Held = e.Held, ErasedAt = e.ErasedAt },
        _ => state,
    };
}
