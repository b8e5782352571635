using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.Domain.Tests.Committees;

/// <summary>Given events, when a decision, then events or a rejection: the committee rules without I/O.</summary>
internal static class CommitteeSpec
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static Committee Given(string code, params object[] events) =>
        events.Aggregate(Committee.Unregistered(code), CommitteeEvolution.Evolve);

    public static Committee Registered(string code, CommitteeLevel level, string? parentCode = null, int members = 100) =>
        Given(code, new CommitteeRegistered(code, $"Ban {code}", level, parentCode, members));
}
