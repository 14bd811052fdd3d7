-- One-time-password secrets are stored sealed (AES-GCM, with a key kept outside the database and
-- bound to the account), and recovery codes hashed with a key kept outside the database too. A
-- secret stored plain by an earlier version is sealed by the application on its next start; a
-- recovery code hashed plain by an earlier version still works once and is marked as such.

ALTER TABLE second_factor DROP CONSTRAINT second_factor_secret_base32;
ALTER TABLE second_factor ALTER COLUMN secret TYPE VARCHAR(200);
ALTER TABLE second_factor ADD CONSTRAINT second_factor_secret_sealed
    CHECK (secret ~ '^v1:[A-Za-z0-9+/]{60,180}={0,2}$' OR secret ~ '^[A-Z2-7]{32,64}$');

ALTER TABLE recovery_code ADD COLUMN keyed BOOLEAN NOT NULL DEFAULT false;
