-- Banners on the home page: a published practice shown with one of its uploaded images (by its
-- address; its alt text is the image's description) and a short text per language, between two
-- days (both shown).
CREATE TABLE banners (
    id {id},
    practice_id BIGINT NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    image TEXT,
    text_en TEXT NOT NULL,
    text_fr TEXT NOT NULL,
    text_es TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX banners_days ON banners (ends_on, starts_on)
