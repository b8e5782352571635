using Npgsql;

namespace TuyenGiao.Contests;

/// <summary>An entry as the <c>contest_entries</c> read model has it, texts included.</summary>
/// <param name="AuthorName">As stored: sealed (<see cref="PersonalData.PersonalDataVault.RevealAsync"/> opens it), or plain in
/// rows of entries stored before names were sealed.</param>
/// <param name="AuthorKey">The author's pseudonym; null in rows of entries stored before names were sealed.</param>
public sealed record ContestEntryRow(
    int EntryNumber, string SubmissionId, string AuthorName, string CommitteeCode, IReadOnlyList<string> CommitteePath, string Title, int Words,
    int? QuestionsAnswered, int? QuestionsCorrect, DateTimeOffset SubmittedAt, EntryStatus Status, long? AuthorKey)
{
    /// <summary>What the rules need of it.</summary>
    public EntryOnRecord ToRecord() => new(EntryNumber, SubmissionId, Status, new EntryFacts(CommitteeCode, CommitteePath,
        AuthorKey ?? SubmissionIdentity.LegacyAuthorKey(AuthorName, CommitteeCode), SubmittedAt, QuestionsAnswered ?? 0, QuestionsCorrect ?? 0));
}

/// <summary>Reads entries from the <c>contest_entries</c> read model, always by an index: never by scanning event data.</summary>
public sealed class ContestEntries(NpgsqlDataSource database)
{
    private const string Columns =
        "entry_number, submission_id, author_name, committee_code, committee_path, title, words, questions_answered, questions_correct, submitted_at, status, author_key";

    /// <summary>By the primary key (contest, entry number).</summary>
    public const string ByNumbersSql =
        $"SELECT {Columns} FROM {ContestEntryProjection.QualifiedName} WHERE contest_id = $1 AND entry_number = ANY($2) ORDER BY entry_number";

    /// <summary>By the unique key (contest, submission id).</summary>
    public const string BySubmissionSql =
        $"SELECT {Columns} FROM {ContestEntryProjection.QualifiedName} WHERE contest_id = $1 AND submission_id = $2";

    /// <summary>A range scan of the primary key from an entry number, stopping at the page's end.</summary>
    public const string ForJudgeSql = $"""
        SELECT entry_number FROM {ContestEntryProjection.QualifiedName}
        WHERE contest_id = $1 AND entry_number > $2 AND status = 'Accepted' AND committee_code <> $3
          AND NOT ($5 AND $3 = ANY(committee_path)) AND entry_number <> ALL($6)
        ORDER BY entry_number LIMIT $4
        """;

    /// <summary>The entries with these numbers, in number order.</summary>
    public async Task<IReadOnlyList<ContestEntryRow>> FindAsync(string contestId, IReadOnlyList<int> entryNumbers, CancellationToken ct = default) =>
        entryNumbers.Count == 0 ? [] : await ReadAsync(ByNumbersSql, [contestId, entryNumbers.ToArray()], ct);

    public async Task<ContestEntryRow?> FindByNumberAsync(string contestId, int entryNumber, CancellationToken ct = default) =>
        (await ReadAsync(ByNumbersSql, [contestId, new[] { entryNumber }], ct)).SingleOrDefault();

    /// <summary>The entry recorded under a submission id, or null.</summary>
    public async Task<ContestEntryRow?> FindBySubmissionAsync(string contestId, string submissionId, CancellationToken ct = default) =>
        (await ReadAsync(BySubmissionSql, [contestId, submissionId], ct)).SingleOrDefault();

    /// <summary>
    /// A page of the entries a judge may score, after an entry number: accepted, not from the judge's committee (nor from
    /// below it, when <paramref name="subtree"/>), none of those they have a conflict with.
    /// </summary>
    public async Task<IReadOnlyList<int>> ForJudgeAsync(string contestId, string judgeCommittee, bool subtree, int[] conflicts, int afterEntryNumber,
        int limit, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand(ForJudgeSql);
        command.Parameters.Add(new NpgsqlParameter { Value = contestId });
        command.Parameters.Add(new NpgsqlParameter { Value = afterEntryNumber });
        command.Parameters.Add(new NpgsqlParameter { Value = judgeCommittee });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = subtree });
        command.Parameters.Add(new NpgsqlParameter { Value = conflicts });
        var numbers = new List<int>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            numbers.Add(reader.GetInt32(0));
        return numbers;
    }

    private async Task<List<ContestEntryRow>> ReadAsync(string sql, object[] parameters, CancellationToken ct)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var rows = new List<ContestEntryRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ContestEntryRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4), reader.GetString(5),
                reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.GetFieldValue<DateTimeOffset>(9), Enum.Parse<EntryStatus>(reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetInt64(11)));
        }
        return rows;
    }
}
