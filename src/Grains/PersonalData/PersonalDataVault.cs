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
/// without its key, nor a key without its event. An erasure deletes the keys (<see cref="IErasesPersonalData"/>, in the
/// erasure event's transaction); from then on the texts open to <see cref="SealedText.Erased"/> wherever they are read.
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

    /// <summary>The pseudonym secret's row in <c>personal.vault_secrets</c>, and the id its wrapping is bound to.</summary>
    private static readonly Guid PseudonymSecretId = Common.NameBasedId.For("tuyengiao/personal-data/pseudonym-secret");

    public string CurrentMasterKeyId => _masterKeys.CurrentId;

    private static bool WarnWhenPlain(bool sealing, ILogger logger)
    {
        if (!sealing)
            logger.LogWarning("PersonalData:StorePlainForBenchmark is set: people's names are stored IN PLAIN on this node (for the benchmark only)");
        return sealing;
    }

    /// <summary>The pseudonym of an author (NFC name, committee code), as the contest rules count them.</summary>
    public async ValueTask<long> AuthorKeyAsync(string name, string committeeCode, CancellationToken ct = default) =>
        PersonPseudonym.OfAuthor(await PseudonymSecretAsync(ct), name, committeeCode);

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
                create.Parameters.Add(new NpgsqlParameter { Value = _masterKeys.Wrap(RandomNumberGenerator.GetBytes(PersonPseudonym.SecretLength), PseudonymSecretId) });
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

    /// <summary>
    /// Opens what can be opened of <paramref name="texts"/> (plain texts pass as they are): one read of the keys they
    /// name. A key that is gone (erased, or lost) opens to <see cref="SealedText.Erased"/>, never to an error.
    /// </summary>
    public async Task<Revealed> RevealAsync(IEnumerable<string?> texts, CancellationToken ct = default)
    {
        var ids = new HashSet<Guid>();
        foreach (var text in texts)
        {
            if (SealedText.TryKeyId(text, out var id))
                ids.Add(id);
        }
        var keys = new Dictionary<Guid, (long Person, byte[]? Key)>(ids.Count);
        if (ids.Count == 0)
            return new Revealed(keys);
        await using var command = database.CreateCommand($"SELECT key_id, person_key, master_key, wrapped FROM {Schema}.data_keys WHERE key_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var key = _masterKeys.Unwrap(reader.GetString(2), reader.GetFieldValue<byte[]>(3), id);
            if (key is null)
                logger.LogWarning("The data key {KeyId} does not open with its master key: its texts are shown as erased", id);
            keys[id] = (reader.GetInt64(1), key);
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
            var rewrapped = new List<(Guid Id, byte[] Wrapped)>();
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
                update.Parameters.Add(new NpgsqlParameter { Value = rewrapped.Select(r => r.Id).ToArray() });
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
    /// Begins sealing the events of one transaction: each event's data passes through <see cref="Sealing.Seal"/>, then
    /// <see cref="Sealing.Complete"/> queues, in <paramref name="session"/>, one insert of all the keys made.
    /// </summary>
    internal Sealing BeginSealing(IDocumentSession session) => new(this, session);

    internal sealed class Sealing(PersonalDataVault vault, IDocumentSession session)
    {
        private readonly List<(Guid KeyId, long Person, string Stream, byte[] Wrapped)> _keys = [];

        /// <summary>
        /// The data to store for this event: its personal texts sealed under a new data key whose id is the event's id.
        /// An erasure event's deletes are queued here, in the order of the events.
        /// </summary>
        public object Seal(string streamId, Guid eventId, object data)
        {
            if (data is IErasesPersonalData erasure)
                QueueErasure(session, erasure);
            if (data is not IHoldsPersonalData personal || !vault._sealing)
                return data;
            var dataKey = RandomNumberGenerator.GetBytes(SealedText.KeyLength);
            _keys.Add((eventId, personal.PersonKey, streamId, vault._masterKeys.Wrap(dataKey, eventId)));
            return personal.WithPersonalTexts(text => SealedText.Seal(text, eventId, dataKey));
        }

        public void Complete()
        {
            if (_keys.Count == 0)
                return;
            session.QueueSqlCommand($"""
                INSERT INTO {Schema}.data_keys (key_id, person_key, stream_id, master_key, wrapped)
                SELECT k, p, s, ?, w FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::bytea[]) AS t(k, p, s, w)
                """,
                vault._masterKeys.CurrentId, _keys.Select(k => k.KeyId).ToArray(), _keys.Select(k => k.Person).ToArray(),
                _keys.Select(k => k.Stream).ToArray(), _keys.Select(k => k.Wrapped).ToArray());
            _keys.Clear();
        }
    }

    private static void QueueErasure(IDocumentSession session, IErasesPersonalData erasure)
    {
        if (erasure.ErasesPerson is { } person)
            session.QueueSqlCommand($"DELETE FROM {Schema}.data_keys WHERE person_key = ?", person);
        if (erasure.ErasesStream is { } stream)
            session.QueueSqlCommand($"DELETE FROM {Schema}.data_keys WHERE stream_id = ?", stream);
    }
}
