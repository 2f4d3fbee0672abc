-- A programme's activities (from the catalogue or custom, inside the programme's period, each
-- with a revision for optimistic concurrency) and its budget lines in exact money (integer
-- minor units of the line's currency); the budget as a whole has a revision of its own.
ALTER TABLE programmes ADD COLUMN budget_revision BIGINT NOT NULL DEFAULT 1;
CREATE TABLE programme_activities (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    catalogue_key TEXT,
    title TEXT,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    place TEXT NOT NULL,
    city_leads TEXT NOT NULL,
    secretariat_leads TEXT NOT NULL,
    status TEXT NOT NULL,
    focus TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX programme_activities_programme ON programme_activities (programme_id, starts_on);
CREATE TABLE budget_lines (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    activity_id BIGINT REFERENCES programme_activities (id) ON DELETE SET NULL,
    year INTEGER NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    funder TEXT NOT NULL,
    currency TEXT NOT NULL,
    planned BIGINT NOT NULL,
    committed BIGINT NOT NULL,
    spent BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX budget_lines_programme ON budget_lines (programme_id, year);
CREATE INDEX budget_lines_activity ON budget_lines (activity_id)
