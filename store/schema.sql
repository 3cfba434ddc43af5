-- Schema of the observatory store. Every geographic row carries the COG
-- vintage (millésime géographique) it belongs to; codes are always text.

-- One row per file loaded: where it came from and what it was.
CREATE TABLE source (
    id        VARCHAR PRIMARY KEY, -- catalogue id (data/sources.json)
    path      VARCHAR NOT NULL,    -- relative to the data dir
    sha256    VARCHAR NOT NULL,
    bytes     BIGINT  NOT NULL,
    publisher VARCHAR NOT NULL,
    vintage   VARCHAR NOT NULL,    -- data vintage as the publisher names it
    licence   VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);

-- Territories of every level, per COG vintage.
CREATE TABLE territory (
    cog          INTEGER NOT NULL,  -- COG vintage: 2024, 2026
    level        VARCHAR NOT NULL,  -- commune | epci | departement | region | france | qpv
    code         VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    type         VARCHAR NOT NULL,  -- commune, CC/CA/CU/METRO, departement, region, france, QPV 2015/2024
    population   DOUBLE,            -- legal municipal population from the COG (NULL when unknown)
    n_communes   INTEGER,           -- Breton member communes (NULL for communes)
    n_communes_all INTEGER,         -- all member communes, Breton or not (EPCI)
    in_region    BOOLEAN NOT NULL,  -- wholly inside Bretagne
    cross_border BOOLEAN NOT NULL,  -- EPCI that spills over the regional border
    source_id    VARCHAR NOT NULL,
    PRIMARY KEY (cog, level, code)
);

-- commune -> EPCI -> département -> région, per COG vintage (Breton communes).
CREATE TABLE membership (
    cog         INTEGER NOT NULL,
    commune     VARCHAR NOT NULL,
    epci        VARCHAR,            -- NULL for the islands outside any EPCI
    departement VARCHAR NOT NULL,
    region      VARCHAR NOT NULL,
    PRIMARY KEY (cog, commune)
);

-- How a commune code of one vintage maps onto the communes of another
-- (merges: anciensCodes and chefLieu). Used to convert counts additively.
CREATE TABLE commune_map (
    from_vintage INTEGER NOT NULL,  -- 2018 (geometry), 2024
    to_cog       INTEGER NOT NULL,
    from_code    VARCHAR NOT NULL,
    to_code      VARCHAR NOT NULL,
    PRIMARY KEY (from_vintage, to_cog, from_code)
);

-- QPV <-> commune links derived from geometry.
CREATE TABLE qpv_commune (
    generation INTEGER NOT NULL,    -- 2015 or 2024
    qpv        VARCHAR NOT NULL,
    cog        INTEGER NOT NULL,
    commune    VARCHAR NOT NULL,
    area_share DOUBLE  NOT NULL,    -- share of the QPV's area lying in the commune
    PRIMARY KEY (generation, qpv, cog, commune)
);

-- Geometry once per territory and COG vintage, WGS84 lon/lat GeoJSON.
CREATE TABLE geometry (
    cog          INTEGER NOT NULL,
    level        VARCHAR NOT NULL,
    code         VARCHAR NOT NULL,
    geo_vintage  VARCHAR NOT NULL,  -- vintage of the drawn shape (e.g. "IGN Admin Express 2018")
    full_geojson VARCHAR NOT NULL,  -- full precision geometry object
    web_geojson  VARCHAR NOT NULL,  -- simplified for the web
    xmin DOUBLE NOT NULL, ymin DOUBLE NOT NULL, xmax DOUBLE NOT NULL, ymax DOUBLE NOT NULL,
    source_id    VARCHAR NOT NULL,
    full_wkb     BLOB NOT NULL,     -- the same geometries as WKB, for fast reading
    web_wkb      BLOB NOT NULL,
    PRIMARY KEY (cog, level, code)
);

-- Free-form facts about the build (what was reported, not fatal).
CREATE TABLE ingest_note (
    step    VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,       -- code or file concerned
    note    VARCHAR NOT NULL
);
