-- Personal data's keys (src/Grains/PersonalData): applied at every start-up; idempotent.
-- Each event that holds a person's texts has a data key, named by its person (person_key, a keyed pseudonym) and an id
-- of its own, wrapped by a master key from the settings; the sealed texts name both, so a read finds its keys by the
-- primary key. The id is a UUIDv7 made at the event's recording, so every append writes at the end of the one index:
-- keyed by the person first, each append wrote into a random page of it, the largest part of what sealing cost
-- PostgreSQL in issue 24's benchmark. Erasing a person (a legal request) and a contest's retention (its stream's keys,
-- through event_id and the events' own index) read the whole table instead, rarely: 0.16 to 0.26 s for 1.2 million
-- keys measured here. The events themselves never change.
-- Layouts before this, each moved over once, at the first start-up of a node that has this script:
--   * the first (keys by event id, with a stream column and two more indexes, on main for a day);
--   * the second (primary key person, key id; a key's id was its event's id, so event_id stays null in its rows: joins
--     take the key's id for it, and so do the rows of a node of that version still running in a rolling upgrade).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'personal' AND table_name = 'data_keys' AND column_name = 'stream_id') THEN
        ALTER TABLE personal.data_keys RENAME TO data_keys_first_layout;
        ALTER TABLE personal.data_keys_first_layout RENAME CONSTRAINT pk_personal_data_keys TO pk_personal_data_keys_first_layout;
    END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS personal;

CREATE TABLE IF NOT EXISTS personal.data_keys
(
    key_id     uuid   NOT NULL,
    person_key bigint NOT NULL,
    event_id   uuid,
    master_key text   NOT NULL,
    wrapped    bytea  NOT NULL,
    CONSTRAINT pk_personal_data_keys PRIMARY KEY (key_id)
);

ALTER TABLE personal.data_keys ADD COLUMN IF NOT EXISTS event_id uuid;

DO $$
BEGIN
    IF (SELECT indnatts FROM pg_index WHERE indexrelid = 'personal.pk_personal_data_keys'::regclass) > 1 THEN
        ALTER TABLE personal.data_keys DROP CONSTRAINT pk_personal_data_keys, ADD CONSTRAINT pk_personal_data_keys PRIMARY KEY (key_id);
    END IF;
    IF to_regclass('personal.data_keys_first_layout') IS NOT NULL THEN
        INSERT INTO personal.data_keys (key_id, person_key, master_key, wrapped)
        SELECT key_id, person_key, master_key, wrapped FROM personal.data_keys_first_layout;
        DROP TABLE personal.data_keys_first_layout;
    END IF;
END $$;

-- Secrets of the installation kept like data keys (wrapped by the master key): the pseudonym secret.
CREATE TABLE IF NOT EXISTS personal.vault_secrets
(
    name       text  PRIMARY KEY,
    master_key text  NOT NULL,
    wrapped    bytea NOT NULL
);

-- Who read whose personal data, when, through what: one row per read that opened texts for a signed-in caller.
CREATE TABLE IF NOT EXISTS personal.access_log
(
    id             bigserial   PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    correlation_id text,
    what           text        NOT NULL,
    person_keys    bigint[]    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_access_log_people ON personal.access_log USING gin (person_keys);

-- How many erasures were ever recorded, bumped in each erasure's own transaction: a read that keeps opened texts (the
-- quiz's public results) keeps them only while this count stands, so an erasure on any node holds on every node at once.
CREATE TABLE IF NOT EXISTS personal.erasure_count
(
    one       boolean PRIMARY KEY DEFAULT true CHECK (one),
    erasures  bigint  NOT NULL
);

INSERT INTO personal.erasure_count (one, erasures) VALUES (true, 0) ON CONFLICT (one) DO NOTHING;
