-- The contest_entries read model (ContestEntryProjection writes it in each append's transaction): one row per entry,
-- found by the primary key (contest, entry number) or the unique key (contest, submission id). Applied at every
-- start-up after Marten's event store; idempotent.
CREATE TABLE IF NOT EXISTS __EVENTS_SCHEMA__.contest_entries
(
    contest_id         text        NOT NULL,
    entry_number       integer     NOT NULL,
    submission_id      text        NOT NULL,
    author_name        text        NOT NULL,
    committee_code     text        NOT NULL,
    committee_path     text[]      NOT NULL,
    title              text        NOT NULL,
    words              integer     NOT NULL,
    questions_answered integer,
    questions_correct  integer,
    fingerprint        bigint      NOT NULL,
    submitted_at       timestamptz NOT NULL,
    day                date        NOT NULL,
    status             text        NOT NULL,
    scores             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (contest_id, entry_number)
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_contest_entries_submission ON __EVENTS_SCHEMA__.contest_entries (contest_id, submission_id);

-- The entries that ended (withdrawn or disqualified), few beside the accepted: the contest list counts a contest's
-- active entries as its highest entry number less these, without reading its accepted rows.
CREATE INDEX IF NOT EXISTS ix_contest_entries_ended ON __EVENTS_SCHEMA__.contest_entries (contest_id) WHERE status <> 'Accepted';

-- The author's pseudonym (PersonPseudonym), which the rules count: the name itself is sealed. Null in rows of entries
-- stored before names were sealed, whose plain names the rules still count by.
ALTER TABLE __EVENTS_SCHEMA__.contest_entries ADD COLUMN IF NOT EXISTS author_key bigint;
