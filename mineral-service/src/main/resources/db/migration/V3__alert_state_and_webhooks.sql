-- A control's date (YYYY-MM-DD, or YYYY-MM counted from the first of the month) as a day, like ControlPeriod.start.
CREATE FUNCTION control_day(text) RETURNS date STABLE LANGUAGE sql AS $$
    SELECT CASE WHEN $1 IS NULL THEN NULL WHEN length($1) = 7 THEN to_date($1, 'YYYY-MM') ELSE to_date($1, 'YYYY-MM-DD') END
$$;

-- EXPORT_CONTROL_ENDED: one row per control whose end was alerted, written in the alert's transaction; the primary
-- key makes a second evaluation (another replica, a later run) skip it.
CREATE TABLE export_control_end_alert (
    control_id text PRIMARY KEY REFERENCES export_control (id),
    event_id   uuid NOT NULL REFERENCES outbox_event (id)
);

-- PRICE_MOVE: the change last alerted per control, mineral and direction; a new alert needs a change at least one
-- threshold further (see PriceMoveDetector).
CREATE TABLE price_move_alert (
    control_id text NOT NULL REFERENCES export_control (id),
    mineral_id text NOT NULL REFERENCES mineral (id),
    direction  text NOT NULL CHECK (direction IN ('UP', 'DOWN')),
    change_pct numeric NOT NULL,
    PRIMARY KEY (control_id, mineral_id, direction)
);

-- Signed webhooks for the outbox's events: the tables of the shared engine (org.lodestone.support.webhook), the same
-- in every service that has webhooks. Secrets are stored sealed under a key outside this database.
CREATE TABLE webhook (
    id uuid PRIMARY KEY, url text NOT NULL, kinds text[] NOT NULL,
    countries text[] NOT NULL, -- empty: any country (admins only)
    owner_country text,        -- null for an admin's webhook
    created_by text NOT NULL, created_at timestamptz NOT NULL, secret text NOT NULL
);
CREATE TABLE webhook_fanout_queue (event_id uuid PRIMARY KEY REFERENCES outbox_event (id));
CREATE FUNCTION webhook_fanout_enqueue() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN INSERT INTO webhook_fanout_queue (event_id) VALUES (NEW.id); RETURN NEW; END $$;
CREATE TRIGGER webhook_fanout_enqueue AFTER INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION webhook_fanout_enqueue();
CREATE TABLE webhook_delivery (
    id uuid PRIMARY KEY, webhook_id uuid NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES outbox_event (id), event_kind text NOT NULL, body text NOT NULL,
    state text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')), created_at timestamptz NOT NULL,
    next_attempt_at timestamptz, attempts integer NOT NULL DEFAULT 0, completed_at timestamptz,
    UNIQUE (event_id, webhook_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_of_webhook ON webhook_delivery (webhook_id, created_at);
CREATE TABLE webhook_attempt (
    delivery_id uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE, attempt integer NOT NULL,
    attempted_at timestamptz NOT NULL, http_status integer, response_excerpt text, error text,
    duration_ms integer NOT NULL, PRIMARY KEY (delivery_id, attempt)
);
