-- The newsletter's issues: a title and an editorial per language, the items carried (JSON list of
-- `kind:id`), and, once sending starts, the editions frozen per language (JSON) that the mails
-- and the archive show. One delivery row per issue and subscriber, made when sending starts:
-- the unique pair is what keeps any subscriber from getting two copies, and the outbox file of a
-- copy is named after its row. The process sending an issue holds a lease on it (`lease_by`
-- until `lease_until`, renewed every batch), so that two servers on one database never send the
-- same issue at once. Practices get a dissemination log like the outputs'.
CREATE TABLE newsletter_issues (
    id {id},
    status TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    title_es TEXT NOT NULL,
    editorial_en TEXT NOT NULL,
    editorial_fr TEXT NOT NULL,
    editorial_es TEXT NOT NULL,
    items TEXT NOT NULL,
    editions TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    sending_started_at TIMESTAMPTZ,
    sent_at TIMESTAMPTZ,
    lease_by TEXT,
    lease_until TIMESTAMPTZ
);
CREATE INDEX newsletter_issues_status ON newsletter_issues (status, sent_at);
CREATE TABLE newsletter_deliveries (
    id {id},
    issue_id BIGINT NOT NULL REFERENCES newsletter_issues (id) ON DELETE CASCADE,
    subscriber_id BIGINT NOT NULL REFERENCES newsletter_subscribers (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    error TEXT,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (issue_id, subscriber_id)
);
CREATE INDEX newsletter_deliveries_queue ON newsletter_deliveries (issue_id, status, id);
CREATE TABLE practice_disseminations (
    id {id},
    practice_id BIGINT NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    on_day DATE NOT NULL,
    link TEXT,
    lang TEXT,
    note TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX practice_disseminations_practice ON practice_disseminations (practice_id, on_day)
