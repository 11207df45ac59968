-- Notifications (meddelanden): one row per recipient and event. The text is stored as a
-- catalogue key and its arguments (JSON), so the list is rendered in the reader's current
-- language; never free text from users. `dedupe_key` makes an event that may be attempted
-- more than once (a deadline reminder, by whichever instance leads) exist only once.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    message_key TEXT NOT NULL,
    args TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP,
    dedupe_key TEXT UNIQUE
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, read_at);
-- E-mail to send, written in the same transaction as the notification (an outbox): the
-- scheduler's leader sends it later, never a request. `next_attempt_at` is the back-off
-- and the claim of the instance sending it.
CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    notification_id BIGINT NOT NULL REFERENCES notifications(id),
    to_address TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_notification ON mail_outbox (notification_id);
-- The background scheduler's leader: the instance whose lease has not expired. Every
-- instance tries `UPDATE … WHERE holder = me OR expires_at < now`; one row, one winner.
CREATE TABLE scheduler_lease (
    name TEXT PRIMARY KEY NOT NULL,
    holder TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
INSERT INTO scheduler_lease (name, holder, expires_at) VALUES ('scheduler', '', '1970-01-01 00:00:00');
