-- Personal data's keys (src/Grains/PersonalData): applied at every start-up; idempotent.
-- Each event that holds a person's texts has a data key, named by its person (person_key, a keyed pseudonym) and the
-- event's id, wrapped by a master key from the settings; the sealed texts name both, so a read finds its keys by the
-- primary key. Erasing a person deletes their keys by its first column; a contest's retention deletes the keys of its
-- stream's events (a key's id is its event's). The events themselves never change. A row is written with every such
-- event: one index only (a second, random one cost a tenth of ingest in issue 24's benchmark).
CREATE SCHEMA IF NOT EXISTS personal;

CREATE TABLE IF NOT EXISTS personal.data_keys
(
    person_key bigint NOT NULL,
    key_id     uuid   NOT NULL,
    master_key text   NOT NULL,
    wrapped    bytea  NOT NULL,
    CONSTRAINT pk_personal_data_keys PRIMARY KEY (person_key, key_id)
);

-- The first layout (keys by id, with a stream column and two more indexes, on main for a day): its keys move over.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'personal' AND table_name = 'data_keys' AND column_name = 'stream_id') THEN
        ALTER TABLE personal.data_keys RENAME TO data_keys_first_layout;
        ALTER TABLE personal.data_keys_first_layout RENAME CONSTRAINT pk_personal_data_keys TO pk_personal_data_keys_first_layout;
        CREATE TABLE personal.data_keys
        (
            person_key bigint NOT NULL,
            key_id     uuid   NOT NULL,
            master_key text   NOT NULL,
            wrapped    bytea  NOT NULL,
            CONSTRAINT pk_personal_data_keys PRIMARY KEY (person_key, key_id)
        );
        INSERT INTO personal.data_keys SELECT person_key, key_id, master_key, wrapped FROM personal.data_keys_first_layout;
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
