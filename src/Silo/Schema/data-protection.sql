-- The key ring of ASP.NET Core Data Protection, which encrypts the session and antiforgery cookies: one ring for every
-- node, so that a cookie issued by one node is read by any other behind the same address, and survives restarts.
-- Keys are only ever added (each expires after 90 days; the ring keeps old ones to read cookies issued before), and
-- are stored encrypted with a key derived from Auth:SigningKey (TuyenGiao.Api.Security.SharedKeyRingEncryptor).
-- Applied at every start-up; idempotent.
CREATE SCHEMA IF NOT EXISTS web;

CREATE TABLE IF NOT EXISTS web.data_protection_key
(
    name       text PRIMARY KEY,
    xml        text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
