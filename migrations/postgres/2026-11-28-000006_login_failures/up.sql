-- Failed logins for throttling: per account ("user:<id>") and per client address
-- ("ip:<sha-256 of the address>", so no address is stored in clear).
CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    throttle_key TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (throttle_key, at);
