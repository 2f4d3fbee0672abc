-- Personal API tokens carry a scope (`read`: GET and HEAD only; `write`: everything the
-- owner's roles allow) and an expiry. Tokens made before this migration keep writing and
-- expire a year after they were made (read as such when `expires_at` is empty).
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ;
