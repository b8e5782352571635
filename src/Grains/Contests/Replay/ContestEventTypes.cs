using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TuyenGiao.Contests;

/// <summary>
/// The contest event types by the name Marten stores in mt_events.type, each with its generated reader. One list:
/// ContestStorage registers these types with Marten, and a test checks that Marten names them the same way.
/// </summary>
public static class ContestEventTypes
{
    public static readonly IReadOnlyDictionary<string, JsonTypeInfo> ByStoredName = new Dictionary<string, JsonTypeInfo>(StringComparer.Ordinal)
    {
        ["contest_announced"] = ContestEventJson.Default.ContestAnnounced,
        ["contest_amended"] = ContestEventJson.Default.ContestAmended,
        ["contest_cancelled"] = ContestEventJson.Default.ContestCancelled,
        ["entry_submitted"] = ContestEventJson.Default.EntrySubmitted,
        ["entry_withdrawn"] = ContestEventJson.Default.EntryWithdrawn,
        ["entry_disqualified"] = ContestEventJson.Default.EntryDisqualified,
        ["judge_assigned"] = ContestEventJson.Default.JudgeAssigned,
        ["entry_scored"] = ContestEventJson.Default.EntryScored,
        ["award_granted"] = ContestEventJson.Default.AwardGranted,
        ["award_corrected"] = ContestEventJson.Default.AwardCorrected,
        ["results_published"] = ContestEventJson.Default.ResultsPublished,
        ["conflict_declared"] = ContestEventJson.Default.ConflictDeclared,
        ["conflict_lifted"] = ContestEventJson.Default.ConflictLifted,
        ["normalisation_chosen"] = ContestEventJson.Default.NormalisationChosen,
        ["entrants_personal_data_erased"] = ContestEventJson.Default.EntrantsPersonalDataErased,
    };

    public static IEnumerable<Type> All => ByStoredName.Values.Select(t => t.Type);

    /// <summary>An event from its stored name and JSON as UTF-8; null for a name that is not a contest event.</summary>
    public static object? Read(string storedName, ReadOnlyMemory<byte> utf8Json) =>
        !ByStoredName.TryGetValue(storedName, out var type) ? null
        : type.Type == typeof(EntrySubmitted) ? EntrySubmittedJson.TryRead(utf8Json.Span) ?? JsonSerializer.Deserialize(utf8Json.Span, type)
        : JsonSerializer.Deserialize(utf8Json.Span, type);
}
