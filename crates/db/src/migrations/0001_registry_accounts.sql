-- Reference data (bundled, idempotently loaded at start)
CREATE TABLE networks (
    key TEXT PRIMARY KEY,
    parent TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    creative_fields BOOLEAN NOT NULL DEFAULT FALSE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE regions (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE creative_fields (
    key TEXT PRIMARY KEY,
    since INTEGER NOT NULL,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sdgs (
    number INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
-- The member registry
CREATE TABLE cities (
    id {id},
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL REFERENCES regions (key),
    population BIGINT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    website TEXT,
    description TEXT,
    search_text TEXT NOT NULL,
    is_example BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cities_sort_name ON cities (sort_name, id);
CREATE INDEX cities_country ON cities (country, sort_name);
CREATE INDEX cities_region ON cities (region, sort_name);
CREATE TABLE memberships (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    network TEXT NOT NULL REFERENCES networks (key),
    role TEXT NOT NULL,
    started_on DATE NOT NULL,
    ended_on DATE,
    creative_field TEXT REFERENCES creative_fields (key),
    designation_year INTEGER,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX memberships_city ON memberships (city_id);
CREATE INDEX memberships_network ON memberships (network, city_id);
CREATE INDEX memberships_field ON memberships (creative_field, city_id);
CREATE TABLE focal_points (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX focal_points_city ON focal_points (city_id);
-- Accounts, roles, sessions
CREATE TABLE users (
    id {id},
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT,
    locale TEXT,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE grants (
    id {id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    network TEXT REFERENCES networks (key),
    city_id BIGINT REFERENCES cities (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX grants_user ON grants (user_id);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
    id {id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ
);
CREATE TABLE one_time_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    email TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);
CREATE TABLE login_failures (
    email TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL
);
-- Audit log and settings
CREATE TABLE audit_log (
    id {id},
    at TIMESTAMPTZ NOT NULL,
    actor_id BIGINT,
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
