using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Http;

/// <summary>Collects the shape errors of a request body, so one answer names every bad field at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Required<T>(string field, T? value)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
            Add(field, "is required");
        return this;
    }

    /// <summary>
    /// Every member of the request marked <see cref="RequiredAttribute"/>: the same marks the OpenAPI document lists as
    /// required (ContractSchemas), so the document and the answer cannot disagree.
    /// </summary>
    public FieldErrors RequiredOf<TRequest>(TRequest request, string prefix = "") where TRequest : class
    {
        foreach (var (name, property) in RequiredMembers<TRequest>.All)
            Required(prefix + name, property.GetValue(request));
        return this;
    }

    /// <summary>Each item of a list sent in the body: present, and with its own required members (named <c>field[i].member</c>).</summary>
    public FieldErrors RequiredOfEach<TItem>(IReadOnlyList<TItem?>? items, string field) where TItem : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
                RequiredOf(item, $"{field}[{i}].");
            else
                Add($"{field}[{i}]", "is required");
        }
        return this;
    }

    public FieldErrors Check(Rejection? rejection)
    {
        if (rejection is not null)
            Add(rejection.Field, rejection.Reason);
        return this;
    }

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
            _errors[field] = reasons = [];
        reasons.Add(reason);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}

/// <summary>A request type's required members by their JSON names, found once per type.</summary>
file static class RequiredMembers<TRequest>
{
    public static readonly (string Name, PropertyInfo Property)[] All = typeof(TRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null)
        .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p))
        .ToArray();
}
