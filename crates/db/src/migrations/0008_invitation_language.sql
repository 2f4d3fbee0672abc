-- A workshop invitation carries the language its link, QR code and email are in; a salt from
-- which the server derives the token again (with the instance's key) so that a facilitator
-- can reprint or resend a link without the database keeping any token; and when it was
-- revoked. Invitations made before: language '' (the assessment's first), no salt (their
-- link cannot be printed again).
ALTER TABLE invitations ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN salt TEXT NOT NULL DEFAULT '';
ALTER TABLE invitations ADD COLUMN revoked_at TIMESTAMPTZ;
