-- Files uploaded for good practices (photos, documents), kept in the database so that every
-- server process sharing it serves them. The bytes are BLOB on SQLite, BYTEA on PostgreSQL.
CREATE TABLE practice_media (
    id {id},
    practice_id BIGINT NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    bytes {blob} NOT NULL
);
CREATE INDEX practice_media_practice ON practice_media (practice_id);
