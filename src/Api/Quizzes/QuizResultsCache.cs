using System.Collections.Concurrent;
using TuyenGiao.PersonalData;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Api.Quizzes;

/// <summary>
/// A closed round's public results with their names opened, kept per round while neither the quiz (its stream's
/// version) nor any erasure (<see cref="PersonalDataVault.ErasuresAsync"/>) has moved: a national round ranks a million
/// people, and opening a million names (a key read and a cipher each) for every reader after the close would cost tens of
/// seconds each. Each read still asks the store how many erasures there were, so an erasure on any node shows at once.
/// </summary>
public sealed class QuizResultsCache(PersonalDataVault vault)
{
    private readonly ConcurrentDictionary<(string ContestId, int Round), Opened> _opened = new();

    private sealed record Opened(long Version, long Erasures, RoundResultsResponse Response);

    public async Task<RoundResultsResponse> OpenAsync(string contestId, RoundResults results, CancellationToken ct)
    {
        var erasures = await vault.ErasuresAsync(ct);
        if (_opened.TryGetValue((contestId, results.Round), out var kept) && kept.Version == results.Version && kept.Erasures == erasures)
            return kept.Response;
        // Public once the round has closed, like published prize holders: not an access to record.
        var opened = await vault.RevealAsync(results.People.Values.Select(p => p.Name).Concat(results.Prizes.Select(p => p.Person.Name)), ct);
        var response = RoundResultsResponse.From(results, opened);
        // Two readers opening at once keep either copy: both are the same results.
        _opened[(contestId, results.Round)] = new Opened(results.Version, erasures, response);
        return response;
    }
}
