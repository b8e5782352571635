namespace TuyenGiao.Quizzes;

[GenerateSerializer, Immutable]
public sealed record SetQuizRules([property: Id(0)] QuizRules Rules);

[GenerateSerializer, Immutable]
public sealed record LoadQuestionBank([property: Id(0)] IReadOnlyList<QuizQuestion> Questions);

/// <param name="KeyHash">SHA-256 of the key the endpoint generated for the person and will give them once.</param>
/// <param name="Consented">Whether the person ticked the consent; registration needs it.</param>
[GenerateSerializer, Immutable]
public sealed record RegisterParticipant(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] int BirthYear,
    [property: Id(3)] string CommitteeCode,
    [property: Id(4)] bool Consented,
    [property: Id(5)] string KeyHash);

/// <param name="Seed">Random, from the grain: the draw is a pure function of it.</param>
[GenerateSerializer, Immutable]
public sealed record StartAttempt([property: Id(0)] string AttemptId, [property: Id(1)] string Phone, [property: Id(2)] string KeyHash, [property: Id(3)] ulong Seed);

[GenerateSerializer, Immutable]
public sealed record SubmitAttempt(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string Phone,
    [property: Id(2)] string KeyHash,
    [property: Id(3)] IReadOnlyList<QuizAnswer> Answers,
    [property: Id(4)] long? Prediction);
