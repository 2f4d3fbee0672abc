-- The bimonthly newsletter's subscribers, with double opt-in: a subscription waits for its
-- confirmation link to be followed (status 'pending') before anything is sent to it. The link's
-- token is derived from `link_salt` under the instance's key (confirmation and unsubscribe links
-- can be written again for every issue) and looked up by its hash. `consent` says how consent
-- was given: the public form, or the note given with an imported list.
CREATE TABLE newsletter_subscribers (
    id {id},
    email TEXT NOT NULL UNIQUE,
    lang TEXT NOT NULL,
    interests TEXT NOT NULL,
    status TEXT NOT NULL,
    link_salt TEXT NOT NULL,
    link_hash TEXT NOT NULL UNIQUE,
    consent TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    confirmation_sent_at TIMESTAMPTZ,
    confirmed_at TIMESTAMPTZ,
    unsubscribed_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX newsletter_subscribers_status ON newsletter_subscribers (status, lang);
