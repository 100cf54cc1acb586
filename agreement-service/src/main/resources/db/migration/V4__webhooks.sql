-- Signed webhooks for the outbox's events (the delivery engine is org.lodestone.support.webhook).

-- A registered webhook. The secret is stored sealed (AES-256-GCM under a key from the service's configuration,
-- never in this database); it is never returned by the API.
CREATE TABLE webhook (
    id            uuid PRIMARY KEY,
    url           text NOT NULL,
    kinds         text[] NOT NULL,
    -- events concerning any of these countries; empty: any country (admins only)
    countries     text[] NOT NULL,
    -- the member's country for a webhook a member registered; null for one an admin registered
    owner_country text,
    created_by    text NOT NULL,
    created_at    timestamptz NOT NULL,
    secret        text NOT NULL
);

-- Every outbox event is queued for fan-out in the transaction that writes it (so none is missed, whatever order
-- concurrent transactions commit in); the deliverer removes it once it has created its deliveries.
CREATE TABLE webhook_fanout_queue (
    event_id uuid PRIMARY KEY REFERENCES outbox_event (id)
);

CREATE FUNCTION webhook_fanout_enqueue() RETURNS trigger AS $$
BEGIN
    INSERT INTO webhook_fanout_queue (event_id) VALUES (NEW.id);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER webhook_fanout_enqueue AFTER INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION webhook_fanout_enqueue();

-- One event to one webhook. The body is fixed at fan-out, so every attempt sends the same bytes.
CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id        uuid NOT NULL REFERENCES outbox_event (id),
    event_kind      text NOT NULL,
    body            text NOT NULL,
    state           text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz,
    attempts        integer NOT NULL DEFAULT 0,
    completed_at    timestamptz,
    UNIQUE (event_id, webhook_id)
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_of_webhook ON webhook_delivery (webhook_id, created_at);

CREATE TABLE webhook_attempt (
    delivery_id      uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt          integer NOT NULL,
    attempted_at     timestamptz NOT NULL,
    http_status      integer,
    response_excerpt text,
    error            text,
    duration_ms      integer NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
