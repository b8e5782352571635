using System.Runtime.CompilerServices;
using System.Text.Json;
using TuyenGiao.Api.Http;
using TuyenGiao.Auditing;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Api.PersonalData;

/// <summary>
/// Every read that shows personal texts goes through here: the sealed texts of the answer are opened in one read of
/// their keys (an erased one shows as <see cref="SealedText.Erased"/>), and when they open for a signed-in caller
/// (an organiser, an officer, an auditor, an admin), the access log records who read whose, through what, before the
/// answer leaves. The public reading published results is not logged: publication made those names public.
/// </summary>
public sealed class PersonalDataReads(PersonalDataVault vault, PersonalDataAccessLog log)
{
    /// <summary>Events exported are opened this many at a time: one read of keys per chunk, one access-log row per chunk.</summary>
    public const int ExportChunk = 500;

    public Task<Revealed> RevealAsync(IEnumerable<string?> texts, CancellationToken ct) => vault.RevealAsync(texts, ct);

    /// <summary>Records that this caller read the people <paramref name="revealed"/> opened (nothing when none, or when the caller is not signed in).</summary>
    public Task RecordAsync(HttpContext http, Revealed revealed, string what, CancellationToken ct)
    {
        if (revealed.People.Count == 0 || http.User.Identity?.IsAuthenticated != true)
            return Task.CompletedTask;
        var context = http.CommandContext();
        return log.RecordAsync(context.Actor, context.CorrelationId, what, revealed.People, ct);
    }

    /// <summary>A page of the event log with its personal texts opened, and the read recorded.</summary>
    public async Task<EventPage> OpenAsync(EventPage page, HttpContext http, string what, CancellationToken ct)
    {
        var raw = page.Events.Select(e => e.Data.GetRawText()).ToList();
        var revealed = await vault.RevealAsync(raw.SelectMany(Revealed.SealedIn), ct);
        // Only an event whose JSON changed is parsed again (most events of most streams hold no personal text).
        var events = page.Events.Select((e, i) => revealed.Json(raw[i]) is var opened && !ReferenceEquals(opened, raw[i]) ? e with { Data = Parse(opened) } : e)
            .ToList();
        await RecordAsync(http, revealed, what, ct);
        return page with { Events = events };
    }

    /// <summary>Exported events with their personal texts opened, a chunk at a time, each chunk's read recorded before it is written.</summary>
    public async IAsyncEnumerable<ExportedEvent> OpenAsync(IAsyncEnumerable<ExportedEvent> events, HttpContext http, string what,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var chunk = new List<ExportedEvent>(ExportChunk);
        await foreach (var e in events.WithCancellation(ct))
        {
            chunk.Add(e);
            if (chunk.Count < ExportChunk)
                continue;
            foreach (var opened in await OpenChunkAsync(chunk, http, what, ct))
                yield return opened;
            chunk.Clear();
        }
        foreach (var opened in await OpenChunkAsync(chunk, http, what, ct))
            yield return opened;
    }

    private async Task<IReadOnlyList<ExportedEvent>> OpenChunkAsync(List<ExportedEvent> chunk, HttpContext http, string what, CancellationToken ct)
    {
        var revealed = await vault.RevealAsync(chunk.SelectMany(e => Revealed.SealedIn(e.DataJson)), ct);
        var opened = chunk.Select(e => e with { DataJson = revealed.Json(e.DataJson) }).ToList();
        await RecordAsync(http, revealed, what, ct);
        return opened;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
