using TuyenGiao.Auditing;
using TuyenGiao.Common;
using TuyenGiao.Committees;
using TuyenGiao.Contests;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Api.Quizzes;

/// <summary>
/// A quiz's participation as <c>GET …/participation</c> answers it, for that endpoint and for its live feed: the
/// eligible tree of today and the committees the people registered under (<see cref="QuizParticipation.Lines"/>),
/// counted by the quiz grain now, or from the events as of a moment.
/// </summary>
public sealed class QuizParticipationReader(IGrainFactory grains, CommitteeDirectory directory, TimeTravel past)
{
    /// <returns>The refusal when the contest is not, or no longer, a quiz; else the participation and the version it was counted at.</returns>
    public async Task<(Rejection? Refusal, QuizParticipationView? Participation)> ReadAsync(string quizId, DateTimeOffset? asOf, CancellationToken ct)
    {
        var contest = await grains.GetGrain<IContestGrain>(quizId).Get();
        if (QuizDecisions.OfContest(quizId, contest) is { } notAQuiz)
            return (notAQuiz, null);
        var quiz = grains.GetGrain<IQuizGrain>(quizId);
        var today = (await EligibleTreeAsync(contest!, directory, ct))
            .Select(n => new ParticipatingCommittee(n.Committee.Code, n.Committee.Name, n.Committee.ParentCode, n.Committee.MemberCount)).ToList();
        var then = asOf is { } moment ? await past.AsOfAsync<Quiz>(Quiz.StreamIdFor(quizId), null, moment, ct) : (PastState<Quiz>?)null;
        var state = then is { } known ? known.State ?? Quiz.None(quizId) : null;
        // People count where they registered: committees dissolved or moved since keep their lines.
        var recorded = state is null ? await quiz.RecordedCommittees(contest!.EligibleRoots) : QuizParticipation.RecordedCommittees(state, contest!.EligibleRoots);
        var gone = await directory.FindManyAsync(recorded.Select(r => r.Code).Except(today.Select(c => c.Code)), ct);
        var committees = QuizParticipation.Lines(today, recorded, gone.ToDictionary(g => g.Key, g => (g.Value.Name, g.Value.MemberCount)));
        return (null, state is null ? await quiz.Participation(committees) : new QuizParticipationView(then!.Value.Version, QuizParticipation.Of(state, committees)));
    }

    /// <summary>The contest's eligible committees (its organiser's subtree when it names none) and everything below them, each once, as organised today.</summary>
    public static async Task<IReadOnlyList<(Committee Committee, int Depth)>> EligibleTreeAsync(ContestView contest, CommitteeDirectory directory, CancellationToken ct)
    {
        var tree = new List<(Committee Committee, int Depth)>();
        foreach (var root in contest.EligibleRoots)
            tree.AddRange(await directory.SubtreeAsync(root, ct: ct));
        return tree.DistinctBy(n => n.Committee.Code).ToList();
    }
}
