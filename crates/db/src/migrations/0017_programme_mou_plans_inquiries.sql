-- A programme's memorandum of understanding (one per programme, its signatories as JSON text,
-- the titles of its language versions, a revision), the signed documents of its language
-- versions (kept in the database like output files), a plan per year of the period (with a
-- revision), and the inquiries a city sends the secretariat with their answers.
CREATE TABLE programme_mous (
    id {id},
    programme_id BIGINT NOT NULL UNIQUE REFERENCES programmes (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    signatories TEXT NOT NULL,
    signed_on DATE,
    summary TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    title_es TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE programme_mou_files (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_by_label TEXT NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    bytes {blob} NOT NULL
);
CREATE INDEX programme_mou_files_programme ON programme_mou_files (programme_id, lang);
CREATE TABLE programme_plans (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    objectives TEXT NOT NULL,
    activities TEXT NOT NULL,
    status TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (programme_id, year)
);
CREATE TABLE programme_inquiries (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL,
    asked_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    asked_by_label TEXT NOT NULL,
    asked_at TIMESTAMPTZ NOT NULL,
    answer TEXT NOT NULL,
    answered_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    answered_by_label TEXT,
    answered_at TIMESTAMPTZ,
    revision BIGINT NOT NULL
);
CREATE INDEX programme_inquiries_programme ON programme_inquiries (programme_id, asked_at);
CREATE INDEX programme_inquiries_status ON programme_inquiries (status)
