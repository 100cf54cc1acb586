-- Transactional outbox: one row per alert, written in the same transaction as the change it reports, so a
-- rolled-back change leaves no event and a committed one is never lost. The row is the source of truth; the
-- NOTIFY below (delivered by PostgreSQL only on commit) just wakes up listeners on any replica.
CREATE TABLE outbox_event (
    id          uuid PRIMARY KEY,
    seq         bigserial NOT NULL UNIQUE,
    kind        text NOT NULL,
    occurred_at timestamptz NOT NULL,
    entity_type text NOT NULL,
    entity_id   text NOT NULL,
    -- the countries the event concerns (the parties of the agreement, for a commitment also its obligor)
    countries   text[] NOT NULL,
    -- the same rules as the data: PUBLIC (any authenticated caller), COALITION, PARTIES (parties and admins)
    visibility  text NOT NULL CHECK (visibility IN ('PUBLIC', 'COALITION', 'PARTIES')),
    parties     text[] NOT NULL DEFAULT '{}',
    payload     jsonb NOT NULL
);

CREATE INDEX outbox_event_occurred_at ON outbox_event (occurred_at);

CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('lodestone_outbox', NEW.id::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION outbox_event_notify();

-- The status the daily evaluation last alerted for each commitment: AT_RISK and OVERDUE are alerted once per
-- commitment and status, however many evaluators run (the row is written in the transaction of the alert).
CREATE TABLE commitment_alert_state (
    commitment_id text PRIMARY KEY REFERENCES commitment (id),
    status        text NOT NULL,
    alerted_at    timestamptz NOT NULL
);
