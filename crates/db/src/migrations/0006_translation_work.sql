-- How much translation work each practice has in each language (texts missing, in draft or
-- outdated), written with every write of its content, so that the translators' queue is a
-- paged query instead of a read of every practice. -1: not counted yet (rows written before
-- this migration; `practices::count_translation_work` counts them at start).
ALTER TABLE practices ADD COLUMN work_en INTEGER NOT NULL DEFAULT -1;
ALTER TABLE practices ADD COLUMN work_fr INTEGER NOT NULL DEFAULT -1;
ALTER TABLE practices ADD COLUMN work_es INTEGER NOT NULL DEFAULT -1;
CREATE INDEX practices_work_en ON practices (work_en, id);
CREATE INDEX practices_work_fr ON practices (work_fr, id);
CREATE INDEX practices_work_es ON practices (work_es, id);
