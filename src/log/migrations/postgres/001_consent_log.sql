-- The decisions, one row each; a withdrawal is a new row. Partitioned by month of the decision, so that
-- retention drops whole partitions. The key is the consent id and the decision's time (it holds the
-- partition key, as PostgreSQL requires), so the same beacon twice is one row (ON CONFLICT DO NOTHING).
CREATE TABLE consent_log (
  consent_id  text        NOT NULL,
  decided_at  timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  revision    integer     NOT NULL,
  notice      text,
  mode        text        NOT NULL,
  source      text        NOT NULL,
  analytics   boolean,
  marketing   boolean,
  functional  boolean,
  page_path   text        NOT NULL,
  language    text,
  ip_prefix   text,
  user_agent  text,
  PRIMARY KEY (consent_id, decided_at)
) PARTITION BY RANGE (decided_at);

-- The per-day counts and the latest rows read by time (each partition gets them).
CREATE INDEX consent_log_decided_at ON consent_log (decided_at);
CREATE INDEX consent_log_received_at ON consent_log (received_at);
