// Package server is obs's HTTP service: it turns requests into questions
// to the store and the cube, and answers with JSON, CSV, Parquet, Arrow,
// maps and fact sheets. It never builds SQL from request text, except in
// the analysts' sandbox.
package server
