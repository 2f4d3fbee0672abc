-- Files of a programme's outputs (documents and images, kept in the database like practice
-- media), and the links that share one outside the platform: a random token kept only as its
-- SHA-256, an expiry, a revocation, and every use.
CREATE TABLE output_files (
    id {id},
    output_id BIGINT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at TIMESTAMPTZ NOT NULL,
    bytes {blob} NOT NULL
);
CREATE INDEX output_files_output ON output_files (output_id);
CREATE TABLE output_share_links (
    id {id},
    file_id BIGINT NOT NULL REFERENCES output_files (id) ON DELETE CASCADE,
    token_sha256 TEXT NOT NULL UNIQUE,
    note TEXT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    revoked_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX output_share_links_file ON output_share_links (file_id);
CREATE TABLE output_share_link_uses (
    id {id},
    link_id BIGINT NOT NULL REFERENCES output_share_links (id) ON DELETE CASCADE,
    used_at TIMESTAMPTZ NOT NULL,
    answered TEXT NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE INDEX output_share_link_uses_link ON output_share_link_uses (link_id, used_at)
