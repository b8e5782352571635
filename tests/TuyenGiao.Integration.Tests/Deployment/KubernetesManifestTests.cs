using TuyenGiao.Api.Http;
using System.Net;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>
/// ops/deploy/k8s, parsed (no cluster here to apply them to): the kustomization's resources, selectors that match,
/// probes and ports that exist, and secrets that come from the Secret, never from the manifests.
/// </summary>
[Collection(NodeCollection.Name)]
public class KubernetesManifestTests(NodeFixture fixture)
{
    private static readonly Yaml Deployment = Resource("Deployment");
    private static readonly Yaml Pod = Deployment["spec"]["template"];
    private static readonly Yaml Container = Assert.Single(Pod["spec"]["containers"].Items);

    [Fact]
    public void Given_the_kustomization_When_its_resources_are_read_Then_each_exists_and_the_example_Secret_is_not_among_them()
    {
        var resources = DeploymentFiles.YamlDocument("k8s", "kustomization.yaml")["resources"].Items.Select(r => r.String).ToList();

        Assert.All(resources, r => Assert.True(File.Exists(DeploymentFiles.PathOf("k8s", r)), $"{r} is listed but missing"));
        Assert.Equal(["Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service"], resources.SelectMany(r => DeploymentFiles.YamlDocuments("k8s", r)).Select(d => d["kind"].String).Order());
        Assert.DoesNotContain("secret.example.yaml", resources);
    }

    [Fact]
    public void Given_the_network_policy_When_read_Then_only_members_of_the_cluster_reach_the_silo_and_gateway_ports_and_HTTP_stays_open()
    {
        var policy = Resource("NetworkPolicy")["spec"];
        var members = policy["podSelector"]["matchLabels"].Strings;
        var replayPod = DeploymentFiles.YamlDocument("k8s", "replay-job.yaml")["spec"]["template"]["metadata"]["labels"].Strings;
        Assert.Subset(Pod["metadata"]["labels"].Strings.ToHashSet(), members.ToHashSet());
        Assert.Subset(replayPod.ToHashSet(), members.ToHashSet());
        Assert.Equal(["Ingress"], policy["policyTypes"].Items.Select(t => t.String));

        var rules = policy["ingress"].Items;
        var open = rules.Where(r => !r.Has("from")).SelectMany(r => r["ports"].Items.Select(p => p["port"].Int)).ToList();
        Assert.Equal([8080], open);
        var clusterOnly = Assert.Single(rules, r => r.Has("from"));
        Assert.Equal(members, Assert.Single(clusterOnly["from"].Items)["podSelector"]["matchLabels"].Strings);
        Assert.Equal([11111, 30000], clusterOnly["ports"].Items.Select(p => p["port"].Int).Order());
    }

    [Fact]
    public void Given_the_Deployment_Service_and_budget_When_their_selectors_are_compared_Then_each_selects_the_Deployments_pods()
    {
        var podLabels = Pod["metadata"]["labels"].Strings;

        Assert.Subset(podLabels.ToHashSet(), Deployment["spec"]["selector"]["matchLabels"].Strings.ToHashSet());
        Assert.Subset(podLabels.ToHashSet(), Resource("Service")["spec"]["selector"].Strings.ToHashSet());
        Assert.Subset(podLabels.ToHashSet(), Resource("PodDisruptionBudget")["spec"]["selector"]["matchLabels"].Strings.ToHashSet());
        Assert.True(Resource("PodDisruptionBudget")["spec"]["minAvailable"].Int < Deployment["spec"]["replicas"].Int, "the budget would block every drain");
    }

    [Fact]
    public void Given_the_probes_and_the_Service_When_their_ports_are_resolved_Then_each_names_a_container_port_and_readiness_is_health_ready()
    {
        var ports = Container["ports"].Items.ToDictionary(p => p["name"].String, p => p["containerPort"].Int);

        Assert.Equal("/health/ready", Container["readinessProbe"]["httpGet"]["path"].String);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
            Assert.Contains(Container[probe]["httpGet"]["port"].String, ports.Keys);
        Assert.Contains(Resource("Service")["spec"]["ports"][0]["targetPort"].String, ports.Keys);
        Assert.Equal(ports["http"].ToString(), Pod["metadata"]["annotations"].Strings["prometheus.io/port"]);
        Assert.Equal(8080, ports["http"]);
        Assert.Equal(11111, ports["silo"]);
        Assert.Equal(30000, ports["gateway"]);
    }

    [Fact]
    public void Given_the_node_environment_When_it_is_read_Then_the_connection_string_and_key_come_from_the_Secret_and_the_address_from_the_pod()
    {
        var secret = DeploymentFiles.YamlDocument("k8s", "secret.example.yaml");
        var environment = Container["env"].Items.ToDictionary(e => e["name"].String);

        foreach (var name in new[] { "TUYENGIAO_PG", "TUYENGIAO_PG_READS", "Auth__SigningKey", "PersonalData__MasterKey" })
        {
            Assert.False(environment[name].Has("value"), $"{name} is written in the manifest");
            var reference = environment[name]["valueFrom"]["secretKeyRef"];
            Assert.Equal(secret["metadata"]["name"].String, reference["name"].String);
            Assert.Contains(reference["key"].String, secret["stringData"].Map.Keys);
        }
        Assert.Equal("status.podIP", environment["Orleans__AdvertisedAddress"]["valueFrom"]["fieldRef"]["fieldPath"].String);
        Assert.All(environment.Keys, name => Assert.True(SettingNames.IsKnown(name), $"{name} is not a setting the system reads"));
        Assert.True(Pod["spec"]["terminationGracePeriodSeconds"].Int > int.Parse(environment["DOTNET_SHUTDOWNTIMEOUTSECONDS"]["value"].String),
            "Kubernetes would kill a node before its host's own shutdown timeout");
    }

    [Fact]
    public void Given_the_node_environment_When_its_trusted_proxies_are_read_Then_they_are_networks_the_node_accepts_and_not_the_whole_internet()
    {
        var environment = Container["env"].Items.ToDictionary(e => e["name"].String);

        var networks = TrustedProxies.Parse(environment["Http__TrustedProxies"]["value"].String);

        Assert.NotEmpty(networks);
        Assert.All(networks, n => Assert.True(n.PrefixLength >= 8, $"{n} would let most of the internet choose its own address"));
    }

    [Fact]
    public void Given_the_replay_job_When_it_is_read_Then_it_runs_the_silos_replay_where_the_image_publishes_the_silo()
    {
        var job = DeploymentFiles.YamlDocument("k8s", "replay-job.yaml");
        var container = Assert.Single(job["spec"]["template"]["spec"]["containers"].Items);

        Assert.Equal("Job", job["kind"].String);
        Assert.Equal(["dotnet", "TuyenGiao.Silo.dll", "replay"], container["command"].Items.Select(c => c.String));
        Assert.Contains("-o /app/silo", DeploymentFiles.Text("Dockerfile"));
        Assert.Equal("/app/silo", container["workingDir"].String);
        Assert.Equal("status.podIP", container["env"].Items.Single(e => e["name"].String == "Orleans__AdvertisedAddress")["valueFrom"]["fieldRef"]["fieldPath"].String);
    }

    [Fact]
    public async Task Given_the_paths_the_manifests_probe_and_scrape_When_a_real_node_is_asked_anonymously_Then_each_answers_200()
    {
        var paths = new[] { "readinessProbe", "livenessProbe", "startupProbe" }
            .Select(p => Container[p]["httpGet"]["path"].String)
            .Append(Pod["metadata"]["annotations"].Strings["prometheus.io/path"])
            .Distinct().ToList();
        using var anonymous = fixture.Node.Anonymous();

        foreach (var path in paths)
            Assert.True((await anonymous.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"{path} does not answer 200 to an anonymous probe");
    }

    private static Yaml Resource(string kind) =>
        DeploymentFiles.YamlDocuments("k8s", "kustomization.yaml")
            .SelectMany(k => k["resources"].Items)
            .SelectMany(r => DeploymentFiles.YamlDocuments("k8s", r.String))
            .Single(d => d["kind"].String == kind);
}
