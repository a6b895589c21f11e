-- How long each step's snapshot waited for the page to settle, and what it waited for
-- ("dom quiet", "2 requests in flight", "timed out: dom still changing").
ALTER TABLE steps ADD COLUMN settle_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE steps ADD COLUMN settle_waited_for VARCHAR(200);
