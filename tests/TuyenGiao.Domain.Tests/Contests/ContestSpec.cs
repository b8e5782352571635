using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.Committees;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>A writing contest of the Trà Vinh bloc, open through June 2023 (Vietnam time), and helpers to drive it.</summary>
internal static class ContestSpec
{
    public const string Id = "KHAT-VONG-TV";
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, Vietnam);
    public static readonly DateTimeOffset Closes = new(2023, 7, 1, 0, 0, 0, Vietnam);
    public static readonly DateTimeOffset During = new(2023, 6, 15, 9, 30, 0, Vietnam);
    public static readonly string[] BlocPath = ["TV-KHOI", "TV"];
    public static readonly string[] CellPath = ["TV-KHOI-SGD", "TV-KHOI", "TV"];

    public static ContestDetails Details(int target = 1_277, int perAuthor = 2, params string[] eligible) => new(
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI - Khát vọng Trà Vinh", "Cuộc thi viết",
        Opens, Closes, target, eligible, perAuthor,
        [new PrizeTier("Giải nhất", 1), new PrizeTier("Giải nhì", 2), new PrizeTier("Giải ba", 3), new PrizeTier("Giải khuyến khích", 6)],
        [new PrizeTier("Giải nhất tập thể", 1)]);

    public static ContestAnnounced Announced(ContestKind kind = ContestKind.Writing, ContestDetails? details = null) =>
        new(Id, "TV-KHOI", kind, details ?? Details());

    public static Contest Given(params object[] events) => events.Aggregate(Contest.None(Id), ContestEvolution.Evolve);

    public static SubmitEntry Entry(string submissionId, string author = "Nguyễn Văn An", string committee = "TV-KHOI-SGD", string title = "Khát vọng vươn lên") =>
        new(submissionId, author, committee, title, 1_500, null, null, AuthorKey(author, committee));

    /// <summary>The pseudonyms of these tests, under a fixed secret (a node's comes from its vault).</summary>
    public static readonly PersonPseudonyms Pseudonyms = new([.. Enumerable.Range(1, PersonPseudonyms.SecretLength).Select(i => (byte)i)]);

    /// <summary>The author's pseudonym, as the grain gives it to the rules: of the NFC name within the normalised committee code.</summary>
    public static long AuthorKey(string author, string committee = "TV-KHOI-SGD") =>
        Pseudonyms.OfAuthor(VietnameseText.Normalize(author) ?? "", CommitteeCode.Normalize(committee));

    /// <summary>
    /// The entry as the read model holds it once <see cref="Submitted"/> recorded <paramref name="entry"/> as
    /// <paramref name="number"/> (accepted: the state's own record of ends overlays it), for the rules about one entry.
    /// </summary>
    public static EntryOnRecord OnRecord(int number, SubmitEntry entry, IReadOnlyList<string>? path = null, DateTimeOffset? at = null)
    {
        var normalized = ContestDecisions.Normalize(entry);
        return new EntryOnRecord(number, normalized.SubmissionId, EntryStatus.Accepted, new EntryFacts(normalized.CommitteeCode, path ?? CellPath,
            normalized.AuthorKey, (at ?? During).ToUniversalTime(),
            normalized.QuestionsAnswered ?? 0, normalized.QuestionsCorrect ?? 0));
    }

    /// <summary>Submits through the rules and folds the result, as the grain does.</summary>
    public static Contest Submitted(Contest state, SubmitEntry entry, IReadOnlyList<string>? path = null, DateTimeOffset? at = null)
    {
        var decision = ContestDecisions.Submit(state, ContestDecisions.Normalize(entry), path ?? CellPath, at ?? During);
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(state, ContestEvolution.Evolve);
    }
}
