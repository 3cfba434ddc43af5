package main

import (
	"strings"
	"testing"
)

func TestSQLCommand(t *testing.T) {
	db := testStore(t)
	tests := []struct {
		args    []string
		want    string
		wantErr string
	}{
		{[]string{"--format", "csv", "SELECT code, name FROM territory WHERE level='region' AND cog=2026"}, "\ufeffcode;name\n53;Bretagne\n", ""},
		{[]string{"DELETE FROM territory"}, "", "only SELECT queries are allowed"},
		{[]string{"SELECT * FROM read_csv('/etc/passwd')"}, "", "disabled by configuration"},
	}
	for _, tc := range tests {
		out, err := runCLI(t, append([]string{"sql", "--db", db}, tc.args...)...)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%v: error %v, want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil || out != tc.want {
			t.Errorf("%v: %q (%v), want %q", tc.args, out, err, tc.want)
		}
	}
}
