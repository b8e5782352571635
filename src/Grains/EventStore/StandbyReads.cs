using Npgsql;

namespace TuyenGiao.EventStore;

/// <summary>
/// Where read-only work that may lag the primary by a few milliseconds reads: the audit feed, a stream's events as
/// auditors page through them, and exports. With a connection string for it (<c>TUYENGIAO_PG_READS</c>, the servers
/// with <c>Target Session Attributes=prefer-standby</c>), a standby while there is one: those reads leave the primary to
/// the writes, and are still answered while the primary is down. Without one, the primary. Never for a read that decides
/// a write or must show the caller its own write at once (a tally, a receipt, the entries a judge scores).
/// </summary>
public sealed class StandbyReads(NpgsqlDataSource database)
{
    public NpgsqlDataSource Database { get; } = database;
}
