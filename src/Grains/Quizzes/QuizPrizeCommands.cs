namespace TuyenGiao.Quizzes;

[GenerateSerializer, Immutable]
public sealed record GrantRoundPrize([property: Id(0)] int Round, [property: Id(1)] string Tier, [property: Id(2)] string Phone, [property: Id(3)] string Reason);

[GenerateSerializer, Immutable]
public sealed record CorrectRoundPrize(
    [property: Id(0)] int Round, [property: Id(1)] string Tier, [property: Id(2)] string FromPhone, [property: Id(3)] string ToPhone, [property: Id(4)] string Reason);

/// <summary>A prize of a round as it stands.</summary>
/// <param name="Participant">The holder's participant id (<see cref="Quiz.ParticipantId"/>).</param>
[GenerateSerializer, Immutable]
public sealed record RoundPrize([property: Id(0)] int Round, [property: Id(1)] string Tier, [property: Id(2)] string Participant);
