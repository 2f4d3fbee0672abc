-- A Leading City's showcase: the entries its editors add (documents, videos, resources, each a
-- link with the languages it exists in), in their order, and an introduction per language; each
-- waits for the secretariat's approval ('proposed') before the public sees it ('approved').
CREATE TABLE showcase_entries (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    url TEXT NOT NULL,
    languages TEXT NOT NULL,
    position BIGINT NOT NULL,
    approval TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX showcase_entries_city ON showcase_entries (city_id, position);
CREATE TABLE showcase_intros (
    city_id BIGINT PRIMARY KEY REFERENCES cities (id) ON DELETE CASCADE,
    intro_en TEXT NOT NULL,
    intro_fr TEXT NOT NULL,
    intro_es TEXT NOT NULL,
    approval TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
)
