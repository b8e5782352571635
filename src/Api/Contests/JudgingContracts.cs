namespace TuyenGiao.Api.Contests;

public sealed record AssignJudgeRequest(string? JudgeId, string? Name, string? CommitteeCode);

public sealed record ScoreEntryRequest(string? JudgeId, int? Round, int? Score);

public sealed record GrantAwardRequest(string? Tier, bool? Collective, int? EntryNumber, string? CommitteeCode, string? Reason);

public sealed record CorrectAwardRequest(string? Tier, bool? Collective, int? FromEntryNumber, string? FromCommitteeCode,
    int? ToEntryNumber, string? ToCommitteeCode, string? Reason);

/// <summary>What a judge sees of an entry: no author name, no committee.</summary>
public sealed record AnonymousEntryResponse(int EntryNumber, string Title, int Words, int? QuestionsAnswered, int? QuestionsCorrect);
