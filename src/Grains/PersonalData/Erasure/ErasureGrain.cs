using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

namespace TuyenGiao.PersonalData;

/// <summary>
/// Thin: finds the person's pseudonym and what the store holds of theirs, lets <see cref="ErasureDecisions"/> decide,
/// records the event; recording it destroys the keys (<see cref="PersonalDataVault"/>), in the same transaction.
/// </summary>
public sealed class ErasureGrain(IEventJournal journal, IOptions<EventStoreOptions> options, PersonalDataVault vault, TimeProvider time,
    ILogger<ErasureGrain> logger)
    : EventSourcedGrain<Erasure>(journal, options.Value, time, logger), IErasureGrain
{
    private string RequestId => this.GetPrimaryKeyString();

    protected override string StreamId => Erasure.StreamIdFor(RequestId);

    protected override Erasure Initial => Erasure.NotRequested(RequestId);

    protected override Erasure Evolve(Erasure state, object @event) => ErasureDecisions.Evolve(state, @event);

    public async Task<CommandResult> Erase(ErasePerson command, CommandContext context)
    {
        var person = ErasureDecisions.Normalize(command);
        var personKey = person.Person.KeyOf(await vault.PseudonymsAsync());
        var held = await vault.HeldOfAsync(personKey);
        return await Execute((state, now) => ErasureDecisions.Erase(state, person, personKey, held, now), context);
    }

    public Task<Erasure> Get() => Task.FromResult(Stored);
}
