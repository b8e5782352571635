using System.ComponentModel.DataAnnotations;
namespace TuyenGiao.Api.Contests;

public sealed record AssignJudgeRequest([property: Required] string? JudgeId, [property: Required] string? Name, [property: Required] string? CommitteeCode);

public sealed record ScoreEntryRequest([property: Required] string? JudgeId, int? Round, [property: Required] int? Score);

public sealed record GrantAwardRequest([property: Required] string? Tier, bool? Collective, int? EntryNumber, string? CommitteeCode, [property: Required] string? Reason);

public sealed record CorrectAwardRequest([property: Required] string? Tier, bool? Collective, int? FromEntryNumber, string? FromCommitteeCode,
    int? ToEntryNumber, string? ToCommitteeCode, [property: Required] string? Reason);

/// <summary>What a judge sees of an entry: no author name, no committee.</summary>
public sealed record AnonymousEntryResponse(int EntryNumber, string Title, int Words, int? QuestionsAnswered, int? QuestionsCorrect);
