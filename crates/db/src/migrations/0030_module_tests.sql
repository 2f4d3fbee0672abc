-- A seminar that tests a thematic module of a framework version for a Leading City's
-- programme: open or closed, and the framework version its accepted proposals became.
CREATE TABLE module_tests (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    activity_id BIGINT REFERENCES programme_activities (id) ON DELETE SET NULL,
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    framework_version_id BIGINT NOT NULL REFERENCES framework_versions (id),
    module_key TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    revised_version_id BIGINT REFERENCES framework_versions (id) ON DELETE SET NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX module_tests_programme ON module_tests (programme_id);
-- A participant's link (only its hash is kept): no account is needed to propose.
CREATE TABLE module_test_links (
    id {id},
    test_id BIGINT NOT NULL REFERENCES module_tests (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
-- A proposal (JSON: the item, what it asks, its texts by language, its comment) and the
-- secretariat's decision on it.
CREATE TABLE module_test_proposals (
    id {id},
    test_id BIGINT NOT NULL REFERENCES module_tests (id) ON DELETE CASCADE,
    link_id BIGINT REFERENCES module_test_links (id) ON DELETE SET NULL,
    record TEXT NOT NULL,
    decision TEXT NOT NULL,
    decided_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX module_test_proposals_test ON module_test_proposals (test_id, id);
CREATE INDEX module_test_proposals_link ON module_test_proposals (link_id)
