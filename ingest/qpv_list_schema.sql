-- QPV <-> commune links read from the publisher's commune names (LIB_COM of
-- the QPV statistics files), checked against the COG. Unlike qpv_commune
-- (geometry), these cover every QPV of the files, with or without perimeter.
CREATE TABLE IF NOT EXISTS qpv_commune_list (
    generation INTEGER NOT NULL,    -- 2015
    qpv        VARCHAR NOT NULL,
    cog        INTEGER NOT NULL,
    commune    VARCHAR NOT NULL,    -- current commune of COG cog
    name       VARCHAR NOT NULL,    -- the name as written in LIB_COM
    source_id  VARCHAR NOT NULL,
    PRIMARY KEY (generation, qpv, cog, commune)
);
