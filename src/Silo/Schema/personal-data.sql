-- Personal data's keys (src/Grains/PersonalData): applied at every start-up; idempotent.
-- Each event that holds a person's texts has a data key, named by the event's id, wrapped by a master key from the
-- settings. Erasing a person deletes their keys (by person_key, a keyed pseudonym); a contest's retention deletes the
-- keys of its stream. The events themselves never change.
CREATE SCHEMA IF NOT EXISTS personal;

CREATE TABLE IF NOT EXISTS personal.data_keys
(
    key_id     uuid   NOT NULL,
    person_key bigint NOT NULL,
    stream_id  text   NOT NULL,
    master_key text   NOT NULL,
    wrapped    bytea  NOT NULL,
    CONSTRAINT pk_personal_data_keys PRIMARY KEY (key_id)
);

CREATE INDEX IF NOT EXISTS ix_data_keys_person ON personal.data_keys (person_key);
CREATE INDEX IF NOT EXISTS ix_data_keys_stream ON personal.data_keys (stream_id);

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
