// Package store opens the observatory's DuckDB file and holds its schema.
//
// The store is written once by ingest (into a temporary file that is swapped
// in atomically) and read by everything above it. Analysts' SQL runs in a
// [Sandbox]: worker processes (this binary re-executed) under OS memory
// and time limits, killed and restarted when a query overruns them.
package store
