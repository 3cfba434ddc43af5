// Need: the path of an external program a test runs, or fail/skip.

package tooltest

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of an external program, failing in CI and
// skipping locally when it is missing. debianPkg names the package that
// provides it (installed by scripts/deps-maps.sh).
func Need(t testing.TB, name, debianPkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		msg := fmt.Sprintf("%s not found: install Debian package %s (scripts/deps-maps.sh)", name, debianPkg)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}
