using System.Collections.Immutable;

namespace TuyenGiao.Committees.Organisation;

/// <summary>A dated change of a committee's parent or name: in force from <c>From</c> until the next one.</summary>
[GenerateSerializer, Immutable]
public readonly record struct Dated<T>([property: Id(0)] DateOnly From, [property: Id(1)] T Value);

/// <summary>How and when a committee ceased: merged into, or dissolved in favour of, its successor.</summary>
[GenerateSerializer, Immutable]
public sealed record Cessation([property: Id(0)] DateOnly On, [property: Id(1)] string SuccessorCode, [property: Id(2)] bool Dissolved);

/// <summary>
/// One committee through time: its parents and names with the day each took effect, and the day it ceased, if it
/// did. A committee registered before the system kept dates is taken to have stood so from the beginning, since the
/// records entered about it (reports of 2015, say) predate its registration here.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommitteeTimeline(
    [property: Id(0)] string Code,
    [property: Id(1)] CommitteeLevel Level,
    [property: Id(2)] ImmutableList<Dated<string?>> Parents,
    [property: Id(3)] ImmutableList<Dated<string>> Names,
    [property: Id(4)] Cessation? Ceased,
    [property: Id(5)] DateOnly? EstablishedOn = null)
{
    public static readonly DateOnly Always = DateOnly.MinValue;

    public static CommitteeTimeline Registered(string code, CommitteeLevel level, string? parentCode, string name, DateOnly? establishedOn = null) =>
        new(code, level, [new Dated<string?>(Always, parentCode)], [new Dated<string>(Always, name)], null, establishedOn);

    public string? ParentOn(DateOnly day) => InForce(Parents, day);

    public string NameOn(DateOnly day) => InForce(Names, day) ?? Names[0].Value;

    public bool StandsOn(DateOnly day) => (EstablishedOn is null || day >= EstablishedOn) && (Ceased is null || day < Ceased.On);

    /// <summary>
    /// Folds one event, recorded on <paramref name="recordedOn"/>. Changes made before dates were kept (a plain move
    /// or rename) take effect on the day they were recorded.
    /// </summary>
    public static CommitteeTimeline? Evolve(CommitteeTimeline? timeline, object @event, DateOnly recordedOn) => (timeline, @event) switch
    {
        (_, CommitteeRegistered e) => Registered(e.Code, e.Level, e.ParentCode, e.Name, e.EstablishedOn),
        (null, _) => null,
        ({ } t, CommitteeMoved e) => t with { Parents = Insert(t.Parents, recordedOn, e.ToParentCode) },
        ({ } t, CommitteeRenamed e) => t with { Names = Insert(t.Names, recordedOn, e.Name) },
        ({ } t, CommitteeReparented e) => t with { Parents = Insert(t.Parents, e.EffectiveOn, e.ToParentCode) },
        ({ } t, CommitteeRenamedOn e) => t with { Names = Insert(t.Names, e.EffectiveOn, e.Name) },
        ({ } t, CommitteeMerged e) => t with { Ceased = new Cessation(e.EffectiveOn, e.SuccessorCode, Dissolved: false) },
        ({ } t, CommitteeDissolved e) => t with { Ceased = new Cessation(e.EffectiveOn, e.SuccessorCode, Dissolved: true) },
        ({ } t, _) => t,
    };

    private static T? InForce<T>(ImmutableList<Dated<T>> periods, DateOnly day)
    {
        var value = default(T);
        foreach (var period in periods)
        {
            if (period.From > day)
                break;
            value = period.Value;
        }
        return value;
    }

    /// <summary>Kept in order of the day each takes effect; a second change for the same day replaces the first.</summary>
    private static ImmutableList<Dated<T>> Insert<T>(ImmutableList<Dated<T>> periods, DateOnly from, T value)
    {
        var without = periods.RemoveAll(p => p.From == from && from != Always);
        var index = without.FindLastIndex(p => p.From < from) + 1;
        return without.Insert(index, new Dated<T>(from, value));
    }
}
