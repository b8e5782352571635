-- Tamper evidence: every stream is a hash chain. For each event, a row in audit.event_chain holds
--   SHA-256( previous event's hash || canonical JSON [stream id, version, type, data, metadata] )
-- where the canonical JSON is PostgreSQL's own jsonb text (keys in a fixed order, no insignificant whitespace) and
-- the metadata are the event id, the actor, the correlation id and the UTC timestamp. A trigger writes the row in
-- the insert's own transaction, so no writer (a grain, a second activation, a tool) can append without chaining.
-- Verification recomputes the links from the events (TuyenGiao.Auditing.IntegrityCheck): an event changed, removed
-- or inserted afterwards with plain SQL breaks its link. Applied at every start-up, after Marten's schema; idempotent.
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

-- Chains, in version order, at most `most` events of one stream below a version that are not chained yet (stored before
-- the chain existed, or while its trigger was off).
CREATE OR REPLACE FUNCTION audit.chain_stream(stream text, below bigint, most integer) RETURNS integer
    LANGUAGE plpgsql
AS
$$
DECLARE
    e       __EVENTS_SCHEMA__.mt_events%ROWTYPE;
    chained integer := 0;
BEGIN
    FOR e IN SELECT m.* FROM __EVENTS_SCHEMA__.mt_events m
             WHERE m.stream_id = stream AND m.version < below
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

-- The append's hot path: one lookup and one INSERT, planned once per session by PL/pgSQL and kept. It does not call
-- audit.chain_link: a non-inlined SQL function is planned again at every call, and that planning cost half of the
-- append's throughput at the database (ops/bench.sh chain measures the chain's cost). No ON CONFLICT here: the event
-- is not committed yet, so no other writer can have chained it.
CREATE OR REPLACE FUNCTION audit.chain_event() RETURNS trigger
    LANGUAGE plpgsql
AS
$$
DECLARE
    previous bytea;
BEGIN
    SELECT c.hash INTO previous FROM audit.event_chain c WHERE c.stream_id = NEW.stream_id AND c.version = NEW.version - 1;
    IF previous IS NULL AND NEW.version > 1 THEN
        -- The stream's earlier events are not chained yet (the background job has not reached them): chain them first,
        -- so that this link rests on theirs and not on nothing.
        PERFORM audit.chain_stream(NEW.stream_id, NEW.version, 2147483647);
        SELECT c.hash INTO previous FROM audit.event_chain c WHERE c.stream_id = NEW.stream_id AND c.version = NEW.version - 1;
    END IF;
    INSERT INTO audit.event_chain (seq_id, stream_id, version, hash)
    VALUES (NEW.seq_id, NEW.stream_id, NEW.version,
            audit.event_link(previous, NEW.stream_id, NEW.version, NEW.type, NEW.data, NEW.id, NEW.user_name, NEW.correlation_id,
                             NEW.timestamp));
    RETURN NULL;
END
$$;

-- AFTER, so that a second writer still fails on Marten's own (stream, version) index first, which the journal reads as a conflict.
-- Created once: dropping and creating it again at every start took an ACCESS EXCLUSIVE lock on the events table,
-- which stalled every append of a running cluster while one node restarted.
DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'chain_event' AND tgrelid = '__EVENTS_SCHEMA__.mt_events'::regclass) THEN
        CREATE TRIGGER chain_event AFTER INSERT ON __EVENTS_SCHEMA__.mt_events FOR EACH ROW EXECUTE FUNCTION audit.chain_event();
    END IF;
END
$$;

-- Events stored before the chain existed (or while its trigger was off) are chained by a background job after start-up,
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
             WHERE NOT EXISTS (SELECT 1 FROM audit.event_chain c WHERE c.seq_id = m.seq_id)
        LOOP
            -- In batches even within one stream: a million-event stream is never one long transaction.
            chained := chained + audit.chain_stream(s.stream_id, 9223372036854775807, batch - chained);
            EXIT WHEN chained >= batch;
        END LOOP;
    RETURN chained;
END
$$;
