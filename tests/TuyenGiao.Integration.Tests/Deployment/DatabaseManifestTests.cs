using Npgsql;

namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>
/// ops/deploy/k8s/database, parsed (no cluster here to apply them to): the CloudNativePG cluster the nodes stand on,
/// its synchronous replication, its backups, and the names that tie it to the nodes' Secret.
/// </summary>
public class DatabaseManifestTests
{
    private const string BackupPlugin = "barman-cloud.cloudnative-pg.io";

    private static readonly Yaml Cluster = Resource("Cluster");
    private static readonly Yaml ObjectStore = Resource("ObjectStore");
    private static readonly Yaml Backup = Resource("ScheduledBackup");

    [Fact]
    public void Given_the_database_kustomization_When_its_resources_are_read_Then_each_exists_and_no_Secret_is_among_them()
    {
        var resources = DeploymentFiles.YamlDocument("k8s", "database", "kustomization.yaml")["resources"].Items.Select(r => r.String).ToList();

        Assert.All(resources, r => Assert.True(File.Exists(DeploymentFiles.PathOf("k8s", "database", r)), $"{r} is listed but missing"));
        Assert.Equal(["Cluster", "ObjectStore", "ScheduledBackup"], resources.SelectMany(r => DeploymentFiles.YamlDocuments("k8s", "database", r)).Select(d => d["kind"].String).Order());
        Assert.DoesNotContain("secrets.example.yaml", resources);
    }

    [Fact]
    public void Given_the_database_cluster_When_its_replication_is_read_Then_a_commit_waits_for_a_standby_and_the_loss_of_one_standby_does_not_stop_writes()
    {
        var synchronous = Cluster["spec"]["postgresql"]["synchronous"];
        var instances = Cluster["spec"]["instances"].Int;
        var quorum = synchronous["number"].Int;

        Assert.Equal("any", synchronous["method"].String);
        Assert.True(quorum >= 1, "a commit would be acknowledged by the primary alone");
        Assert.Equal("required", synchronous["dataDurability"].String);
        // The primary, the standbys a commit waits for, and one more that may be lost meanwhile.
        Assert.True(instances >= quorum + 2, $"{instances} instances: losing one standby would stop every write");
        var affinity = Cluster["spec"]["affinity"];
        Assert.Equal("true", affinity["enablePodAntiAffinity"].String);
        Assert.Equal("required", affinity["podAntiAffinityType"].String);
        Assert.Equal("kubernetes.io/hostname", affinity["topologyKey"].String);
    }

    [Fact]
    public void Given_the_backups_When_their_names_are_followed_Then_the_cluster_archives_its_WAL_where_the_nightly_backup_of_that_cluster_goes()
    {
        var plugin = Assert.Single(Cluster["spec"]["plugins"].Items);
        var credentials = ObjectStore["spec"]["configuration"]["s3Credentials"];
        var secrets = DeploymentFiles.YamlDocuments("k8s", "database", "secrets.example.yaml").ToDictionary(s => s["metadata"]["name"].String);

        Assert.Equal(BackupPlugin, plugin["name"].String);
        Assert.Equal("true", plugin["isWALArchiver"].String);
        Assert.Equal(ObjectStore["metadata"]["name"].String, plugin["parameters"]["barmanObjectName"].String);
        Assert.Equal(Cluster["metadata"]["name"].String, Backup["spec"]["cluster"]["name"].String);
        Assert.Equal("plugin", Backup["spec"]["method"].String);
        Assert.Equal(BackupPlugin, Backup["spec"]["pluginConfiguration"]["name"].String);
        // The operator's schedules have six fields, seconds first: five would run at the wrong time.
        Assert.Equal(6, Backup["spec"]["schedule"].String.Split(' ').Length);
        Assert.Matches(@"^\d+d$", ObjectStore["spec"]["retentionPolicy"].String);
        foreach (var key in new[] { "accessKeyId", "secretAccessKey" })
            Assert.Contains(credentials[key]["key"].String, secrets[credentials[key]["name"].String]["stringData"].Map.Keys);
    }

    [Fact]
    public void Given_the_nodes_Secret_When_its_connection_strings_are_parsed_Then_writes_reach_the_clusters_primary_and_lagging_reads_a_standby_first()
    {
        var secret = DeploymentFiles.YamlDocument("k8s", "secret.example.yaml")["stringData"];
        var connection = new NpgsqlConnectionStringBuilder(secret["postgres-connection"].String);
        var reads = new NpgsqlConnectionStringBuilder(secret["postgres-reads"].String);
        var initdb = Cluster["spec"]["bootstrap"]["initdb"];
        var owner = DeploymentFiles.YamlDocuments("k8s", "database", "secrets.example.yaml").Single(s => s["metadata"]["name"].String == initdb["secret"]["name"].String);

        // The -rw Service follows the primary through every failover and switchover.
        Assert.Equal($"{Cluster["metadata"]["name"].String}-rw", connection.Host);
        Assert.Equal(initdb["database"].String, connection.Database);
        Assert.Equal(initdb["owner"].String, connection.Username);
        Assert.Equal(initdb["owner"].String, owner["stringData"]["username"].String);
        Assert.Equal("kubernetes.io/basic-auth", owner["type"].String);
        // The replicas' Service first, the primary's when no replica is there: never a read refused for want of a standby.
        Assert.Equal($"{Cluster["metadata"]["name"].String}-ro,{connection.Host}", reads.Host);
        Assert.Equal("prefer-standby", reads.TargetSessionAttributes);
        Assert.Equal((connection.Database, connection.Username), (reads.Database, reads.Username));
    }

    private static Yaml Resource(string kind) =>
        DeploymentFiles.YamlDocument("k8s", "database", "kustomization.yaml")["resources"].Items
            .SelectMany(r => DeploymentFiles.YamlDocuments("k8s", "database", r.String))
            .Single(d => d["kind"].String == kind);
}
