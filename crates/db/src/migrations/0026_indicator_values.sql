-- A city's values of indicators. A series is one city's record of one indicator (named by its
-- `framework:indicator` reference): its unit, baseline and target, its visibility (the values
-- are seen as the series is), where its figures come from, and a revision for concurrent edits
-- of these settings. Its values are read and written together, so they are kept with it as one
-- JSON array (`observations`: each with its id in the series, year, breakdown — an object of
-- breakdown names and categories, `{}` for the whole — value, source, note and when it was
-- set), with their own revision: a write made on values that changed meanwhile is refused.
CREATE TABLE indicator_series (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline_year INTEGER,
    baseline_value DOUBLE PRECISION,
    target_year INTEGER,
    target_value DOUBLE PRECISION,
    visibility TEXT NOT NULL,
    source TEXT NOT NULL,
    revision BIGINT NOT NULL,
    observations TEXT NOT NULL,
    values_revision BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- One series per city and indicator: two first values entered at once make one series.
CREATE UNIQUE INDEX indicator_series_city ON indicator_series (city_id, indicator)
