-- The GHL rate budget shared by every Recruitflow instance on this database: one bucket4j bucket per
-- token owner (bootstrap's PostgresPermitSource, bucket4j's select-for-update proxy manager).
-- id: 'LOCATION:<locationId>' or 'COMPANY:<companyId>'. state: bucket4j's serialized bucket (its
-- configuration and tokens); NULL only inside the transaction that creates the row.
CREATE TABLE rate_limit_buckets (
    id    TEXT PRIMARY KEY,
    state BYTEA
);
