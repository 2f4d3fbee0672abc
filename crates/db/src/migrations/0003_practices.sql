-- Good practices (the OBS): the keyword thesaurus, practices with their cities, the review's
-- comments and steps, and the search change log every process's index catches up from.
CREATE TABLE keywords (
    key TEXT PRIMARY KEY,
    labels TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE practices (
    id {id},
    slug TEXT NOT NULL UNIQUE,
    external_id TEXT UNIQUE,
    stage TEXT NOT NULL,
    record TEXT NOT NULL,
    featured BOOLEAN NOT NULL DEFAULT FALSE,
    newsletter_on DATE,
    published_at TIMESTAMPTZ,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX practices_stage ON practices (stage, published_at);
CREATE TABLE practice_cities (
    practice_id BIGINT NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (practice_id, city_id)
);
CREATE INDEX practice_cities_city ON practice_cities (city_id);
CREATE TABLE practice_comments (
    id {id},
    practice_id BIGINT NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    author_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    step TEXT,
    from_stage TEXT,
    to_stage TEXT,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX practice_comments_practice ON practice_comments (practice_id, id);
CREATE TABLE search_changes (
    id {id},
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
