using Marten;

namespace TuyenGiao.Contests;

/// <summary>The texts of entries, read from their EntrySubmitted events (the grain keeps only what the rules need).</summary>
public sealed class ContestEntries(IDocumentStore store)
{
    public async Task<IReadOnlyList<EntrySubmitted>> FindAsync(string contestId, IReadOnlyList<int> entryNumbers, CancellationToken ct = default)
    {
        if (entryNumbers.Count == 0)
            return [];
        var numbers = entryNumbers.ToArray();
        await using var session = store.QuerySession();
        var entries = await session.Events.QueryRawEventDataOnly<EntrySubmitted>()
            .Where(e => e.ContestId == contestId && numbers.Contains(e.EntryNumber))
            .ToListAsync(ct);
        return entries.OrderBy(e => e.EntryNumber).ToList();
    }

    /// <summary>The entry recorded under a submission id, or null. A query over the event data: fine for a withdrawal now and then.</summary>
    public async Task<EntrySubmitted?> FindBySubmissionAsync(string contestId, string submissionId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryRawEventDataOnly<EntrySubmitted>()
            .Where(e => e.ContestId == contestId && e.SubmissionId == submissionId)
            .FirstOrDefaultAsync(ct);
    }
}
