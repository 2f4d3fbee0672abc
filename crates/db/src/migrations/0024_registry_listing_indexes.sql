-- The registry's listings by region and by country, in name order, read a page's ids from an
-- index alone (the id in the index too, as PostgreSQL needs for an index-only scan), then only
-- those rows: a deep page skips index entries, not whole rows.
CREATE INDEX cities_region_name ON cities (region, sort_name, id);
CREATE INDEX cities_country_name ON cities (country, sort_name, id);
DROP INDEX cities_region;
DROP INDEX cities_country
