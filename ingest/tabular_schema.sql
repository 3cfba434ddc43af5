-- Raw values of the tabular sources (INSEE, Filosofi, CAF), long form.
-- One row per (source, COG vintage, territory, variable, data vintage).
-- A value is NULL exactly when status is secret or missing: never 0.
CREATE TABLE observation (
    source_id VARCHAR NOT NULL,  -- data/tables.json id, also in `source`
    cog       INTEGER NOT NULL,  -- COG vintage the column group is published on
    level     VARCHAR NOT NULL,  -- commune | epci | departement | region
    code      VARCHAR NOT NULL,
    variable  VARCHAR NOT NULL,  -- vintage-free name: pop, chom1564, tp60…
    vintage   VARCHAR NOT NULL,  -- data vintage: 2022, 2021, 2016-2021…
    value     DOUBLE,
    status    VARCHAR NOT NULL,  -- ok | secret | missing | floored | estimated
    reason    VARCHAR NOT NULL,  -- why absent or approximate ('' when ok)
    additive  BOOLEAN NOT NULL,  -- counts: summable, convertible between COG vintages
    label     VARCHAR NOT NULL,  -- source label shown with values
    PRIMARY KEY (cog, level, code, variable, vintage)
);
