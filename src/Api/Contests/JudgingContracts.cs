using System.ComponentModel.DataAnnotations;
using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests;

public sealed record AssignJudgeRequest([property: Required] string? JudgeId, [property: Required] string? Name, [property: Required] string? CommitteeCode);

/// <param name="Score">0 to 100; required unless the contest is scored by a sheet (then the sheet's sum, and optional).</param>
/// <param name="Sheet">The points per criterion of the contest's scoring sheet, when it has one.</param>
public sealed record ScoreEntryRequest([property: Required] string? JudgeId, int? Round, int? Score, IReadOnlyList<CriterionPointsRequest>? Sheet);

/// <summary>A conflict of interest: the judge declares it, or the organiser records it; the organiser lifts one recorded in error.</summary>
public sealed record DeclareConflictRequest([property: Required] int? EntryNumber, [property: Required] string? Reason);

public sealed record ChooseNormalisationRequest([property: Required] ScoreNormalisationMethod? Method);

public sealed record GrantAwardRequest([property: Required] string? Tier, bool? Collective, int? EntryNumber, string? CommitteeCode, [property: Required] string? Reason);

public sealed record CorrectAwardRequest([property: Required] string? Tier, bool? Collective, int? FromEntryNumber, string? FromCommitteeCode,
    int? ToEntryNumber, string? ToCommitteeCode, [property: Required] string? Reason);

/// <summary>What a judge sees of an entry: no author name, no committee.</summary>
/// <param name="Score">The asking judge's score of it in the round asked for; null until they score it.</param>
public sealed record AnonymousEntryResponse(int EntryNumber, string Title, int Words, int? QuestionsAnswered, int? QuestionsCorrect, int? Score);

/// <param name="Scored">Entries of the queue the judge has scored in the round.</param>
/// <param name="Total">Entries the judge may score: those still in the contest, less those of the judge's own committee.</param>
public sealed record JudgeProgressResponse(string JudgeId, int Round, int Scored, int Total);

public sealed record JudgeResponse(string JudgeId, string Name, string CommitteeCode);

/// <summary>A contest whose panel the judge sits on; times in Vietnam time (+07:00).</summary>
/// <param name="AssignedAt">When the judge was first put on the panel.</param>
public sealed record JudgePanelResponse(
    string ContestId, string Title, ContestKind Kind, string OrganiserCode, ContestPhase Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    DateTimeOffset AssignedAt)
{
    public static JudgePanelResponse From(JudgePanel panel) => new(
        panel.Listing.ContestId, panel.Listing.Title, panel.Listing.Kind, panel.Listing.OrganiserCode, panel.Phase,
        VietnamTime.Of(panel.Listing.OpensAt), VietnamTime.Of(panel.Listing.ClosesAt), VietnamTime.Of(panel.AssignedAt));
}

/// <summary>A prize and who holds it: an entry (its number, title and author) or, for a collective prize, a committee.</summary>
public sealed record PrizeHolderResponse(string Tier, bool Collective, int? EntryNumber, string? Title, string? AuthorName, string CommitteeCode);
