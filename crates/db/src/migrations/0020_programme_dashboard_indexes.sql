-- What the programme dashboard reads at hundreds of programmes, each answered from an index
-- rather than a scan: the activities of a span of days, the public outputs not disseminated
-- yet (counted from the index alone, listed oldest first), and the language versions waiting
-- for translation in the order they were asked for (a page at a time).
CREATE INDEX programme_activities_days ON programme_activities (starts_on, ends_on);
CREATE INDEX outputs_visibility ON outputs (visibility, updated_at, id);
CREATE INDEX outputs_visibility_programme ON outputs (visibility, programme_id, id);
CREATE INDEX output_versions_status ON output_versions (status, id)
