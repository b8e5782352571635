using System.Text.RegularExpressions;

namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>The runbook's commands point at files and subcommands that exist.</summary>
public partial class RunbookTests
{
    private readonly string _runbook = DeploymentFiles.Text("RUNBOOK.md");

    [Fact]
    public void Given_the_runbook_When_it_names_files_of_the_repository_Then_each_exists()
    {
        var paths = RepositoryPath().Matches(_runbook).Select(m => m.Value.TrimEnd('.', ',', ')')).Distinct().ToList();

        Assert.True(paths.Count >= 5, $"only {paths.Count} paths found");
        Assert.All(paths, p => Assert.True(File.Exists(Path.Combine(DeploymentFiles.Root, p)) || Directory.Exists(Path.Combine(DeploymentFiles.Root, p))
                                           || p.Contains("...", StringComparison.Ordinal), $"the runbook names {p}, which does not exist"));
    }

    [Fact]
    public void Given_the_runbook_When_it_runs_ops_cluster_sh_Then_each_subcommand_is_one_the_script_takes()
    {
        var script = File.ReadAllText(Path.Combine(DeploymentFiles.Root, "ops", "cluster.sh"));
        var verbs = ClusterCommand().Matches(_runbook).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("restart", verbs);
        Assert.All(verbs, v => Assert.Contains($"\n  {v})", script));
    }

    [GeneratedRegex(@"(?<![\w/])(?:ops|src|tests)/[\w./-]+")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"ops/cluster\.sh (\w+)")]
    private static partial Regex ClusterCommand();
}
