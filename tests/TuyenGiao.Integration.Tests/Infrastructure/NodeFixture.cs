namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>A fresh database and one running node, shared by the tests of a collection.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public TuyenGiaoNode Node { get; private set; } = null!;

    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}"[..16];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Node = await TuyenGiaoNode.StartAsync(Database.ConnectionString, ClusterId);
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
