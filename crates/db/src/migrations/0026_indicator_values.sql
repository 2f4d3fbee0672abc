-- A city's values of indicators. A series is one city's record of one indicator (named by its
-- `framework:indicator` reference): its unit, baseline and target, its visibility (the values
-- are seen as the series is) and where its figures come from, with a revision for concurrent
-- edits. Each value is one observation: a year, a breakdown (a JSON object of breakdown names
-- and categories, `{}` for the whole), the value, its source and a note.
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
    updated_at TIMESTAMPTZ NOT NULL
);
-- One series per city and indicator: two first values entered at once make one series.
CREATE UNIQUE INDEX indicator_series_city ON indicator_series (city_id, indicator);
CREATE TABLE indicator_values (
    id {id},
    series_id BIGINT NOT NULL REFERENCES indicator_series (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    breakdown TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    source TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- One value per year and breakdown of a series; a new one replaces it.
CREATE UNIQUE INDEX indicator_values_key ON indicator_values (series_id, year, breakdown)
