-- Outputs of a programme's activities, in the table that already holds the Lab's reports: the
-- programme and activity they belong to, a summary and a link; their language versions (one per
-- language, with its translation status and translator) and their dissemination log.
ALTER TABLE outputs ADD COLUMN programme_id BIGINT REFERENCES programmes (id) ON DELETE CASCADE;
ALTER TABLE outputs ADD COLUMN activity_id BIGINT REFERENCES programme_activities (id) ON DELETE SET NULL;
ALTER TABLE outputs ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE outputs ADD COLUMN link TEXT;
CREATE INDEX outputs_programme ON outputs (programme_id);
CREATE TABLE output_versions (
    id {id},
    output_id BIGINT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    translator TEXT NOT NULL,
    title TEXT NOT NULL,
    link TEXT,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (output_id, lang)
);
CREATE TABLE output_disseminations (
    id {id},
    output_id BIGINT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    on_day DATE NOT NULL,
    link TEXT,
    lang TEXT,
    note TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX output_disseminations_output ON output_disseminations (output_id, on_day)
