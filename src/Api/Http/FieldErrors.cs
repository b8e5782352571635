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
