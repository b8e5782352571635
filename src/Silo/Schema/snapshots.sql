-- Periodic snapshots of event-sourced state that is too large to rewrite on every append (a contest with a
-- million entries). A snapshot is only ever a shortcut: the events stay the truth, and a state is the snapshot
-- plus the events after its version. Applied at every start-up; idempotent.
CREATE SCHEMA IF NOT EXISTS snapshots;

CREATE TABLE IF NOT EXISTS snapshots.stream_snapshot
(
    stream_id text PRIMARY KEY,
    version   bigint NOT NULL,
    state     bytea NOT NULL,
    taken_at  timestamptz NOT NULL DEFAULT now()
);
