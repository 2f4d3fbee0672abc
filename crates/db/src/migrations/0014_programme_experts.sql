-- The roster of experts the Leading Cities' secretariat calls on (languages, fields and themes as
-- JSON lists of text; the account that is theirs, at most one expert per account) and their
-- engagement on a programme's activities (a role, days, a fee in integer minor units of its
-- currency, a note), each with its revision.
CREATE TABLE experts (
    id {id},
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    email TEXT,
    languages TEXT NOT NULL,
    fields TEXT NOT NULL,
    themes TEXT NOT NULL,
    biography TEXT NOT NULL,
    user_id BIGINT UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE expert_engagements (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    activity_id BIGINT NOT NULL REFERENCES programme_activities (id) ON DELETE CASCADE,
    expert_id BIGINT NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    fee_currency TEXT,
    fee_minor BIGINT,
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX expert_engagements_activity ON expert_engagements (activity_id, starts_on);
CREATE INDEX expert_engagements_expert ON expert_engagements (expert_id, starts_on)
