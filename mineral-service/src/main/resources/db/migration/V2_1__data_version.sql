-- One version number per table that reads are cached from (see VersionedCache). Every statement that changes the
-- table bumps its number in the same transaction, so the new number becomes visible exactly when the new rows do,
-- on every replica; a replica reads the numbers before serving from its cache and recomputes when they moved.
CREATE TABLE data_version (
    name    text PRIMARY KEY,
    version bigint NOT NULL
);

INSERT INTO data_version (name, version)
VALUES ('mineral', 0), ('supply_share', 0), ('price_point', 0), ('export_control', 0);

CREATE FUNCTION data_version_bump() RETURNS trigger AS $$
BEGIN
    UPDATE data_version SET version = version + 1 WHERE name = TG_TABLE_NAME;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER mineral_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mineral
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER supply_share_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON supply_share
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER price_point_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON price_point
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
CREATE TRIGGER export_control_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON export_control
    FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
