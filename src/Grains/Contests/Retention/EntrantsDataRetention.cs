using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TuyenGiao.Common;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Contests;

/// <summary>One contest whose entrants' personal data the retention job erased.</summary>
/// <param name="DataKeys">The data keys destroyed: one per entry whose author's name was sealed.</param>
public sealed record RetentionErasure(string ContestId, DateTimeOffset PublishedAt, int RetentionMonths, DateTimeOffset ErasedAt, long DataKeys);

/// <summary>
/// The retention job: every <see cref="PersonalDataOptions.RetentionCheckEvery"/>, each contest whose retention has run
/// out (from the listing, without waking the others) is asked to erase its entrants' personal data; the contest decides
/// (<see cref="ContestDecisions.EraseEntrantsPersonalData"/>), so every node may run the job: the second asking does
/// nothing. Each erasure is logged with what it destroyed, and is an event in the contest's stream.
/// </summary>
public sealed class EntrantsDataRetention(IGrainFactory grains, ContestListings listings, PersonalDataVault vault, IOptions<PersonalDataOptions> options,
    ILogger<EntrantsDataRetention> logger) : BackgroundService
{
    /// <summary>The actor the job's erasures are recorded under.</summary>
    public const string Actor = "system/retention";

    public async Task<IReadOnlyList<RetentionErasure>> RunOnceAsync(CancellationToken ct = default)
    {
        var erased = new List<RetentionErasure>();
        foreach (var due in await listings.RetentionDueAsync(ct))
        {
            var keys = await vault.KeysOfStreamsAsync(Contest.EntrantDataStreamsOf(due.ContestId), ct);
            var contest = grains.GetGrain<IContestGrain>(due.ContestId);
            var result = await contest.EraseEntrantsPersonalData(new CommandContext(Actor, $"retention-{Guid.CreateVersion7():N}"));
            if (result.Rejection is { } refused)
            {
                logger.LogWarning("Retention of {Contest}: refused on {Field}: {Reason}", due.ContestId, refused.Field, refused.Reason);
                continue;
            }
            // The listing is written in the erasure's transaction: it says whether the contest erased or found it not due.
            if (await listings.FindAsync(due.ContestId, ct) is not { EntrantsPersonalDataErasedAt: { } at, PublishedAt: { } published } now)
                continue;
            var done = new RetentionErasure(due.ContestId, published, now.PersonalDataRetentionMonths ?? 0, at, keys);
            erased.Add(done);
            logger.LogInformation("Retention of {Contest}: {Keys} entrants' data keys destroyed, {Months} months after the results of {Published:O}",
                done.ContestId, done.DataKeys, done.RetentionMonths, done.PublishedAt);
        }
        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionCheckEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again: a contest not erased now is still due then.
                logger.LogError(ex, "The retention job failed; it runs again in {Every}", options.Value.RetentionCheckEvery);
            }
        }
    }
}
