using TuyenGiao.Access;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The authorization policies endpoints declare, each a set of roles. The role lets a caller reach the endpoint;
/// whether it may act on that committee or contest is <see cref="AccessRules"/>' answer, checked by the endpoint.
/// An endpoint that declares nothing falls back to <see cref="Admins"/>, and the OpenAPI test fails on it.
/// </summary>
public static class Policies
{
    /// <summary>Not a policy: the name the OpenAPI document gives endpoints open to anonymous callers.</summary>
    public const string Public = "public";

    /// <summary>Any account signed in, with or without grants: its own session and password.</summary>
    public const string Account = "account";

    public const string SignedIn = "signed-in";
    public const string RecordReaders = "record-readers";
    public const string Officers = "officers";
    public const string Organisers = "organisers";
    public const string EntrySubmitters = "entry-submitters";
    public const string Judges = "judges";
    /// <summary>Who may read the panels a judge sits on: the judge, and those who oversee every contest.</summary>
    public const string PanelReaders = "panel-readers";
    public const string Auditors = "auditors";
    public const string Admins = "admins";

    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [Account] = [],
        [SignedIn] = Enum.GetValues<Role>(),
        [RecordReaders] = [Role.Admin, Role.Auditor, Role.Officer, Role.Organiser],
        [Officers] = [Role.Admin, Role.Officer],
        [Organisers] = [Role.Admin, Role.Organiser],
        [EntrySubmitters] = [Role.Admin, Role.Officer, Role.Organiser],
        [Judges] = [Role.Admin, Role.Judge],
        [PanelReaders] = [Role.Admin, Role.Judge, Role.Auditor],
        [Auditors] = [Role.Admin, Role.Auditor],
        [Admins] = [Role.Admin],
    };
}
