-- Notices of work arriving for a person (a practice to review, sent back, approved,
-- published, a translation needed, a workshop to facilitate): one row per recipient, read
-- or not; and, per person and kind, whether it is also emailed (yes unless turned off).
CREATE TABLE notifications (
    id {id},
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    read_at TIMESTAMPTZ
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE TABLE notification_settings (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    email BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, kind)
)
