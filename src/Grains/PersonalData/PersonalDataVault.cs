using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace TuyenGiao.PersonalData;

/// <summary>
/// Where personal data is sealed on its way into the store and opened on its way out. Every event that holds personal
/// texts (<see cref="IHoldsPersonalData"/>) gets a data key of its own, of that person, stored in
/// <c>personal.data_keys</c> wrapped by the master key, in the append's own transaction: an event is never stored
/// without its key, nor a key without its event. A key's id is made with it and ordered by time, so every append writes
/// at the end of the table's one index (src/Silo/Schema/personal-data.sql). An erasure deletes the keys
/// (<see cref="IErasesPersonalData"/>, in the erasure event's transaction); from then on the texts open to
/// <see cref="SealedText.Erased"/> wherever they are read.
/// Keys are never cached: an erasure on one node holds on every node at once.
/// </summary>
public sealed class PersonalDataVault(NpgsqlDataSource database, IOptions<PersonalDataOptions> options, ILogger<PersonalDataVault> logger)
{
    public const string Schema = "personal";

    private const string PseudonymSecret = "pseudonyms";

    private readonly MasterKeyRing _masterKeys = new(options.Value.MasterKey!, options.Value.RetiredMasterKeys);
    private readonly bool _sealing = WarnWhenPlain(!options.Value.StorePlainForBenchmark, logger);
    private readonly SemaphoreSlim _loadingSecret = new(1, 1);
    private byte[]? _pseudonymSecret;
    private PersonPseudonyms? _pseudonyms;

    /// <summary>The pseudonym secret's row in <c>personal.vault_secrets</c>, and the id its wrapping is bound to.</summary>
    private static readonly Guid PseudonymSecretId = Common.NameBasedId.For("tuyengiao/personal-data/pseudonym-secret");

    /// <summary>A key's event: keys of the layout before keys had ids of their own (personal-data.sql) have their event's id.</summary>
    private const string EventOfKey = "coalesce(k.event_id, k.key_id)";

    /// <summary>
    /// Deletes the data keys of some streams' events (the parameter, their ids), found through the events' own index. Rare
    /// (a contest's retention), so the key table keeps no index for it and is read whole: an index in every append would
    /// cost ingest for a yearly delete.
    /// </summary>
    private const string DeleteStreamKeysSql =
        $"DELETE FROM {Schema}.data_keys k USING {EventStore.MartenSetup.Schema}.mt_events e WHERE e.stream_id = ANY(?) AND e.id = {EventOfKey}";

    private static bool WarnWhenPlain(bool sealing, ILogger logger)
    {
        if (!sealing)
            logger.LogWarning("PersonalData:StorePlainForBenchmark is set: people's names are stored IN PLAIN on this node (for the benchmark only)");
        return sealing;
    }

    /// <summary>People's pseudonyms (an author, a quiz participant) as the rules count them, under the installation's secret.</summary>
    public async ValueTask<PersonPseudonyms> PseudonymsAsync(CancellationToken ct = default) =>
        _pseudonyms ??= new PersonPseudonyms(await PseudonymSecretAsync(ct));

    /// <summary>
    /// The installation's pseudonym secret: made by the first node that needs it (the insert of a fresh one does nothing
    /// when another node's is there), then read, unwrapped and kept for the life of the node (it never changes; a
    /// rotation of the master key only rewraps it). A failure to read it is not kept: the next caller tries again.
    /// </summary>
    private async ValueTask<byte[]> PseudonymSecretAsync(CancellationToken ct)
    {
        if (_pseudonymSecret is { } known)
            return known;
        await _loadingSecret.WaitAsync(ct);
        try
        {
            if (_pseudonymSecret is { } loaded)
                return loaded;
            await using (var create = database.CreateCommand(
                $"INSERT INTO {Schema}.vault_secrets (name, master_key, wrapped) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING"))
            {
                create.Parameters.Add(new NpgsqlParameter { Value = PseudonymSecret });
                create.Parameters.Add(new NpgsqlParameter { Value = _masterKeys.CurrentId });
                create.Parameters.Add(new NpgsqlParameter { Value = _masterKeys.Wrap(RandomNumberGenerator.GetBytes(PersonPseudonyms.SecretLength), PseudonymSecretId) });
                await create.ExecuteNonQueryAsync(ct);
            }
            await using var read = database.CreateCommand($"SELECT master_key, wrapped FROM {Schema}.vault_secrets WHERE name = $1");
            read.Parameters.Add(new NpgsqlParameter { Value = PseudonymSecret });
            await using var row = await read.ExecuteReaderAsync(ct);
            await row.ReadAsync(ct);
            return _pseudonymSecret = _masterKeys.Unwrap(row.GetString(0), row.GetFieldValue<byte[]>(1), PseudonymSecretId)
                ?? throw new InvalidOperationException($"The pseudonym secret in {Schema}.vault_secrets does not open with its master key: it was altered.");
        }
        finally
        {
            _loadingSecret.Release();
        }
    }

    /// <summary>What the store holds of a person now, stream by stream (a key names its event, which knows its stream).</summary>
    public async Task<IReadOnlyList<HeldData>> HeldOfAsync(long personKey, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand($"""
            SELECT e.stream_id, count(*) FROM {Schema}.data_keys k JOIN {EventStore.MartenSetup.Schema}.mt_events e ON e.id = {EventOfKey}
            WHERE k.person_key = $1 GROUP BY e.stream_id ORDER BY e.stream_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = personKey });
        var held = new List<HeldData>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            held.Add(new HeldData(reader.GetString(0), reader.GetInt64(1)));
        return held;
    }

    /// <summary>The events some keys seal, by the keys' ids: keys erased (or never made) are not in it.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> EventsOfKeysAsync(IReadOnlyCollection<Guid> keyIds, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand($"SELECT k.key_id, {EventOfKey} FROM {Schema}.data_keys k WHERE k.key_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keyIds.ToArray() });
        var events = new Dictionary<Guid, Guid>(keyIds.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            events[reader.GetGuid(0)] = reader.GetGuid(1);
        return events;
    }

    /// <summary>How many data keys some streams' events have.</summary>
    public async Task<long> KeysOfStreamsAsync(IReadOnlyList<string> streamIds, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand(
            $"SELECT count(*) FROM {Schema}.data_keys k JOIN {EventStore.MartenSetup.Schema}.mt_events e ON e.id = {EventOfKey} WHERE e.stream_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// How many erasures were ever recorded (bumped in each one's transaction): texts opened and kept (the quiz's results)
    /// stand while it does.
    /// </summary>
    public async Task<long> ErasuresAsync(CancellationToken ct = default)
    {
        await using var command = database.CreateCommand($"SELECT erasures FROM {Schema}.erasure_count");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Opens what can be opened of <paramref name="texts"/> (plain texts pass as they are): one read of the keys they
    /// name. A key that is gone (erased, or lost) opens to <see cref="SealedText.Erased"/>, never to an error.
    /// </summary>
    public async Task<Revealed> RevealAsync(IEnumerable<string?> texts, CancellationToken ct = default)
    {
        var wanted = new HashSet<DataKeyRef>();
        foreach (var text in texts)
        {
            if (SealedText.TryKey(text, out var key))
                wanted.Add(key);
        }
        var keys = new Dictionary<DataKeyRef, byte[]?>(wanted.Count);
        if (wanted.Count == 0)
            return new Revealed(keys);
        // By the primary key; a text opens only with the key of the person it names (a row of another person's is no key
        // of its: the dictionary below is by both).
        await using var command = database.CreateCommand($"SELECT person_key, key_id, master_key, wrapped FROM {Schema}.data_keys WHERE key_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = wanted.Select(k => k.Id).Distinct().ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = new DataKeyRef(reader.GetInt64(0), reader.GetGuid(1));
            var dataKey = _masterKeys.Unwrap(reader.GetString(2), reader.GetFieldValue<byte[]>(3), key.Id);
            if (dataKey is null)
                logger.LogWarning("The data key {KeyId} does not open with its master key: its texts are shown as erased", key.Id);
            keys[key] = dataKey;
        }
        return new Revealed(keys);
    }

    /// <summary>
    /// Moves every data key (and the pseudonym secret) wrapped by a retired master key to the current one, a page of keys
    /// at a time in key order. The events are not touched: their texts are sealed under the data keys, which stay.
    /// </summary>
    public async Task<RewrapReport> RewrapAsync(IProgress<RewrapReport>? progress = null, CancellationToken ct = default)
    {
        const int Page = 5_000;
        var report = new RewrapReport(0, 0, 0);
        await RewrapSecretAsync(ct);
        var after = Guid.Empty;
        while (true)
        {
            var rewrapped = new List<(Guid KeyId, byte[] Wrapped)>();
            var read = 0;
            await using (var page = database.CreateCommand(
                $"SELECT key_id, master_key, wrapped FROM {Schema}.data_keys WHERE key_id > $1 ORDER BY key_id LIMIT $2"))
            {
                page.Parameters.Add(new NpgsqlParameter { Value = after });
                page.Parameters.Add(new NpgsqlParameter { Value = Page });
                await using var reader = await page.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    after = reader.GetGuid(0);
                    if (reader.GetString(1) == _masterKeys.CurrentId)
                        continue;
                    if (_masterKeys.Unwrap(reader.GetString(1), reader.GetFieldValue<byte[]>(2), after) is { } key)
                        rewrapped.Add((after, _masterKeys.Wrap(key, after)));
                    else
                        report = report with { Unreadable = report.Unreadable + 1 };
                }
            }
            if (rewrapped.Count > 0)
            {
                await using var update = database.CreateCommand($"""
                    UPDATE {Schema}.data_keys d SET master_key = $1, wrapped = u.w
                    FROM unnest($2::uuid[], $3::bytea[]) AS u(k, w) WHERE d.key_id = u.k
                    """);
                update.Parameters.Add(new NpgsqlParameter { Value = _masterKeys.CurrentId });
                update.Parameters.Add(new NpgsqlParameter { Value = rewrapped.Select(r => r.KeyId).ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = rewrapped.Select(r => r.Wrapped).ToArray() });
                await update.ExecuteNonQueryAsync(ct);
            }
            report = report with { Examined = report.Examined + read, Rewrapped = report.Rewrapped + rewrapped.Count };
            progress?.Report(report);
            if (read < Page)
                return report;
        }
    }

    private async Task RewrapSecretAsync(CancellationToken ct)
    {
        var secret = await PseudonymSecretAsync(ct);
        await using var update = database.CreateCommand($"UPDATE {Schema}.vault_secrets SET master_key = $2, wrapped = $3 WHERE name = $1 AND master_key <> $2");
        update.Parameters.Add(new NpgsqlParameter { Value = PseudonymSecret });
        update.Parameters.Add(new NpgsqlParameter { Value = _masterKeys.CurrentId });
        update.Parameters.Add(new NpgsqlParameter { Value = _masterKeys.Wrap(secret, PseudonymSecretId) });
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The event with its personal texts sealed under a new data key (the key wrapped beside it, for
    /// <see cref="QueueKeyWrites"/>); any other event as it is. The key's id is a UUIDv7 at the event's recording, not the
    /// event's id: an entry's id is a hash of its submission id, and random ids spread every append's key over the whole
    /// index (in issue 24's benchmark the largest part of what sealing cost PostgreSQL).
    /// </summary>
    public EventStore.Recorded Seal(EventStore.Recorded recorded)
    {
        if (recorded.Data is not IHoldsPersonalData personal || !_sealing)
            return recorded;
        // One draw for the data key and its wrapping's nonce: each draw is a system call.
        Span<byte> drawn = stackalloc byte[SealedText.KeyLength + MasterKeyRing.NonceLength];
        RandomNumberGenerator.Fill(drawn);
        var dataKey = drawn[..SealedText.KeyLength];
        var key = new DataKeyRef(personal.PersonKey, Guid.CreateVersion7(recorded.RecordedAt));
        using var sealer = new TextSealer(key, dataKey);
        return recorded with
        {
            Data = personal.WithPersonalTexts(sealer.Seal),
            DataKey = new WrappedDataKey(key, recorded.EventId, _masterKeys.Wrap(dataKey, key.Id, drawn[SealedText.KeyLength..])),
        };
    }

    /// <summary>
    /// Queues in <paramref name="session"/> what the events of one transaction do to the key table: the deletes of the
    /// erasures among them (<see cref="IErasesPersonalData"/>), in their order, then one insert of every data key they were
    /// sealed under (all wrapped by this node's current master key).
    /// </summary>
    internal void QueueKeyWrites(IDocumentSession session, IEnumerable<EventStore.Recorded> events)
    {
        var keys = new List<WrappedDataKey>();
        foreach (var recorded in events)
        {
            if (recorded.Data is IErasesPersonalData erasure)
                QueueErasure(session, erasure);
            if (recorded.DataKey is { } key)
                keys.Add(key);
        }
        if (keys.Count == 0)
            return;
        session.QueueSqlCommand($"""
            INSERT INTO {Schema}.data_keys (key_id, person_key, event_id, master_key, wrapped)
            SELECT k, p, e, ?, w FROM unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::bytea[]) AS t(k, p, e, w)
            """,
            _masterKeys.CurrentId, keys.Select(k => k.Key.Id).ToArray(), keys.Select(k => k.Key.Person).ToArray(), keys.Select(k => k.EventId).ToArray(),
            keys.Select(k => k.Wrapped).ToArray());
    }

    private static void QueueErasure(IDocumentSession session, IErasesPersonalData erasure)
    {
        session.QueueSqlCommand($"UPDATE {Schema}.erasure_count SET erasures = erasures + 1");
        // The table has no index by person (an index in every append, for a rare request): the delete reads it whole.
        if (erasure.ErasesPerson is { } person)
            session.QueueSqlCommand($"DELETE FROM {Schema}.data_keys WHERE person_key = ?", person);
        if (erasure.ErasesStreams.Count > 0)
            session.QueueSqlCommand(DeleteStreamKeysSql, (object)erasure.ErasesStreams.ToArray()); // one parameter: the array
    }
}
