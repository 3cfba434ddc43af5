// Tests of the row conversion before the appender.

package store

import (
	"testing"
)

// level stands for a named string type such as value.Level.
type level string

func TestToValues(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"named string becomes string", level("commune"), "commune"},
		{"string stays", "epci", "epci"},
		{"int stays", int32(2026), int32(2026)},
		{"nil stays", nil, nil},
		{"float stays", 1.5, 1.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := toValues([]any{tc.in})[0]
			if got != tc.want {
				t.Errorf("toValues(%#v) = %#v, want %#v", tc.in, got, tc.want)
			}
		})
	}
}
