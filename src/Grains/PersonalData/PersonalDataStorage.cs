using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace TuyenGiao.PersonalData;

/// <summary>What personal data needs from Marten: the erasure events and each request's document, kept inline.</summary>
public static class PersonalDataStorage
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<ErasureProjection>(ProjectionLifecycle.Inline);
        options.Events.AddEventType(typeof(PersonErased));
    }

    /// <summary>Each erasure request's document, with the grain's own fold; erasure streams only.</summary>
    public sealed class ErasureProjection : SingleStreamProjection<Erasure, string>
    {
        public ErasureProjection() => IncludeType<PersonErased>();

        public override Erasure Evolve(Erasure? snapshot, string id, IEvent e) =>
            ErasureDecisions.Evolve(snapshot ?? Erasure.NotRequested(id[(id.IndexOf('/') + 1)..]), e.Data);
    }
}
