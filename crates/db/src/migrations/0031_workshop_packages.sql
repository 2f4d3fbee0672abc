-- Workshop packages: a workshop taken to a room without internet. On the platform, one row per
-- package made for a laptop (the key its results must be signed with, and the key ideas as they
-- left, to tell what the room changed); on the laptop, one row per package opened there (the
-- workshop it became here, and the platform's id of it).
CREATE TABLE workshop_packages (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    workshop_id BIGINT NOT NULL,
    signing_key TEXT NOT NULL,
    opened BOOLEAN NOT NULL,
    remote_workshop_id BIGINT,
    origin TEXT NOT NULL,
    base TEXT NOT NULL,
    made_by BIGINT REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX workshop_packages_workshop ON workshop_packages (kind, workshop_id);
-- Results already merged, by their signature: the same file twice changes nothing.
CREATE TABLE workshop_package_imports (
    package_id TEXT NOT NULL REFERENCES workshop_packages (id) ON DELETE CASCADE,
    signature TEXT NOT NULL,
    summary TEXT NOT NULL,
    imported_by BIGINT REFERENCES users (id),
    imported_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (package_id, signature)
);
-- What a package's items became on this instance: the reference the package gives an item
-- (`challenge:l34`, `asset:p12`) and the item's id here, so that results merge once.
CREATE TABLE workshop_package_items (
    package_id TEXT NOT NULL REFERENCES workshop_packages (id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    here_id BIGINT NOT NULL,
    PRIMARY KEY (package_id, item)
)
