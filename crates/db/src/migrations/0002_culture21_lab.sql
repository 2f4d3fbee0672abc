-- Frameworks as versioned data: the canonical TOML file is the source of truth of a version
CREATE TABLE framework_versions (
    id {id},
    framework_key TEXT NOT NULL,
    version TEXT NOT NULL,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    checksum TEXT NOT NULL,
    frozen BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (framework_key, version)
);
-- Benchmark sets: reference values per field (Global Panel average, network average…)
CREATE TABLE benchmark_sets (
    id {id},
    framework_key TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    field_values TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (framework_key, key)
);
-- Culture 21 Lab self-assessments
CREATE TABLE assessments (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id),
    framework_version_id BIGINT NOT NULL REFERENCES framework_versions (id),
    module TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    languages TEXT NOT NULL,
    visibility TEXT NOT NULL,
    status TEXT NOT NULL,
    key_ideas TEXT NOT NULL DEFAULT '',
    revision BIGINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    closed_at TIMESTAMPTZ
);
CREATE INDEX assessments_city ON assessments (city_id, starts_on);
CREATE TABLE assessment_facilitators (
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (assessment_id, user_id)
);
CREATE INDEX assessment_facilitators_user ON assessment_facilitators (user_id);
CREATE TABLE invitations (
    id {id},
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX invitations_assessment ON invitations (assessment_id);
CREATE TABLE responses (
    invitation_id BIGINT PRIMARY KEY REFERENCES invitations (id) ON DELETE CASCADE,
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    sector TEXT NOT NULL,
    name TEXT,
    name_consent BOOLEAN NOT NULL,
    answers TEXT NOT NULL,
    comments TEXT NOT NULL,
    submitted BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX responses_assessment ON responses (assessment_id);
CREATE TABLE consensus_scores (
    assessment_id BIGINT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    score TEXT NOT NULL,
    justification TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assessment_id, field)
);
-- Outputs of a city's activities (reports…), each with its visibility
CREATE TABLE outputs (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id),
    kind TEXT NOT NULL,
    assessment_id BIGINT REFERENCES assessments (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    visibility TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (kind, assessment_id)
);
CREATE INDEX outputs_city ON outputs (city_id);
