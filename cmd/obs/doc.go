// Package main is the obs command, the Observatoire de la précarité en
// Bretagne: it loads the official open data into a DuckDB store, and
// lists, maps, charts, writes fact sheets of and serves it. Each
// subcommand lives in its own file; main.go parses the subcommand and
// dispatches.
package main
