using System.Text.Json;
using JasperFx.Events;
using Marten.Exceptions;
using Npgsql;

namespace TuyenGiao.EventStore;

/// <summary>What an append's failure proves about the write, which decides what the writer may do next.</summary>
public enum AppendFailure
{
    /// <summary>Another writer moved the stream, or stored one of these event ids: nothing of ours was written; decide again.</summary>
    Conflict,

    /// <summary>The database refused the batch and rolled it back (bad data, a broken constraint, a missing object, a payload
    /// that cannot be serialised): nothing was written, and writing it again would fail again.</summary>
    Definite,

    /// <summary>The connection dropped or timed out around the commit: the batch may or may not be stored. Ask, then retry.</summary>
    Unknown,
}

/// <summary>
/// Classifies what PostgreSQL, Npgsql and Marten say when an append fails. Only <see cref="AppendFailure.Unknown"/>
/// may be retried; a definite failure retried is a loop that never ends (U+0000 in a jsonb column fails every time).
/// </summary>
public static class StoreFailures
{
    /// <summary>The unique indexes that make a second writer fail instead of writing twice (see MartenSetup).</summary>
    public const string StreamVersionIndex = "pk_mt_events_stream_and_version";

    public const string EventIdIndex = "idx_mt_events_event_id";

    /// <summary>Two writers creating the same stream at once: the second finds the stream's row already there.</summary>
    public const string StreamIdKey = "pkey_mt_streams_id";

    public static AppendFailure Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StreamConflictException or EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException:
                    return AppendFailure.Conflict;
                case PostgresException postgres:
                    return Classify(postgres);
                // The payload could not be turned into JSON: nothing left the process.
                case JsonException or NotSupportedException:
                    return AppendFailure.Definite;
            }
        }
        return AppendFailure.Unknown;
    }

    private static AppendFailure Classify(PostgresException postgres)
    {
        if (postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName is StreamVersionIndex or EventIdIndex or StreamIdKey)
            return AppendFailure.Conflict;
        return postgres.SqlState[..2] switch
        {
            // 22: data exception (U+0000 in jsonb, a value out of range); 23: integrity constraint violation;
            // 42: syntax error or access rule violation (an undefined table, column or function); 0A: feature not
            // supported; 54: program limit exceeded (a row too large). Each aborts the transaction: nothing was written.
            "22" or "23" or "42" or "0A" or "54" => AppendFailure.Definite,
            // 40 (serialisation failure, deadlock), 53 (out of resources), 57 (shut down), 08 (connection): the outcome
            // of a commit cannot be told from these, so it is looked up before anything is written again.
            _ => AppendFailure.Unknown,
        };
    }
}
