-- Materialised facts of the indicator cube, written at ingest by the cube
-- step from `observation` and the territorial frame. One row per
-- (indicator, COG vintage, territory, public, data vintage).
-- value is NULL exactly when status is secret or missing: never 0.
CREATE TABLE fact (
    indicator    VARCHAR NOT NULL,  -- data/indicators.json id
    cog          INTEGER NOT NULL,
    level        VARCHAR NOT NULL,  -- commune | epci | departement | region | france
    code         VARCHAR NOT NULL,
    public       VARCHAR NOT NULL,  -- data/publics.json id
    vintage      VARCHAR NOT NULL,  -- data vintage of the (numerator) variables
    value        DOUBLE,
    numerator    DOUBLE,            -- ratios and counts from communes: the known parts
    denominator  DOUBLE,
    status       VARCHAR NOT NULL,  -- ok | secret | missing | floored | estimated
    reason       VARCHAR NOT NULL,
    coverage     DOUBLE  NOT NULL,  -- share of the population whose communes had every part
    source       VARCHAR NOT NULL,  -- "Insee, RP 2022"
    cross_border BOOLEAN NOT NULL,
    PRIMARY KEY (indicator, cog, level, code, public, vintage)
);
