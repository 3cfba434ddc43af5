// Package opendatatest finds the staged open data for tests: $OBS_DATA,
// else ../shared/opendata beside the repository. A test that needs it
// fails in CI (where the data must be present) and skips elsewhere.
package opendatatest
