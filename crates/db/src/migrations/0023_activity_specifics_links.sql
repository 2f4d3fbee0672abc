-- What a catalogue activity records of its own (a seminar's host and visiting peers, a local
-- challenge's question and scope, a public event's event and representatives), as the JSON of
-- the domain's `Specifics`; and the records an activity produces (the Lab's assessment, the
-- practices documented), each linked once.
ALTER TABLE programme_activities ADD COLUMN specifics TEXT NOT NULL DEFAULT '{"kind":"none"}';
CREATE TABLE programme_activity_links (
    id {id},
    activity_id BIGINT NOT NULL REFERENCES programme_activities (id) ON DELETE CASCADE,
    record_kind TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (activity_id, record_kind, record_id)
);
CREATE INDEX programme_activity_links_record ON programme_activity_links (record_kind, record_id)
