using Npgsql;
using NpgsqlTypes;

namespace TuyenGiao.PersonalData;

/// <summary>One read that opened personal texts for a signed-in caller.</summary>
/// <param name="People">The pseudonyms of the people whose texts were opened (as <see cref="PersonPseudonyms.Show"/> writes them).</param>
public sealed record PersonalDataAccess(long Id, DateTimeOffset At, string Actor, string? CorrelationId, string What, IReadOnlyList<string> People);

/// <summary>
/// Who read whose personal data, when, and through what (<c>personal.access_log</c>): the people by pseudonym, so that
/// the log itself holds no personal data and outlives an erasure. Readable by auditors; never changed.
/// </summary>
public sealed class PersonalDataAccessLog(NpgsqlDataSource database, TimeProvider time)
{
    public const int MaxPage = 500;

    public async Task RecordAsync(string actor, string? correlationId, string what, IReadOnlyCollection<long> people, CancellationToken ct = default)
    {
        if (people.Count == 0)
            return;
        await using var command = database.CreateCommand(
            $"INSERT INTO {PersonalDataVault.Schema}.access_log (at, actor, correlation_id, what, person_keys) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow().ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = actor });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)correlationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = what });
        command.Parameters.Add(new NpgsqlParameter { Value = people.Order().ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The reads after <paramref name="afterId"/>, oldest first; only those that opened this person's texts when <paramref name="person"/> is given.</summary>
    public async Task<IReadOnlyList<PersonalDataAccess>> ReadAsync(long? person, long afterId, int limit, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand($"""
            SELECT id, at, actor, correlation_id, what, person_keys FROM {PersonalDataVault.Schema}.access_log
            WHERE id > $1 AND ($2::bigint IS NULL OR person_keys @> ARRAY[$2::bigint])
            ORDER BY id LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = afterId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)person ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var rows = new List<PersonalDataAccess>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new PersonalDataAccess(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), [.. reader.GetFieldValue<long[]>(5).Select(PersonPseudonyms.Show)]));
        }
        return rows;
    }
}
