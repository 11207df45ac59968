-- Two-step verification: the shared secret of a user's authenticator app (base32), and the
-- last time step a code was accepted for, so that no code is accepted twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
