-- price_point's reference to mineral, checked once per statement instead of once per row.
--
-- A foreign key checks every inserted row on its own: a row trigger runs a lookup of mineral with its own executor
-- start-up per row. For a bulk COPY of prices that was the largest part of what PostgreSQL spent per row (see the
-- bulk ingest section of deploy/bench/BENCHMARKS.md). These triggers keep the same guarantee set-based:
--  * after each statement that inserts or updates price_point, the distinct mineral ids it wrote are looked up and
--    locked FOR KEY SHARE, the lock a foreign key takes: until the writing transaction ends, such a mineral can be
--    neither deleted nor given another id. A mineral that is not there fails the statement with
--    foreign_key_violation (23503), naming it;
--  * a statement that deletes minerals, or changes their ids, fails the same way while a price still names one.
--    A writer that locked the mineral first makes the delete wait for its end; the delete's check then reads the
--    committed prices. That reading needs a fresh snapshot per statement, so it runs at READ COMMITTED only (the
--    services' level); at a stricter level such a delete is refused outright.
-- The other references to mineral stay foreign keys (their writes are small).
ALTER TABLE price_point DROP CONSTRAINT price_point_mineral_id_fkey;

CREATE FUNCTION price_point_minerals_exist() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted  text[];
    locked  integer;
    missing text;
BEGIN
    SELECT array_agg(mineral_id) INTO wanted FROM (SELECT DISTINCT mineral_id FROM written) w;
    IF wanted IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO locked
    FROM (SELECT 1 FROM mineral WHERE id = ANY (wanted) ORDER BY id FOR KEY SHARE) m;
    IF locked < cardinality(wanted) THEN
        SELECT string_agg(w, ', ' ORDER BY w) INTO missing
        FROM unnest(wanted) w WHERE NOT EXISTS (SELECT 1 FROM mineral WHERE id = w);
        RAISE EXCEPTION 'price_point names no existing mineral: %', coalesce(missing, '(changed concurrently)')
            USING ERRCODE = 'foreign_key_violation', TABLE = 'price_point', COLUMN = 'mineral_id';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER price_point_mineral_inserted AFTER INSERT ON price_point
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION price_point_minerals_exist();
CREATE TRIGGER price_point_mineral_updated AFTER UPDATE ON price_point
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION price_point_minerals_exist();

CREATE FUNCTION mineral_unreferenced_by_prices() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    referenced text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        IF EXISTS (SELECT 1 FROM price_point) THEN
            RAISE EXCEPTION 'mineral cannot be truncated: price_point names its rows'
                USING ERRCODE = 'foreign_key_violation', TABLE = 'price_point', COLUMN = 'mineral_id';
        END IF;
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM gone g WHERE NOT EXISTS (SELECT 1 FROM mineral m WHERE m.id = g.id)) THEN
        RETURN NULL;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'deleting a mineral or changing its id runs at READ COMMITTED only'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    SELECT string_agg(g.id, ', ' ORDER BY g.id) INTO referenced
    FROM gone g
    WHERE NOT EXISTS (SELECT 1 FROM mineral m WHERE m.id = g.id)
      AND EXISTS (SELECT 1 FROM price_point p WHERE p.mineral_id = g.id);
    IF referenced IS NOT NULL THEN
        RAISE EXCEPTION 'mineral % is still named by price_point', referenced
            USING ERRCODE = 'foreign_key_violation', TABLE = 'price_point', COLUMN = 'mineral_id';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER mineral_deleted_unreferenced AFTER DELETE ON mineral
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION mineral_unreferenced_by_prices();
CREATE TRIGGER mineral_updated_unreferenced AFTER UPDATE ON mineral
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION mineral_unreferenced_by_prices();
CREATE TRIGGER mineral_truncated_unreferenced AFTER TRUNCATE ON mineral
    FOR EACH STATEMENT EXECUTE FUNCTION mineral_unreferenced_by_prices();
