// Package store opens the observatory's DuckDB file and holds its schema.
//
// The store is written once by ingest (into a temporary file that is swapped
// in atomically) and read by everything above it.
package store
