-- The Leading Cities' events calendar (activity 1, representation): events, the availability
-- requests the secretariat sends a city for an event (one per city and event, a deadline, the
-- city's answer and a revision for optimistic concurrency), the reminders sent (one per
-- request and day at most), and who is confirmed to represent the Commission.
CREATE TABLE events (
    id {id},
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    place TEXT NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    link TEXT,
    description TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_days ON events (starts_on, ends_on);
CREATE TABLE event_requests (
    id {id},
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    deadline DATE NOT NULL,
    availability TEXT,
    representative_name TEXT NOT NULL,
    representative_position TEXT NOT NULL,
    comment TEXT NOT NULL,
    answered_at TIMESTAMPTZ,
    revision BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, city_id)
);
CREATE INDEX event_requests_city ON event_requests (city_id, deadline);
CREATE TABLE event_reminders (
    id {id},
    request_id BIGINT NOT NULL REFERENCES event_requests (id) ON DELETE CASCADE,
    on_day DATE NOT NULL,
    recipients BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (request_id, on_day)
);
CREATE TABLE event_representatives (
    id {id},
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    city_id BIGINT NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_representatives_event ON event_representatives (event_id);
CREATE INDEX event_representatives_city ON event_representatives (city_id)
