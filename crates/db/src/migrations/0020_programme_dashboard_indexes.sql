-- What the programme dashboard reads at hundreds of programmes, each answered from an index
-- rather than a scan: the activities of a span of days, the budget summed by funder and
-- currency (covering: the sums read the index alone), the public outputs not disseminated yet
-- oldest first, and the language versions waiting for translation oldest first.
CREATE INDEX programme_activities_days ON programme_activities (starts_on, ends_on);
CREATE INDEX budget_lines_funder ON budget_lines (funder, currency, programme_id, planned, committed, spent);
CREATE INDEX budget_lines_currency ON budget_lines (programme_id, currency, planned, committed, spent);
CREATE INDEX outputs_visibility ON outputs (visibility, updated_at, id);
CREATE INDEX output_versions_status ON output_versions (status, updated_at)
