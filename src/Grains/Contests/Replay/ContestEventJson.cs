using System.Text.Json.Serialization;

namespace TuyenGiao.Contests;

/// <summary>
/// The contest events as Marten stores them (camelCase, enums by name), read with source-generated System.Text.Json:
/// no reflection per event, which is most of what a replay through Marten spends.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ContestAnnounced))]
[JsonSerializable(typeof(ContestAmended))]
[JsonSerializable(typeof(ContestCancelled))]
[JsonSerializable(typeof(EntrySubmitted))]
[JsonSerializable(typeof(EntryWithdrawn))]
[JsonSerializable(typeof(EntryDisqualified))]
[JsonSerializable(typeof(JudgeAssigned))]
[JsonSerializable(typeof(EntryScored))]
[JsonSerializable(typeof(AwardGranted))]
[JsonSerializable(typeof(AwardCorrected))]
[JsonSerializable(typeof(ResultsPublished))]
[JsonSerializable(typeof(EntrantsPersonalDataErased))]
[JsonSerializable(typeof(ConflictDeclared))]
[JsonSerializable(typeof(ConflictLifted))]
[JsonSerializable(typeof(NormalisationChosen))]
public sealed partial class ContestEventJson : JsonSerializerContext;
