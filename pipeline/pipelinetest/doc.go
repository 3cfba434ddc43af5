// Package pipelinetest builds the full store (pipeline.Steps) for tests,
// once per test binary: from the staged open data alone, or with the
// ingest fixtures of the sources that are not staged. Every package's
// tests that need a real store take it from here.
package pipelinetest
