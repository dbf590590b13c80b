-- The decisions, one row each; a withdrawal is a new row. The key is the consent id and the decision's
-- time, so the same beacon twice is one row (inserted with ON CONFLICT DO NOTHING).
CREATE TABLE consent_log (
  consent_id  TEXT    NOT NULL,
  decided_at  INTEGER NOT NULL, -- ms since 1970, UTC
  received_at INTEGER NOT NULL,
  revision    INTEGER NOT NULL,
  notice      TEXT,
  mode        TEXT    NOT NULL,
  source      TEXT    NOT NULL,
  analytics   INTEGER,          -- 1 granted, 0 denied, NULL not part of the decision
  marketing   INTEGER,
  functional  INTEGER,
  page_path   TEXT    NOT NULL,
  language    TEXT,
  ip_prefix   TEXT,
  user_agent  TEXT,
  PRIMARY KEY (consent_id, decided_at)
) WITHOUT ROWID;

-- Retention and the per-day counts read by time.
CREATE INDEX consent_log_decided_at ON consent_log (decided_at);
CREATE INDEX consent_log_received_at ON consent_log (received_at);
