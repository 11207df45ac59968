-- The language each user has chosen for pages and e-mails (sv or en), and an optional
-- work e-mail address for notifications. The address is contact data of a civil
-- servant in their role, not data about identity misuse.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'sv';
ALTER TABLE users ADD COLUMN email TEXT;
