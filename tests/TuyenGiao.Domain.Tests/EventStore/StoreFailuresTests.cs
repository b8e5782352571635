using System.Text.Json;
using Npgsql;
using TuyenGiao.EventStore;

namespace TuyenGiao.Domain.Tests.EventStore;

/// <summary>What a failed append proves: only an unknown outcome may be retried; a definite one never.</summary>
public class StoreFailuresTests
{
    private static PostgresException Postgres(string sqlState, string? constraint = null) =>
        new("refused", "ERROR", "ERROR", sqlState, constraintName: constraint);

    [Theory]
    [InlineData("22P05")] // U+0000 in jsonb
    [InlineData("22008")] // a date out of range
    [InlineData("23502")] // not null
    [InlineData("23505")] // unique, on another index than the guards
    [InlineData("42P01")] // undefined table
    [InlineData("42703")] // undefined column
    [InlineData("0A000")] // feature not supported
    [InlineData("54000")] // program limit exceeded
    public void Given_a_database_refusal_that_rolls_the_batch_back_When_classified_Then_it_is_definite(string sqlState) =>
        Assert.Equal(AppendFailure.Definite, StoreFailures.Classify(Postgres(sqlState)));

    [Theory]
    [InlineData(StoreFailures.StreamVersionIndex)]
    [InlineData(StoreFailures.EventIdIndex)]
    [InlineData(StoreFailures.StreamIdKey)]
    public void Given_a_unique_violation_on_a_guard_index_When_classified_Then_it_is_a_conflict(string constraint) =>
        Assert.Equal(AppendFailure.Conflict, StoreFailures.Classify(Postgres("23505", constraint)));

    [Theory]
    [InlineData("40001")] // serialisation failure
    [InlineData("40P01")] // deadlock
    [InlineData("53300")] // too many connections
    [InlineData("57P01")] // admin shutdown
    [InlineData("08006")] // connection failure
    public void Given_a_failure_that_cannot_tell_whether_the_commit_happened_When_classified_Then_it_is_unknown(string sqlState) =>
        Assert.Equal(AppendFailure.Unknown, StoreFailures.Classify(Postgres(sqlState)));

    [Fact]
    public void Given_failures_wrapped_in_others_When_classified_Then_the_innermost_that_says_something_decides()
    {
        Assert.Equal(AppendFailure.Definite, StoreFailures.Classify(new InvalidOperationException("Marten command failed", Postgres("22P05"))));
        Assert.Equal(AppendFailure.Conflict, StoreFailures.Classify(new StreamConflictException("contest/X", 3, Postgres("23505", StoreFailures.StreamVersionIndex))));
        Assert.Equal(AppendFailure.Definite, StoreFailures.Classify(new InvalidOperationException("serialising", new JsonException("cycle"))));
        Assert.Equal(AppendFailure.Definite, StoreFailures.Classify(new NotSupportedException("no converter")));
    }

    [Fact]
    public void Given_a_dropped_connection_or_a_timeout_When_classified_Then_it_is_unknown()
    {
        Assert.Equal(AppendFailure.Unknown, StoreFailures.Classify(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));
        Assert.Equal(AppendFailure.Unknown, StoreFailures.Classify(new TimeoutException()));
        Assert.Equal(AppendFailure.Unknown, StoreFailures.Classify(new IOException("Connection reset by peer")));
    }
}
