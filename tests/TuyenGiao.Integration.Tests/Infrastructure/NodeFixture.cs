using Microsoft.Extensions.DependencyInjection;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>A fresh database and one running node, shared by the tests of a collection.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public TuyenGiaoNode Node { get; private set; } = null!;

    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}"[..16];

    /// <summary>What the node's watched grains have taken in, for tests that wait on commands queued in an activation.</summary>
    public CallsTakenIn Calls { get; } = new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Node = await TuyenGiaoNode.StartAsync(Database.ConnectionString, ClusterId,
            services: s => s.AddSingleton<IIncomingGrainCallFilter>(Calls));
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "one node";
}
