using System.Text.RegularExpressions;

namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>
/// ops/deploy/compose.yaml, parsed as Compose would (merge keys resolved): PostgreSQL and three nodes that can find
/// it and each other, with no secret written in the file.
/// </summary>
public partial class ComposeFileTests
{
    private readonly Yaml _compose = DeploymentFiles.YamlDocument("compose.yaml");

    private Dictionary<string, Yaml> Nodes => _compose["services"].Map
        .Where(s => s.Value.Has("build"))
        .ToDictionary(s => s.Key, s => s.Value);

    [Fact]
    public void Given_the_compose_file_When_its_services_are_read_Then_three_nodes_are_built_from_the_Dockerfile_with_the_repository_as_context()
    {
        Assert.Equal(3, Nodes.Count);
        foreach (var (name, node) in Nodes)
        {
            var context = Path.GetFullPath(Path.Combine(DeploymentFiles.PathOf(), node["build"]["context"].String));
            Assert.Equal(Path.GetFullPath(DeploymentFiles.Root).TrimEnd('/'), context.TrimEnd('/'));
            Assert.True(File.Exists(Path.Combine(context, node["build"]["dockerfile"].String)), $"{name}: no Dockerfile at its build path");
        }
    }

    [Fact]
    public void Given_the_compose_file_When_its_ports_and_networks_are_read_Then_only_HTTP_is_published_and_PostgreSQL_is_on_an_internal_network()
    {
        foreach (var (name, node) in Nodes)
        {
            var published = node["ports"].Items.Select(p => p.String.Split(':')[^1]).ToList();
            Assert.True(published.SequenceEqual(["8080"]), $"{name} publishes {string.Join(", ", published)}: only the Api's HTTP port may leave the cluster");
        }
        var postgres = _compose["services"]["postgres"];
        Assert.False(postgres.Has("ports"), "PostgreSQL must not be published");
        var network = Assert.Single(postgres["networks"].Items).String;
        Assert.Equal("true", _compose["networks"][network]["internal"].String);
    }

    [Fact]
    public void Given_the_nodes_When_their_settings_are_read_Then_each_reaches_the_compose_PostgreSQL_joins_one_cluster_and_advertises_its_own_name()
    {
        var postgres = _compose["services"]["postgres"];
        var database = postgres["environment"].Strings;
        Assert.True(postgres.Has("healthcheck"), "the nodes wait for PostgreSQL's health check, so it needs one");

        foreach (var (name, node) in Nodes)
        {
            var environment = node["environment"].Strings;
            var connection = environment["TUYENGIAO_PG"].Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal("postgres", connection["Host"]);
            Assert.Equal(database["POSTGRES_DB"], connection["Database"]);
            Assert.Equal(database["POSTGRES_USER"], connection["Username"]);
            Assert.Equal(database["POSTGRES_PASSWORD"], connection["Password"]);
            Assert.Equal(name, environment["Orleans__AdvertisedAddress"]);
            Assert.Equal("service_healthy", node["depends_on"]["postgres"]["condition"].String);
            Assert.All(environment.Keys, key => Assert.True(SettingNames.IsKnown(key), $"{name}: {key} is not a setting the system reads"));
        }
        Assert.Single(Nodes.Values.Select(n => n["environment"].Strings["Orleans__ClusterId"]).Distinct());
    }

    [Fact]
    public void Given_the_secrets_When_the_file_is_read_Then_each_comes_from_a_required_variable_and_none_is_written_in_it()
    {
        var secrets = Nodes.Values.SelectMany(n => new[] { n["environment"].Strings["Auth__SigningKey"], n["environment"].Strings["PersonalData__MasterKey"] })
            .Append(_compose["services"]["postgres"]["environment"].Strings["POSTGRES_PASSWORD"]);

        // ${NAME:?message}: Compose refuses to start when NAME is unset, rather than run with an empty or default secret.
        Assert.All(secrets, value => Assert.Matches(RequiredVariable(), value));
    }

    [Fact]
    public void Given_the_nodes_When_their_ports_are_read_Then_each_publishes_the_Api_port_of_the_image_on_its_own_host_port()
    {
        var imagePort = DeploymentFiles.DockerfileInstructions().Where(i => i.Instruction == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(a => a.StartsWith("ASPNETCORE_HTTP_PORTS=", StringComparison.Ordinal)).Split('=')[1];
        var published = Nodes.Values.Select(n => Assert.Single(n["ports"].Items).String.Split(':')).ToList();

        Assert.All(published, p => Assert.Equal(imagePort, p[1]));
        Assert.Equal(published.Count, published.Select(p => p[0]).Distinct().Count());
    }

    [GeneratedRegex(@"^\$\{[A-Z_]+:\?[^}]+\}$")]
    private static partial Regex RequiredVariable();
}
