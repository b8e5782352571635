namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>
/// ops/deploy/Dockerfile, checked without a container engine (none runs here): what it copies exists and is not
/// ignored, it builds every project, runs unprivileged, and exposes the ports the nodes listen on.
/// </summary>
public class DockerfileTests
{
    private readonly List<(string Instruction, string Arguments)> _instructions = DeploymentFiles.DockerfileInstructions();

    [Fact]
    public void Given_the_Dockerfile_When_its_stages_are_read_Then_it_builds_with_the_NET_10_SDK_and_runs_on_the_ASP_NET_10_runtime()
    {
        var stages = _instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(2, stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0 AS build", stages[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[1]);
    }

    [Fact]
    public void Given_the_build_context_is_the_repository_When_each_COPY_is_resolved_Then_its_sources_exist_and_are_not_ignored()
    {
        var ignored = File.ReadAllLines(Path.Combine(DeploymentFiles.Root, ".dockerignore"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Replace("**/", "").TrimEnd('/')).ToList();
        var sources = _instructions.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var path = Path.Combine(DeploymentFiles.Root, source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {source}: no such file in the repository");
            Assert.DoesNotContain(source.TrimEnd('/').Split('/')[0], ignored);
        }
        // Secrets and local state never enter the build context.
        Assert.Contains(".secrets", ignored);
        Assert.Contains(".pgdata", ignored);
    }

    [Fact]
    public void Given_the_projects_in_src_When_the_restore_layer_copies_project_files_Then_it_copies_every_one_of_them()
    {
        var copied = _instructions.Where(i => i.Instruction == "COPY")
            .SelectMany(i => i.Arguments.Split(' ')).Where(a => a.EndsWith(".csproj", StringComparison.Ordinal)).ToHashSet();
        var projects = Directory.GetFiles(Path.Combine(DeploymentFiles.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(DeploymentFiles.Root, p).Replace('\\', '/')).ToHashSet();

        Assert.Equal(projects, copied);
        var publish = _instructions.Single(i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        Assert.Contains("src/Api/TuyenGiao.Api.csproj -c Release --no-restore -o /app/api", publish);
        Assert.Contains("src/Silo/TuyenGiao.Silo.csproj -c Release --no-restore -o /app/silo", publish);
    }

    [Fact]
    public void Given_the_runtime_stage_When_it_is_read_Then_it_runs_the_Api_unprivileged_and_exposes_HTTP_silo_and_gateway_ports()
    {
        var runtime = _instructions.SkipWhile(i => !(i.Instruction == "FROM" && i.Arguments.Contains("aspnet", StringComparison.Ordinal))).ToList();
        var environment = runtime.Where(i => i.Instruction == "ENV")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var exposed = runtime.Where(i => i.Instruction == "EXPOSE").SelectMany(i => i.Arguments.Split(' ')).ToHashSet();

        var user = runtime.Last(i => i.Instruction == "USER").Arguments;
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.Equal("/app/api", runtime.Last(i => i.Instruction == "WORKDIR").Arguments);
        Assert.Equal("""["dotnet", "TuyenGiao.Api.dll"]""", runtime.Single(i => i.Instruction == "CMD").Arguments);
        Assert.Equal(new HashSet<string> { environment["ASPNETCORE_HTTP_PORTS"], environment["Orleans__SiloPort"], environment["Orleans__GatewayPort"] }, exposed);
        Assert.All(environment.Keys, name => Assert.True(SettingNames.IsKnown(name), $"ENV {name} is not a setting the system reads"));
    }
}
