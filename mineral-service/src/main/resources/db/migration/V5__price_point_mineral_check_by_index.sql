-- price_point's reference to mineral (V4), checked after each statement from the (mineral_id, period_start) index
-- instead of from a transition table of the rows written.
--
-- V4's triggers declared REFERENCING NEW TABLE, so PostgreSQL kept a copy of every row a statement wrote (spilled to a
-- temporary file beyond work_mem) only for the trigger to read the distinct mineral ids back out of it: for a bulk
-- COPY that was a tenth of what PostgreSQL spent per row. Now nothing is kept per row. After each statement that
-- inserts or updates price_point, the distinct mineral ids price_point holds are walked in the index (one descent per
-- mineral, however many rows), and each is looked up and locked FOR KEY SHARE, as V4 did for the ids written:
--  * a mineral the statement named that is not there fails the statement with foreign_key_violation (23503), naming it;
--  * until the writing transaction ends, no mineral its rows name can be deleted or given another id.
-- The set walked holds the ids written (the statement's own rows are visible to its AFTER trigger) and the ids other
-- committed prices name, which are locked too. Those minerals cannot be deleted while prices name them anyway, so the
-- extra locks only make such a delete wait for this transaction before it is refused. A mineral deleted together with
-- all its prices by a transaction that commits while this check waits for its lock is not this statement's problem:
-- it is reported only if price_point, read again, still names it. The mineral side (V4's delete and update triggers)
-- is unchanged.
CREATE OR REPLACE FUNCTION price_point_minerals_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named   text[];
    locked  integer;
    missing text;
BEGIN
    WITH RECURSIVE ids AS (
        (SELECT mineral_id FROM price_point ORDER BY mineral_id LIMIT 1)
        UNION ALL
        SELECT (SELECT p.mineral_id FROM price_point p WHERE p.mineral_id > ids.mineral_id
                ORDER BY p.mineral_id LIMIT 1)
        FROM ids WHERE ids.mineral_id IS NOT NULL
    )
    SELECT array_agg(mineral_id) INTO named FROM ids WHERE mineral_id IS NOT NULL;
    IF named IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO locked
    FROM (SELECT 1 FROM mineral WHERE id = ANY (named) ORDER BY id FOR KEY SHARE) m;
    IF locked < cardinality(named) THEN
        SELECT string_agg(n, ', ' ORDER BY n) INTO missing
        FROM unnest(named) n
        WHERE NOT EXISTS (SELECT 1 FROM mineral WHERE id = n)
          AND EXISTS (SELECT 1 FROM price_point p WHERE p.mineral_id = n);
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION 'price_point names no existing mineral: %', missing
                USING ERRCODE = 'foreign_key_violation', TABLE = 'price_point', COLUMN = 'mineral_id';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER price_point_mineral_inserted ON price_point;
DROP TRIGGER price_point_mineral_updated ON price_point;
CREATE TRIGGER price_point_mineral_inserted AFTER INSERT ON price_point
    FOR EACH STATEMENT EXECUTE FUNCTION price_point_minerals_exist();
CREATE TRIGGER price_point_mineral_updated AFTER UPDATE OF mineral_id ON price_point
    FOR EACH STATEMENT EXECUTE FUNCTION price_point_minerals_exist();
