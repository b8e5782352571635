-- Orleans cluster membership for Microsoft.Orleans.Clustering.AdoNet on PostgreSQL, written for TuyenGiao.
--
-- The provider reads its SQL from the OrleansQuery table (the one name it hard-codes) by key, binds
-- @-parameters by name, and reads result columns by name. It needs:
--   * one version row per cluster (DeploymentId = ClusterId), whose Version is the membership table's etag;
--   * one row per silo incarnation (address, port, generation);
--   * insert and update that succeed only when the caller's etag still matches, bumping it atomically,
--     and answer 1 or 0 (never an error) so the provider can re-read and retry.
-- This script is applied at every start-up: every statement is idempotent.
--
-- Every name is schema-qualified. PostgreSQL's default search_path starts with "$user", and when a schema of
-- the user's name exists (Marten's, if the user is called like it), an unqualified CREATE TABLE IF NOT EXISTS
-- would quietly create a second, empty table there that shadows the real one. OrleansQuery must stay in
-- public: the provider names it without a schema.
CREATE SCHEMA IF NOT EXISTS orleans;

CREATE TABLE IF NOT EXISTS public.OrleansQuery
(
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans.membership_version
(
    deployment_id varchar(150) PRIMARY KEY,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleans.membership
(
    deployment_id  varchar(150) NOT NULL REFERENCES orleans.membership_version (deployment_id),
    address        varchar(45)  NOT NULL,
    port           integer      NOT NULL,
    generation     integer      NOT NULL,
    silo_name      varchar(150) NOT NULL,
    host_name      varchar(150) NOT NULL,
    status         integer      NOT NULL,
    proxy_port     integer      NOT NULL DEFAULT 0,
    suspect_times  text         NULL,
    start_time     timestamptz  NOT NULL,
    i_am_alive     timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds a silo row and bumps the etag, both or neither. The inner block is a subtransaction: raising
-- inside it undoes the insert when the etag no longer matches.
CREATE OR REPLACE FUNCTION orleans.insert_member(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        INSERT INTO orleans.membership (deployment_id, address, port, generation, silo_name, host_name,
                                        status, proxy_port, start_time, i_am_alive)
        VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
                p_status, coalesce(p_proxy_port, 0), p_start_time, p_i_am_alive)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            RETURN 0;
        END IF;
        UPDATE orleans.membership_version
           SET version = version + 1, changed_at = now()
         WHERE deployment_id = p_deployment_id AND version = p_version;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'stale membership etag' USING ERRCODE = 'TG001';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'TG001' THEN
        RETURN 0;
    END;
END $$;

-- Changes a silo row's status and suspicions and bumps the etag, both or neither.
CREATE OR REPLACE FUNCTION orleans.update_member(
    p_deployment_id text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspect_times text, p_i_am_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        UPDATE orleans.membership_version
           SET version = version + 1, changed_at = now()
         WHERE deployment_id = p_deployment_id AND version = p_version;
        IF NOT FOUND THEN
            RETURN 0;
        END IF;
        UPDATE orleans.membership
           SET status = p_status, suspect_times = p_suspect_times, i_am_alive = p_i_am_alive
         WHERE deployment_id = p_deployment_id AND address = p_address
           AND port = p_port AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no such silo row' USING ERRCODE = 'TG001';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'TG001' THEN
        RETURN 0;
    END;
END $$;

-- The stored queries. Result column names are the ones the provider asks for (matched case-insensitively).
INSERT INTO public.OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $$
    WITH inserted AS (
        INSERT INTO orleans.membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM inserted
$$),
('InsertMembershipKey', $$
    SELECT orleans.insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)
$$),
('UpdateMembershipKey', $$
    SELECT orleans.update_member(@DeploymentId, @Address, @Port, @Generation,
                                 @Status, @SuspectTimes, @IAmAliveTime, @Version)
$$),
('UpdateIAmAlivetimeKey', $$
    UPDATE orleans.membership SET i_am_alive = @IAmAliveTime
     WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$$),
('MembershipReadRowKey', $$
    SELECT m.address AS Address, m.port AS Port, m.generation AS Generation, m.silo_name AS SiloName,
           m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive AS IAmAliveTime,
           v.version AS Version
      FROM orleans.membership_version v
      LEFT JOIN orleans.membership m
        ON m.deployment_id = v.deployment_id
       AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId
$$),
('MembershipReadAllKey', $$
    SELECT m.address AS Address, m.port AS Port, m.generation AS Generation, m.silo_name AS SiloName,
           m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive AS IAmAliveTime,
           v.version AS Version
      FROM orleans.membership_version v
      LEFT JOIN orleans.membership m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId
$$),
('DeleteMembershipTableEntriesKey', $$
    DELETE FROM orleans.membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans.membership_version WHERE deployment_id = @DeploymentId
$$),
('GatewaysQueryKey', $$
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
      FROM orleans.membership
     WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$$),
-- Removes long-dead silos (status 6 is Dead); the live ones and the etag are untouched.
('CleanupDefunctSiloEntriesKey', $$
    DELETE FROM orleans.membership
     WHERE deployment_id = @DeploymentId AND i_am_alive < @IAmAliveTime AND status = 6
$$),
-- Removes one dead silo only if its row is still exactly as the caller read it.
('CleanupDefunctSiloEntryKey', $$
    DELETE FROM orleans.membership
     WHERE deployment_id = @DeploymentId AND status = 6
       AND address = @Address AND port = @Port AND generation = @Generation
       AND i_am_alive = @IAmAliveTime AND start_time = @StartTime
       AND suspect_times IS NOT DISTINCT FROM @SuspectTimes::text
$$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
