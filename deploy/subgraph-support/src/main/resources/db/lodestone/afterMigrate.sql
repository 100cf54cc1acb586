-- Run by Flyway after every migration (a callback, so tables added later get it too): every table of the schema
-- notifies lodestone_data when a statement changes it. PostgreSQL delivers the notification on commit only, and once
-- per transaction however many statements notified. The services' result cache (DataChanges) listens.
create or replace function lodestone_data_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('lodestone_data', '');
    return null;
end
$$;

do $$
declare
    t record;
begin
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relkind in ('r', 'p')
               and c.relname <> 'flyway_schema_history'
               and not exists (select 1 from pg_trigger g
                               where g.tgrelid = c.oid and g.tgname = 'lodestone_data_changed')
    loop
        execute format('create trigger lodestone_data_changed after insert or update or delete or truncate on %I '
                       || 'for each statement execute function lodestone_data_changed()', t.relname);
    end loop;
end
$$;
