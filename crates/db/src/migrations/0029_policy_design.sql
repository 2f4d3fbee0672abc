-- A policy-design workshop held around an action plan (an output of kind action_plan): the
-- fields the room works on (a JSON array of framework:field), open or closed, and the key ideas
-- its facilitators record.
CREATE TABLE policy_design_workshops (
    output_id BIGINT PRIMARY KEY REFERENCES outputs (id) ON DELETE CASCADE,
    fields TEXT NOT NULL,
    status TEXT NOT NULL,
    key_ideas TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- A participant's link (only its hash is kept): no account is needed to propose ideas.
CREATE TABLE policy_design_links (
    id {id},
    output_id BIGINT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
-- An idea proposed for a field, and the cluster facilitators grouped it into.
CREATE TABLE policy_design_ideas (
    id {id},
    output_id BIGINT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
    link_id BIGINT REFERENCES policy_design_links (id) ON DELETE SET NULL,
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    cluster TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX policy_design_ideas_output ON policy_design_ideas (output_id, id);
CREATE INDEX policy_design_ideas_link ON policy_design_ideas (link_id)
