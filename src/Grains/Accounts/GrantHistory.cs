using Npgsql;
using TuyenGiao.Access;
using TuyenGiao.EventStore;

namespace TuyenGiao.Accounts;

/// <summary>A grant in force at a moment: whose, and who gave it when (the latest giving, when it was given more than once).</summary>
public sealed record GrantInForce(string Username, Grant Grant, DateTimeOffset GrantedAt, string GrantedBy);

/// <summary>
/// Who held which grant at any past moment, folded from the grant and revocation events recorded up to it (their
/// recording time and actor are the events' own metadata): the auditor's "who could record for this committee on
/// 12/03/2023, and who gave them that right". Reads only those two event types, by their indexed type column.
/// </summary>
public sealed class GrantHistory(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<GrantInForce>> InForceAtAsync(DateTimeOffset moment, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand($"""
            SELECT type = 'role_granted', data->>'username', data->'grant'->>'role', data->'grant'->>'committeeCode', data->'grant'->>'contestId',
                   timestamp, coalesce(user_name, '')
            FROM {MartenSetup.Schema}.mt_events
            WHERE type IN ('role_granted', 'role_revoked') AND timestamp <= $1
            ORDER BY seq_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = moment.ToUniversalTime() });
        var inForce = new Dictionary<(string, Grant), GrantInForce>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var grant = new Grant(Enum.Parse<Role>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            var key = (reader.GetString(1), grant);
            if (reader.GetBoolean(0))
                inForce[key] = new GrantInForce(key.Item1, grant, reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6));
            else
                inForce.Remove(key);
        }
        return inForce.Values.OrderBy(g => g.Username, StringComparer.Ordinal).ThenBy(g => g.GrantedAt).ToList();
    }
}
