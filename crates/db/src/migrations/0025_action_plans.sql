-- An action plan's items and their progress updates. A plan is an output of kind action_plan
-- (its city, programme, activity and visibility are the output's); its items are kept here in
-- order, each with its record as JSON (titles, description, people, dates, budget, the fields,
-- SDGs and targets it addresses), its status and progress, and a revision for concurrent edits.
CREATE TABLE action_plan_items (
    id {id},
    output_id BIGINT NOT NULL REFERENCES outputs (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    record TEXT NOT NULL,
    status TEXT NOT NULL,
    progress INTEGER NOT NULL,
    revision BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- One item per place: two items added at once to one plan cannot take the same place.
CREATE UNIQUE INDEX action_plan_items_output ON action_plan_items (output_id, position);
-- A dated update of an item, with its evidence: a link, a file of the plan, or a good practice
-- of the platform.
CREATE TABLE action_plan_updates (
    id {id},
    item_id BIGINT NOT NULL REFERENCES action_plan_items (id) ON DELETE CASCADE,
    on_day DATE NOT NULL,
    note TEXT NOT NULL,
    link TEXT,
    practice_id BIGINT REFERENCES practices (id) ON DELETE SET NULL,
    file_id BIGINT REFERENCES output_files (id) ON DELETE SET NULL,
    status TEXT,
    progress INTEGER,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX action_plan_updates_item ON action_plan_updates (item_id, on_day);
-- Removing a practice or a file clears it from the updates that gave it as evidence.
CREATE INDEX action_plan_updates_practice ON action_plan_updates (practice_id);
CREATE INDEX action_plan_updates_file ON action_plan_updates (file_id)
