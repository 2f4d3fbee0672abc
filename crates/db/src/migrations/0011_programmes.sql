-- The Leading Cities programme: a tailored programme per Leading City (its period, with the
-- reason when shorter than the two years the terms advise; its status; the priorities agreed;
-- a revision for optimistic concurrency), and the log of consultations between the city and
-- the secretariat.
CREATE TABLE programmes (
    id {id},
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    short_reason TEXT,
    status TEXT NOT NULL,
    priorities TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX programmes_city ON programmes (city_id, starts_on);
CREATE TABLE programme_consultations (
    id {id},
    programme_id BIGINT NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    held_on DATE NOT NULL,
    city_people TEXT NOT NULL,
    secretariat_people TEXT NOT NULL,
    notes TEXT NOT NULL,
    decisions TEXT NOT NULL,
    follow_ups TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX programme_consultations_programme ON programme_consultations (programme_id, held_on)
