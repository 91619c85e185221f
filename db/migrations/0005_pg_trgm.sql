-- Trigram indexes for "name contains" and "phone contains" search on the customers list.
-- pg_trgm ships with PostgreSQL (trusted since 13: the database owner may create it) and with
-- PGlite, which loads it in db/client.ts.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
