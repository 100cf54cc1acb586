-- Agreements between coalition members (and partners), their commitments, progress reports and an
-- append-only audit trail. Parties and minerals are small ordered sets read with every agreement, so they
-- live in arrays on the agreement row: one statement loads N agreements with their parties and minerals.

create table agreement (
    id               varchar(64)  primary key,
    title            text         not null check (length(trim(title)) > 0),
    type             varchar(40)  not null check (length(trim(type)) > 0),
    parties          varchar(8)[] not null check (cardinality(parties) > 0),
    minerals         varchar(64)[] not null,
    signed_on        date,
    -- the signing date as precise as the source gives it: yyyy-MM-dd or yyyy-MM (then signed_on is null)
    signed_period    varchar(10),
    status           varchar(16)  not null check (status in
                         ('DRAFT', 'NEGOTIATING', 'SIGNED', 'IN_FORCE', 'SUSPENDED', 'EXPIRED', 'TERMINATED')),
    visibility       varchar(16)  not null check (visibility in ('PUBLIC', 'COALITION', 'PARTIES')),
    summary          text,
    commitments_text text,
    source_text      text         not null,
    version          integer      not null default 0,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);
create index agreement_parties_idx on agreement using gin (parties);
create index agreement_minerals_idx on agreement using gin (minerals);

create sequence commitment_no_seq;

create table commitment (
    id              varchar(32)   primary key,
    agreement_id    varchar(64)   not null references agreement (id),
    obligor         varchar(8)    not null,
    kind            varchar(40)   not null,
    description     text          not null,
    mineral_id      varchar(64),
    target_quantity numeric(24, 6) check (target_quantity >= 0),
    unit            varchar(80),
    target_amount   numeric(24, 2) check (target_amount >= 0),
    currency        char(3),
    due_on          date,
    -- the words of the agreement's commitments text this commitment was read from (seeded rows)
    basis           text,
    created_at      timestamptz   not null default now(),
    check ((target_quantity is null) = (unit is null)),
    check ((target_amount is null) = (currency is null)),
    check (target_quantity is null or target_amount is null)
);
create index commitment_agreement_idx on commitment (agreement_id);
create index commitment_obligor_idx on commitment (obligor);

create table progress_report (
    id                bigint generated always as identity primary key,
    commitment_id     varchar(32)    not null references commitment (id),
    reported_quantity numeric(24, 6) check (reported_quantity >= 0),
    reported_amount   numeric(24, 2) check (reported_amount >= 0),
    as_of             date           not null,
    note              text,
    reporter_subject  varchar(255)   not null,
    reporter_country  varchar(8),
    created_at        timestamptz    not null default now()
);
create index progress_report_commitment_idx on progress_report (commitment_id, as_of desc, id desc);

create table audit_event (
    id            bigint generated always as identity primary key,
    agreement_id  varchar(64)  not null,
    entity        varchar(32)  not null,
    entity_id     varchar(64)  not null,
    operation     varchar(32)  not null,
    subject       varchar(255) not null,
    country       varchar(8),
    occurred_at   timestamptz  not null default now(),
    before_state  jsonb,
    after_state   jsonb,
    reason        text
);
create index audit_event_agreement_idx on audit_event (agreement_id, id);

-- The audit trail is append-only for everyone, the application included: rows can be added, never changed.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update_delete before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- Marks one-time data imports (the agreements seed) so a restart never imports twice.
create table seed_import (
    name        varchar(64) primary key,
    rows        integer     not null,
    imported_at timestamptz not null default now()
);
