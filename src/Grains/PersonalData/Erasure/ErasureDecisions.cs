using TuyenGiao.Common;

namespace TuyenGiao.PersonalData;

/// <summary>The rules of an erasure request. Pure: the person's pseudonym and what is held of theirs are looked up first.</summary>
public static class ErasureDecisions
{
    public const int MaxLegalBasisLength = 500;

    /// <param name="command">Already normalised (<see cref="Normalize"/>).</param>
    /// <param name="personKey">The person's pseudonym (<see cref="NamedPerson.KeyOf"/>).</param>
    /// <param name="held">What the store holds of theirs now, stream by stream.</param>
    public static Decision Erase(Erasure state, ErasePerson command, long personKey, IReadOnlyList<HeldData> held, DateTimeOffset now)
    {
        if (command.Person.Validate() is { } badPerson)
            return badPerson;
        if (VietnameseText.ValidateName("legalBasis", command.LegalBasis, MaxLegalBasisLength) is { } badBasis)
            return badBasis;
        if (state.IsDone)
            return state.PersonKey == personKey && state.LegalBasis == command.LegalBasis
                ? Decision.NothingToDo // a retry: the first erasure stands
                : Rejection.Conflict("requestId", $"erasure request '{state.RequestId}' was already recorded for another person or reason");
        return Decision.Accept(new PersonErased(state.RequestId, personKey, command.LegalBasis, held, now));
    }

    /// <summary>The person named (<see cref="NamedPerson.Normalized"/>) and the legal basis in NFC, so that a retry compares equal.</summary>
    public static ErasePerson Normalize(ErasePerson command)
    {
        var person = command.Person.Normalized();
        return new ErasePerson(person.AuthorName, person.CommitteeCode, VietnameseText.Normalize(command.LegalBasis) ?? "", person.Phone);
    }

    public static Erasure Evolve(Erasure state, object @event) => @event switch
    {
        PersonErased e => state with { PersonKey = e.PersonKey, LegalBasis = e.LegalBasis, Held = e.Held, ErasedAt = e.ErasedAt },
        _ => state,
    };
}
