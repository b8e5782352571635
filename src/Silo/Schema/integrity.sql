-- Tamper evidence: every stream is a hash chain, each event's link the SHA-256 of its predecessor's link and the event
-- (stream id, version, type, data, event id, actor, correlation id, UTC timestamp). Two kinds of link, one chain:
--  * events stored since issue 18 carry their link in Marten's headers column ('link'), computed by the writer in the
--    append over its own canonical JSON (TuyenGiao.EventStore.EventLink, EventChain);
--  * events stored before it have a row in audit.event_chain, computed here over PostgreSQL's jsonb text by the trigger
--    of that time or by the background job (audit.event_link).
-- A stream may start with the second kind and go on with the first. Verification recomputes every link from the events
-- as stored (TuyenGiao.Auditing.IntegrityCheck): an event changed, removed or inserted afterwards with plain SQL, or
-- stored by a writer that skipped the chain, breaks its stream's chain. Applied at every start-up, after Marten's
-- schema; idempotent.
CREATE SCHEMA IF NOT EXISTS audit;

CREATE TABLE IF NOT EXISTS audit.event_chain
(
    seq_id    bigint PRIMARY KEY,
    stream_id text   NOT NULL,
    version   bigint NOT NULL,
    hash      bytea  NOT NULL,
    CONSTRAINT event_chain_stream_version UNIQUE (stream_id, version)
);

CREATE OR REPLACE FUNCTION audit.event_link(previous bytea, stream_id text, version bigint, type text, data jsonb, event_id uuid,
                                            actor text, correlation_id text, recorded_at timestamptz)
    RETURNS bytea
    LANGUAGE sql
    STABLE
AS
$$
SELECT sha256(coalesce(previous, ''::bytea) || convert_to(
        jsonb_build_array(stream_id, version, type, data,
                          jsonb_build_object('eventId', event_id, 'actor', actor, 'correlationId', correlation_id,
                                             'timestamp', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text,
        'UTF8'))
$$;

-- One event's link, given its predecessor's hash. ON CONFLICT: the background job and an append catching up a stream
-- may chain the same old event at once; both compute the same link, and the second one does nothing.
CREATE OR REPLACE FUNCTION audit.chain_link(e __EVENTS_SCHEMA__.mt_events, previous bytea) RETURNS void
    LANGUAGE sql
AS
$$
INSERT INTO audit.event_chain (seq_id, stream_id, version, hash)
VALUES (e.seq_id, e.stream_id, e.version,
        audit.event_link(previous, e.stream_id, e.version, e.type, e.data, e.id, e.user_name, e.correlation_id, e.timestamp))
ON CONFLICT DO NOTHING
$$;

-- Chains, in version order, at most `most` events of one stream below a version that are not chained yet and were stored
-- before the cut-over (before the chain existed, or while its trigger was off).
CREATE OR REPLACE FUNCTION audit.chain_stream(stream text, below bigint, most integer) RETURNS integer
    LANGUAGE plpgsql
AS
$$
DECLARE
    e       __EVENTS_SCHEMA__.mt_events%ROWTYPE;
    chained integer := 0;
BEGIN
    FOR e IN SELECT m.* FROM __EVENTS_SCHEMA__.mt_events m
             WHERE m.stream_id = stream AND m.version < below AND m.seq_id <= (SELECT seq_id FROM audit.chain_cutover)
               AND NOT EXISTS (SELECT 1 FROM audit.event_chain c WHERE c.seq_id = m.seq_id)
             ORDER BY m.version
             LIMIT most
        LOOP
            PERFORM audit.chain_link(e,
                (SELECT c.hash FROM audit.event_chain c WHERE c.stream_id = e.stream_id AND c.version = e.version - 1));
            chained := chained + 1;
        END LOOP;
    RETURN chained;
END
$$;

-- Since issue 18 the writer links each event in the append (TuyenGiao.EventStore.EventChain: the link is stored in
-- Marten's headers column, computed over the writer's canonical JSON, and verify recomputes it the same way): no trigger
-- rebuilds every event as jsonb text on the insert's path any more. The trigger that did is dropped once, in the same
-- transaction that marks the cut-over: the last event it chained or could have missed. Only events up to the cut-over are
-- ever chained here afterwards (the background job, an append catching a stream up), so an event a writer stores without
-- its link later stays unchained, and verify reports it. No cut-over marked yet: nothing is chained here at all.
CREATE TABLE IF NOT EXISTS audit.chain_cutover
(
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    seq_id bigint  NOT NULL
);

-- The cut-over itself is marked by chain-cutover.sql, in a transaction of its own (see there).

-- Events stored before the cut-over and not chained are chained by a background job after start-up,
-- a batch per call, stream by stream in version order (TuyenGiao.Silo.EventChainBackfill): not part of readiness, and
-- never a scan of every event inside the start-up transaction. One node at a time; the others find the lock taken.
CREATE OR REPLACE FUNCTION audit.chain_backlog(batch integer) RETURNS integer
    LANGUAGE plpgsql
AS
$$
DECLARE
    s       record;
    chained integer := 0;
BEGIN
    IF NOT pg_try_advisory_xact_lock(8391246651040145985) THEN
        RETURN 0;
    END IF;
    FOR s IN SELECT DISTINCT m.stream_id FROM __EVENTS_SCHEMA__.mt_events m
             WHERE m.seq_id <= (SELECT seq_id FROM audit.chain_cutover)
               AND NOT EXISTS (SELECT 1 FROM audit.event_chain c WHERE c.seq_id = m.seq_id)
        LOOP
            -- In batches even within one stream: a million-event stream is never one long transaction.
            chained := chained + audit.chain_stream(s.stream_id, 9223372036854775807, batch - chained);
            EXIT WHEN chained >= batch;
        END LOOP;
    RETURN chained;
END
$$;
