// Package pipeline composes the build of the full store, in the order the
// data flows: the territorial frame (COG, geometries, QPV), then the
// publishers' source tables (data/tables.json), then the materialised cube
// of facts. It is the one place that says what a store holds; obs ingest,
// obs serve and the tests all build from Steps.
package pipeline
