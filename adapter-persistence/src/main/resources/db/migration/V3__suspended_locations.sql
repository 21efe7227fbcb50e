-- Locations we must not act for (the app was uninstalled there): no text goes out, intake waits.
CREATE TABLE suspended_locations (
    location_id  TEXT PRIMARY KEY,
    reason       TEXT NOT NULL,
    suspended_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
