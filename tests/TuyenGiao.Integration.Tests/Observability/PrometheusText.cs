using System.Globalization;

namespace TuyenGiao.Integration.Tests.Observability;

/// <summary>A scrape in Prometheus' text format, read as samples: a metric name, its labels and a value.</summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
                continue;
            // name{label="value",...} 12.5 [timestamp]; label values never hold "} " in what this system exports.
            var brace = line.IndexOf('{');
            var labelsEnd = brace < 0 ? -1 : line.LastIndexOf('}');
            var name = brace < 0 ? line[..line.IndexOf(' ')] : line[..brace];
            var labels = brace < 0 ? "" : line[(brace + 1)..labelsEnd];
            var rest = (brace < 0 ? line[name.Length..] : line[(labelsEnd + 1)..]).Trim().Split(' ')[0];
            _samples.Add((name, labels, double.Parse(rest, CultureInfo.InvariantCulture)));
        }
    }

    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct();

    /// <summary>The sum of a metric's samples whose labels include every one of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(s => s.Value);
}
