// The browser of a Printer: finding the Chromium binary, starting it
// headless under chromedp, and stopping it.

package printer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
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

// browser is one running Chromium. Its context ends when the process dies
// or is stopped; tabs are chromedp contexts derived from it.
type browser struct {
	ctx    context.Context // the browser's chromedp context
	cancel context.CancelFunc
	gen    int // 1 for the first browser of a Printer, 2 after a restart…
}

// startBrowser starts a headless Chromium, offline and with a profile of its
// own in a temporary directory that chromedp removes when it exits.
func startBrowser(gen int) (*browser, error) {
	bin, err := Chromium()
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true))
	// No --no-pdf-header-footer: like every --print-to-pdf switch, it turns
	// Chromium into a one-shot headless command with no page to drive.
	// Page.printToPDF prints no header or footer by default.
	// The browser outlives the request that starts it: its context is not
	// derived from the caller's.
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	// chromedp logs, as errors, the DOM events of documents set with
	// Page.setDocumentContent; they are harmless: keep them at debug level.
	quiet := func(f string, args ...any) { slog.Debug("chromedp: " + fmt.Sprintf(f, args...)) }
	bctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(quiet), chromedp.WithLogf(quiet))
	if err := chromedp.Do(bctx); err != nil {
		cancelB()
		cancelA()
		return nil, fmt.Errorf("starting chromium (%s): %w", bin, err)
	}
	return &browser{ctx: bctx, cancel: func() {
		// Cancel closes the browser gracefully and waits for it; the
		// allocator then removes its profile directory.
		if bctx.Err() == nil {
			_ = chromedp.Cancel(bctx)
		}
		cancelB()
		cancelA()
	}, gen: gen}, nil
}

// settle gives a browser that just failed a command a moment to be seen
// dead (chromedp ends its context when the connection drops), so that a
// retry starts a new browser instead of failing in the dying one.
func (b *browser) settle() {
	if b == nil {
		return
	}
	select {
	case <-b.ctx.Done():
	case <-time.After(time.Second):
	}
}

// alive reports whether the browser still runs.
func (b *browser) alive() bool { return b.ctx.Err() == nil }

// pid is the browser's process id, 0 if unknown.
func (b *browser) pid() int {
	if c := chromedp.FromContext(b.ctx); c != nil && c.Browser != nil {
		if p := c.Browser.Process(); p != nil {
			return p.Pid
		}
	}
	return 0
}
