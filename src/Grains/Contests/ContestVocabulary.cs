namespace TuyenGiao.Contests;

/// <summary>Cuộc thi viết, cuộc thi trắc nghiệm, hội thi kể chuyện.</summary>
public enum ContestKind
{
    Writing,
    Quiz,
    Storytelling,
}

public enum ContestStatus
{
    /// <summary>No contest has this id.</summary>
    None,
    Announced,
    Cancelled,
}

public enum EntryStatus : byte
{
    Accepted,
    Withdrawn,
    Disqualified,
}

/// <summary>A prize tier and how many of it may be granted, e.g. first 1, second 2, third 3, consolation 6.</summary>
[GenerateSerializer, Immutable]
public sealed record PrizeTier([property: Id(0)] string Name, [property: Id(1)] int Count);
