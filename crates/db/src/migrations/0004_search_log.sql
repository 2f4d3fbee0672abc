-- The search change log's pruning mark: changes up to `pruned_through` may have been removed, so
-- an index that has applied less than that rebuilds from the database instead of catching up.
CREATE TABLE search_log (
    id BIGINT PRIMARY KEY,
    pruned_through BIGINT NOT NULL,
    pruned_at TIMESTAMPTZ
);
INSERT INTO search_log (id, pruned_through) VALUES (1, 0);
CREATE INDEX search_changes_created ON search_changes (created_at);
