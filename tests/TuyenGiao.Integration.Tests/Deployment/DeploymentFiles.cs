using System.Text.RegularExpressions;
using TuyenGiao.Integration.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>The files in ops/deploy, read the way Docker, Compose and Kubernetes would read them (YAML merge keys included).</summary>
public static partial class DeploymentFiles
{
    public static string Root => TestDatabase.RepositoryRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, "ops", "deploy", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>One YAML document (or each of several) as dictionaries and lists of strings.</summary>
    public static List<Yaml> YamlDocuments(params string[] parts)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new MergingParser(new Parser(new StringReader(Text(parts))));
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        var documents = new List<Yaml>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
            documents.Add(new Yaml(deserializer.Deserialize(parser), string.Join('/', parts)));
        return documents;
    }

    public static Yaml YamlDocument(params string[] parts) => Assert.Single(YamlDocuments(parts));

    /// <summary>The Dockerfile's instructions, continuation lines joined and comments dropped.</summary>
    public static List<(string Instruction, string Arguments)> DockerfileInstructions()
    {
        var joined = ContinuedLine().Replace(Text("Dockerfile"), " ");
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (l.Split(' ', 2)[0].ToUpperInvariant(), l.Split(' ', 2).ElementAtOrDefault(1)?.Trim() ?? ""))
            .ToList();
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();
}

/// <summary>A node of a parsed YAML document, with the path it was reached by for the failure messages.</summary>
public sealed class Yaml(object? node, string path)
{
    public object? Node { get; } = node;

    public string Path { get; } = path;

    public Yaml this[string key] =>
        Node is IDictionary<object, object> map && map.TryGetValue(key, out var child)
            ? new Yaml(child, $"{Path}.{key}")
            : throw new Xunit.Sdk.XunitException($"{Path} has no '{key}'");

    public Yaml this[int index] => new(Items[index].Node, $"{Path}[{index}]");

    public bool Has(string key) => Node is IDictionary<object, object> map && map.ContainsKey(key);

    public string String => Node as string ?? throw new Xunit.Sdk.XunitException($"{Path} is not a scalar");

    public int Int => int.Parse(String, System.Globalization.CultureInfo.InvariantCulture);

    public List<Yaml> Items => Node is IList<object> list
        ? list.Select((item, i) => new Yaml(item, $"{Path}[{i}]")).ToList()
        : throw new Xunit.Sdk.XunitException($"{Path} is not a list");

    public Dictionary<string, Yaml> Map => Node is IDictionary<object, object> map
        ? map.ToDictionary(e => (string)e.Key, e => new Yaml(e.Value, $"{Path}.{e.Key}"))
        : throw new Xunit.Sdk.XunitException($"{Path} is not a map");

    /// <summary>A map of strings (labels, a compose environment) as a plain dictionary.</summary>
    public Dictionary<string, string> Strings => Map.ToDictionary(e => e.Key, e => e.Value.String);
}
