using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace TuyenGiao.Quizzes;

/// <summary>What the quiz feature needs from Marten: its events, and the quiz folded live with the grain's own Evolve.</summary>
public static class QuizStorage
{
    public static readonly Type[] EventTypes =
        [typeof(QuizRulesSet), typeof(QuestionBankLoaded), typeof(ParticipantRegistered), typeof(ParticipantRegisteredV2), typeof(ParticipantKeyReissued),
        typeof(AttemptStarted), typeof(AttemptSubmitted), typeof(RoundPrizeGranted), typeof(RoundResultsPublished), typeof(RoundPrizeCorrected)];

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add(new QuizAggregation(), ProjectionLifecycle.Live);
        foreach (var type in EventTypes)
            options.Events.AddEventType(type);
    }

    private sealed class QuizAggregation : SingleStreamProjection<Quiz, string>
    {
        public override (Quiz?, ActionType) DetermineAction(Quiz? snapshot, string id, IReadOnlyList<IEvent> events) =>
            (events.Select(e => e.Data).Aggregate(snapshot ?? Quiz.None(id[(id.IndexOf('/') + 1)..]), QuizEvolution.Evolve), ActionType.Store);
    }
}
