-- Minerals and mineral groups; ids are slugs (lithium, rare_earths, ...).
CREATE TABLE mineral (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    symbol      text,
    unit        text,
    uses        text[] NOT NULL DEFAULT '{}',
    uses_source text
);

-- Country shares of world mining / refining. dataset follows from basis:
-- observed and projection_base_case are IEA; *_usgs* are USGS. Shares sum to ~100 within one dataset only.
CREATE TABLE supply_share (
    id           bigserial PRIMARY KEY,
    mineral_id   text NOT NULL REFERENCES mineral (id),
    stage        text NOT NULL CHECK (stage IN ('MINING', 'REFINING')),
    country_code text NOT NULL,
    share_pct    double precision NOT NULL CHECK (share_pct >= 0),
    year         integer NOT NULL,
    dataset      text NOT NULL CHECK (dataset IN ('IEA', 'USGS')),
    basis        text NOT NULL,
    projection   boolean NOT NULL,
    source       text NOT NULL,
    note         text,
    UNIQUE (mineral_id, stage, country_code, year, basis)
);
CREATE INDEX supply_share_country ON supply_share (country_code);
CREATE INDEX supply_share_mineral ON supply_share (mineral_id, stage, year);

-- Mine / refinery production, reserves and capacity. quantity is null where the source withholds it.
CREATE TABLE production_figure (
    id           bigserial PRIMARY KEY,
    mineral_id   text NOT NULL REFERENCES mineral (id),
    country_code text NOT NULL,
    year         integer NOT NULL,
    measure      text NOT NULL,
    quantity     double precision,
    unit         text,
    basis        text NOT NULL,
    source       text NOT NULL,
    note         text
);
CREATE INDEX production_figure_mineral ON production_figure (mineral_id, year);

-- Price points. period is the text the source gives (YYYY or YYYY-MM); period_start makes ranges queryable.
CREATE TABLE price_point (
    id            bigserial PRIMARY KEY,
    mineral_id    text NOT NULL REFERENCES mineral (id),
    period        text NOT NULL CHECK (period ~ '^[0-9]{4}(-[0-9]{2})?$'),
    period_type   text NOT NULL,
    period_start  date NOT NULL,
    price         numeric NOT NULL CHECK (price >= 0),
    unit_currency text NOT NULL,
    series        text,
    basis         text,
    source        text NOT NULL
);
CREATE INDEX price_point_mineral ON price_point (mineral_id, period_start);

-- Export controls. Dates are kept at the precision the source states (YYYY-MM or YYYY-MM-DD).
-- A suspension is its own row (measure = 'suspension') that names the control it suspends and its own end date.
CREATE TABLE export_control (
    id               text PRIMARY KEY,
    imposing_country text NOT NULL,
    mineral_ids      text[] NOT NULL,
    targets          text[] NOT NULL DEFAULT '{}',
    targets_all      boolean NOT NULL,
    measure          text NOT NULL CHECK (measure IN ('licence', 'ban', 'halt', 'suspension')),
    announced_date   text CHECK (announced_date ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
    effective_date   text CHECK (effective_date ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
    ends_date        text CHECK (ends_date ~ '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$'),
    suspends_id      text REFERENCES export_control (id),
    summary          text,
    source           text NOT NULL,
    status_note      text,
    recorded_by      text,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (suspends_id IS NULL OR measure = 'suspension')
);

-- One row per imported seed file: the import runs exactly once.
CREATE TABLE seed_import (
    name        text PRIMARY KEY,
    row_count   integer NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);
