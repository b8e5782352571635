using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

namespace TuyenGiao.PersonalData;

/// <summary>
/// Thin: finds the person's pseudonym and what the store holds of theirs, lets <see cref="ErasureDecisions"/> decide,
/// records the event; recording it destroys the keys (<see cref="PersonalDataVault"/>), in the same transaction.
/// </summary>
public sealed class ErasureGrain(IEventJournal journal, IOptions<EventStoreOptions> options, PersonalDataVault vault, NpgsqlDataSource database,
    TimeProvider time, ILogger<ErasureGrain> logger)
    : EventSourcedGrain<Erasure>(journal, options.Value, time, logger), IErasureGrain
{
    private string RequestId => this.GetPrimaryKeyString();

    protected override string StreamId => Erasure.StreamIdFor(RequestId);

    protected override Erasure Initial => Erasure.NotRequested(RequestId);

    protected override Erasure Evolve(Erasure state, object @event) => ErasureDecisions.Evolve(state, @event);

    public async Task<CommandResult> Erase(ErasePerson command, CommandContext context)
    {
        var person = ErasureDecisions.Normalize(command);
        var personKey = await vault.AuthorKeyAsync(person.AuthorName, person.CommitteeCode);
        var held = await HeldAsync(personKey);
        return await Execute((state, now) => ErasureDecisions.Erase(state, person, personKey, held, now), context);
    }

    public Task<Erasure> Get() => Task.FromResult(Stored);

    private async Task<IReadOnlyList<HeldData>> HeldAsync(long personKey)
    {
        await using var command = database.CreateCommand(
            $"""
             SELECT e.stream_id, count(*) FROM {PersonalDataVault.Schema}.data_keys k JOIN {MartenSetup.Schema}.mt_events e ON e.id = k.key_id
             WHERE k.person_key = $1 GROUP BY e.stream_id ORDER BY e.stream_id
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = personKey });
        var held = new List<HeldData>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            held.Add(new HeldData(reader.GetString(0), reader.GetInt64(1)));
        return held;
    }
}
