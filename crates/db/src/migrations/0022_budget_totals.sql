-- A programme's budget summed by funder and currency, kept by every budget write in its own
-- transaction, so that the dashboards sum a few rows per programme instead of every line;
-- filled here from the lines already there.
CREATE TABLE budget_totals (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    funder TEXT NOT NULL,
    currency TEXT NOT NULL,
    planned BIGINT NOT NULL,
    committed BIGINT NOT NULL,
    spent BIGINT NOT NULL,
    UNIQUE (programme_id, funder, currency)
);
INSERT INTO budget_totals (programme_id, funder, currency, planned, committed, spent)
    SELECT programme_id, funder, currency, CAST(SUM(planned) AS BIGINT), CAST(SUM(committed) AS BIGINT), CAST(SUM(spent) AS BIGINT)
    FROM budget_lines GROUP BY programme_id, funder, currency
