DROP TABLE scheduler_lease;
DROP TABLE mail_outbox;
DROP TABLE notifications;
