// Options shared by every subcommand: the store path and terminal checks.

package main

import (
	"flag"
	"os"

	"github.com/region-bretagne/obs/store"
)

// newFlags returns a flag set with the common --db option.
func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("obs "+name, flag.ContinueOnError)
	db := fs.String("db", "", "store file (default $OBS_DB, else "+store.DefaultPath+")")
	return fs, db
}

// isTerminal reports whether f is a terminal (not a pipe or a file).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
