-- Renewal leases of OAuth credentials: who may spend an owner's single-use refresh token now, and until when.
-- A lease is claimed and given back in statements of their own (autocommit): no transaction stays open while
-- the holder calls GHL's token endpoint, so a connection that dies meanwhile loses nothing, and the lease of a
-- holder that died lapses at leased_until.
CREATE TABLE credential_leases (
    owner_type   text        NOT NULL,
    owner_id     text        NOT NULL,
    holder       text        NOT NULL,
    leased_until timestamptz NOT NULL,
    PRIMARY KEY (owner_type, owner_id)
);
