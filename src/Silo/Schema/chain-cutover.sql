-- The hash chain's cut-over (see integrity.sql): once per database, the trigger that chained events before the writer
-- linked them is dropped, and the last event it chained is marked. Run in a transaction of its own, committed at once:
-- dropping a trigger locks the events table, and the rest of the start-up (filling the listings) reads that table on
-- other connections, which would wait on the lock until they timed out. Nothing else writes during it: every node is
-- stopped for the upgrade, and a node starting appends nothing before its schema step is done. Two nodes starting
-- together: the second waits on the lock, then finds the cut-over marked and leaves it.
DO
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit.chain_cutover) THEN
        DROP TRIGGER IF EXISTS chain_event ON __EVENTS_SCHEMA__.mt_events;
        INSERT INTO audit.chain_cutover (seq_id) SELECT coalesce(max(seq_id), 0) FROM __EVENTS_SCHEMA__.mt_events
        ON CONFLICT DO NOTHING;
    END IF;
END
$$;
DROP FUNCTION IF EXISTS audit.chain_event();
