using System.Collections.Concurrent;
using System.Globalization;
using System.Net.ServerSentEvents;
using TuyenGiao.Api.Live;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Api.Quizzes;

/// <summary>
/// This Api node's live feeds of quizzes' participation, one per followed quiz. A participation's lines need the
/// committee directory, which only an Api node reads, so instead of a push from the grain each feed asks its quiz grain
/// for the stream's version every <see cref="Poll"/> (a cheap call) and counts the participation again only when it
/// moved: one count per change burst and node, however many follow. A feed nobody has followed for a while stops.
/// </summary>
public sealed class QuizLiveFeeds(IGrainFactory grains, QuizParticipationReader reader, ILogger<QuizLiveFeeds> logger) : IAsyncDisposable
{
    /// <summary>How often a followed quiz is asked whether it changed: a participant counted within a quarter of a second.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Lazy<Watch>> _feeds = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public async IAsyncEnumerable<SseItem<QuizParticipationView>> Follow(string quizId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        LiveFeed<QuizParticipationView> feed;
        while (true)
        {
            var lazy = _feeds.GetOrAdd(quizId, id => new Lazy<Watch>(() => Start(id)));
            if (lazy.Value.Feed.TryJoin())
            {
                feed = lazy.Value.Feed;
                break;
            }
            // Retired a moment ago: forget it (if its loop has not yet) and take a new one.
            _feeds.TryRemove(new KeyValuePair<string, Lazy<Watch>>(quizId, lazy));
        }
        try
        {
            await foreach (var participation in feed.Follow(ct))
                yield return new SseItem<QuizParticipationView>(participation, "participation")
                    { EventId = participation.Version.ToString(CultureInfo.InvariantCulture) };
        }
        finally
        {
            feed.Leave();
        }
    }

    private Watch Start(string quizId)
    {
        var feed = new LiveFeed<QuizParticipationView>(p => p.Version, Poll);
        return new Watch(feed, Task.Run(() => WatchAsync(quizId, feed, _stopping.Token)));
    }

    private async Task WatchAsync(string quizId, LiveFeed<QuizParticipationView> feed, CancellationToken ct)
    {
        var quiz = grains.GetGrain<IQuizGrain>(quizId);
        long? counted = null;
        using var timer = new PeriodicTimer(Poll);
        try
        {
            do
            {
                if (feed.TryRetire(IdleLifetime, DateTimeOffset.UtcNow))
                {
                    // Only this feed's entry: a follower may already have put a new one in its place.
                    if (_feeds.TryGetValue(quizId, out var current) && current.IsValueCreated && ReferenceEquals(current.Value.Feed, feed))
                        _feeds.TryRemove(new KeyValuePair<string, Lazy<Watch>>(quizId, current));
                    return;
                }
                try
                {
                    if (await quiz.StoredVersion() != counted && (await reader.ReadAsync(quizId, null, ct)).Participation is { } participation)
                    {
                        feed.Publish(participation);
                        counted = participation.Version;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again; a follower keeps the last participation meanwhile.
                    logger.LogWarning(ex, "Could not count the participation of quiz {QuizId} for its live feed; will retry", quizId);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_feeds.Values.Where(l => l.IsValueCreated).Select(l => l.Value.Loop));
        _stopping.Dispose();
    }

    private sealed record Watch(LiveFeed<QuizParticipationView> Feed, Task Loop);
}
