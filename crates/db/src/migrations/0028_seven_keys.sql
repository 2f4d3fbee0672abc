-- A city's cultural assets (places, institutions, communities, practices, events): the
-- inventory a Seven Keys workshop relates local challenges to.
CREATE TABLE cultural_assets (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cultural_assets_city ON cultural_assets (city_id, kind, name);
-- A Seven Keys workshop of a programme (and of its activity): its day and language, open or
-- closed, the draft action plan its keys became, its public article (JSON: title and body in
-- the languages written, and whether it is published; published_at while it is listed) and the
-- output it was filed as when first published (once).
CREATE TABLE seven_keys_workshops (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    activity_id BIGINT REFERENCES programme_activities (id) ON DELETE SET NULL,
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    held_on DATE NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    plan_output_id BIGINT REFERENCES outputs (id) ON DELETE SET NULL,
    article TEXT,
    published_at TIMESTAMPTZ,
    article_output_id BIGINT REFERENCES outputs (id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX seven_keys_workshops_programme ON seven_keys_workshops (programme_id);
-- The public page lists the published articles, newest first.
CREATE INDEX seven_keys_workshops_published ON seven_keys_workshops (published_at);
-- A participant's link (only its hash is kept): no account is needed to name challenges.
CREATE TABLE seven_keys_invitations (
    id {id},
    workshop_id BIGINT NOT NULL REFERENCES seven_keys_workshops (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
-- A local challenge a participant named, with its SDGs and assets (JSON arrays), and the theme
-- facilitators clustered it into.
CREATE TABLE seven_keys_challenges (
    id {id},
    workshop_id BIGINT NOT NULL REFERENCES seven_keys_workshops (id) ON DELETE CASCADE,
    invitation_id BIGINT REFERENCES seven_keys_invitations (id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    sdgs TEXT NOT NULL,
    assets TEXT NOT NULL,
    theme TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX seven_keys_challenges_workshop ON seven_keys_challenges (workshop_id, id);
CREATE INDEX seven_keys_challenges_invitation ON seven_keys_challenges (invitation_id);
-- The keys the group agreed on, in order (JSON: title, commitment, actors, SDGs, challenges).
CREATE TABLE seven_keys_keys (
    id {id},
    workshop_id BIGINT NOT NULL REFERENCES seven_keys_workshops (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX seven_keys_keys_workshop ON seven_keys_keys (workshop_id, position)
