// PDF rendering of HTML documents through headless Chromium (Debian
// package `chromium`), which honours the print CSS: A4 pages, page breaks.

package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// ErrNoChromium is returned when no Chromium binary can be found.
var ErrNoChromium = errors.New("chromium not found: install the Debian package `chromium` (apt-get install chromium), or set OBS_CHROMIUM to the browser's path")

// Chromium returns the path of the Chromium binary: $OBS_CHROMIUM, else
// the first of chromium, chromium-browser, google-chrome on the PATH.
func Chromium() (string, error) {
	if p := os.Getenv("OBS_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// PDF prints an HTML document to PDF. The document must be self-contained
// (inline SVG and styles): Chromium runs offline, with no network.
func PDF(ctx context.Context, html []byte) ([]byte, error) {
	bin, err := Chromium()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "obs-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "sheet.html")
	out := filepath.Join(dir, "sheet.pdf")
	if err := os.WriteFile(in, html, 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf="+out, "file://"+in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("chromium --print-to-pdf: %w: %s", err, lastLines(stderr.String(), 5))
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("chromium wrote no PDF: %w: %s", err, lastLines(stderr.String(), 5))
	}
	return pdf, nil
}

func lastLines(s string, n int) string {
	lines := bytes.Split(bytes.TrimSpace([]byte(s)), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte(" | ")))
}
