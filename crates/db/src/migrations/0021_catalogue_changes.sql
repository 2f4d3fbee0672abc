-- The secretariat's changes to the bundled catalogue of activities: one row per changed
-- activity (by its key), holding the whole changed activity as JSON, on its revision.
CREATE TABLE catalogue_changes (
    id {id},
    activity_key TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
)
