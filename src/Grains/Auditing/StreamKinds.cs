using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Auditing;

/// <summary>
/// The kinds of stream the store holds, each named by the prefix of its stream ids (committee/TV, contest/X, ...). An
/// auditor who names a stream of no kind made a typing mistake worth a 400, not an empty answer.
/// </summary>
public static class StreamKinds
{
    /// <summary>Each aggregate's own stream id with an empty id: its prefix, from the one place that builds its ids.</summary>
    public static readonly IReadOnlyList<string> Prefixes =
        [Committee.StreamIdFor(""), Contest.StreamIdFor(""), Quizzes.Quiz.StreamIdFor(""), Campaign.StreamIdFor(""), CommitteeRecordBook.StreamIdFor(""), Accounts.Account.StreamIdFor(""),
         PersonalData.Erasure.StreamIdFor("")];

    public static Rejection? Validate(string field, string streamId) =>
        Prefixes.Any(prefix => streamId.StartsWith(prefix, StringComparison.Ordinal) && streamId.Length > prefix.Length)
            ? null
            : Rejection.Invalid(field, $"'{streamId}' names no stream: a stream id is one of {string.Join(", ", Prefixes.Select(p => p + "ID"))}");
}
