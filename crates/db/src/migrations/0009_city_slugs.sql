-- A city's earlier slugs, which keep leading to it (city pages redirect from them). The next
-- start makes again, by transliteration, the slugs made by the old rule (İzmir was `i-zmir`),
-- and folds the cities' search text again (the dotted İ now folds to i).
CREATE TABLE city_slugs (
    slug TEXT PRIMARY KEY,
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX city_slugs_city ON city_slugs (city_id);
INSERT INTO settings (key, value) VALUES ('city_slugs_to_refresh', '1')
