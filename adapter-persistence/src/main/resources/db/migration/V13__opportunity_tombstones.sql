-- Opportunities deleted in GHL, kept so that nothing brings them back: GHL sends an OpportunityUpdate after
-- every OpportunityDelete (highlevel-api-docs #27), and webhooks arrive in no particular order. A tombstone
-- may exist before (or without) the opportunity's row. GHL never reuses an opportunity id.
CREATE TABLE deleted_opportunities (
    id         text        PRIMARY KEY,
    deleted_at timestamptz NOT NULL DEFAULT now()
);
