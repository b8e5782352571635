using System.Reflection;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.EventStore;
using TuyenGiao.Silo;

namespace TuyenGiao.Integration.Tests.Deployment;

/// <summary>
/// Whether an environment variable in a deployment file is a setting the system reads. A misspelt one
/// (Orleans__AdvertiseAddress) would be ignored without a word at run time; here it fails a test.
/// </summary>
public static class SettingNames
{
    private static readonly Dictionary<string, Type> Sections = new()
    {
        [NodeOptions.Section] = typeof(NodeOptions),
        [AuthSettings.Section] = typeof(AuthSettings),
        [EventStoreOptions.Section] = typeof(EventStoreOptions),
        [TuyenGiao.PersonalData.PersonalDataOptions.Section] = typeof(TuyenGiao.PersonalData.PersonalDataOptions),
    };

    /// <summary>Read by the system or the .NET host as they are.</summary>
    private static readonly HashSet<string> Plain =
        [PostgresConnection.EnvironmentVariable, PostgresConnection.ReadsEnvironmentVariable, "ASPNETCORE_HTTP_PORTS", "DOTNET_SHUTDOWNTIMEOUTSECONDS", TrustedProxies.Setting.Replace(":", "__")];

    public static bool IsKnown(string variable)
    {
        if (Plain.Contains(variable))
            return true;
        var parts = variable.Split("__");
        if (parts.Length == 2 && Sections.TryGetValue(parts[0], out var type))
            return type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance) is { CanWrite: true };
        return parts.Length >= 3 && parts[0] == "Logging";
    }
}
