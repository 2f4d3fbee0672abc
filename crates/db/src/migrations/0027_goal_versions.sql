-- The versions of the Culture 2030 Goal the secretariat imported (the zero draft of 2022, the
-- revised draft of 2025…): each version's file as given, read again when used. A version is
-- imported once; a new text is a new version.
CREATE TABLE goal_versions (
    id {id},
    goal_key TEXT NOT NULL,
    version TEXT NOT NULL,
    source TEXT NOT NULL,
    imported_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    imported_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX goal_versions_key ON goal_versions (goal_key, version)
