package report

import (
	"regexp"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Rennes Métropole", "rennes-metropole"},
		{"CA de la Presqu'île de Guérande Atlantique (Cap Atlantique)", "ca-de-la-presqu-ile-de-guerande-atlantique-cap-atlantique"},
		{"Côtes-d'Armor", "cotes-d-armor"},
		{"Île-de-Sein", "ile-de-sein"},
		{"Plœuc-L'Hermitage", "ploeuc-l-hermitage"},
		{"  --  ", ""},
		{"Ar Vro Bagan 2", "ar-vro-bagan-2"},
	} {
		if got := slug(tc.in); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var slugForm = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

// FuzzSlug checks that any name gives a safe file name: lower-case ASCII
// letters and digits in dash-separated runs.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Rennes Métropole", "Côtes-d'Armor", "Île-de-Sein", "", "../../etc/passwd", "a\x00b", "ÆØÅ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if s := slug(name); !slugForm.MatchString(s) {
			t.Errorf("slug(%q) = %q", name, s)
		}
	})
}
