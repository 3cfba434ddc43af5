// Package tooltest finds the external programs some tests compare against
// (R, PROJ's cs2cs, rsvg-convert, Node.js): a test that needs one fails in
// CI, where the tools must be installed, and skips elsewhere.
package tooltest
