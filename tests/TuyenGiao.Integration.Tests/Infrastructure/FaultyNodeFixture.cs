using Marten;
using Microsoft.Extensions.DependencyInjection;
using TuyenGiao.EventStore;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh database and one real node whose grains write through a <see cref="FaultInjectingJournal"/> in front of the
/// real Marten journal, with a short bound of tries so that giving up is seen within a test.
/// </summary>
public sealed class FaultyNodeFixture : IAsyncLifetime
{
    public const int MaxWriteAttempts = 5;

    public TestDatabase Database { get; private set; } = null!;

    public TuyenGiaoNode Node { get; private set; } = null!;

    public FaultInjectingJournal Journal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Node = await TuyenGiaoNode.StartAsync(Database.ConnectionString, $"faults-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?>
            {
                ["EventStore:MaxWriteAttempts"] = MaxWriteAttempts.ToString(),
                ["EventStore:FirstRetryDelay"] = "00:00:00.020",
                ["EventStore:MaxRetryDelay"] = "00:00:00.200",
                // Snapshots every few events, so that the model-based test activates from them often.
                ["EventStore:SnapshotEvery"] = "20",
                // The model-based test sends many entries as one user: the per-user limit is not what it tests.
                ["RateLimits:SubmissionsPerSecond"] = "100000",
                ["RateLimits:SubmissionBurst"] = "100000",
            },
            services: s => s.AddSingleton<IEventJournal>(sp => new FaultInjectingJournal(new MartenEventJournal(sp.GetRequiredService<IDocumentStore>(), sp.GetServices<IStreamReplay>()))));
        Journal = (FaultInjectingJournal)Node.Services.GetRequiredService<IEventJournal>();
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultyNodeCollection : ICollectionFixture<FaultyNodeFixture>
{
    public const string Name = "one node with injected faults";
}
