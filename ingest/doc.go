// Package ingest loads the publishers' official files (INSEE COG, census,
// Filosofi, comparateur and dossier complet, CAF, QPV and the IGN/ANCT
// geometries) into the DuckDB store, in the formats they really ship.
// Every error names the file and the place (line, column, element,
// territory code); a build is atomic, so a failed ingest leaves the
// previous store untouched.
package ingest
