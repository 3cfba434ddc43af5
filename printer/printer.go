// The Printer: a pool of tabs in one lazily started browser, a bounded
// queue of documents waiting for a tab, and the print of one document.

package printer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ErrBusy is returned by Print when every tab is busy and the queue of
// waiting documents is full (Options.Queue).
var ErrBusy = errors.New("every tab of the PDF printer is busy and its queue is full")

// ErrClosed is returned by Print after Close.
var ErrClosed = errors.New("PDF printer closed")

// Options tune a Printer.
type Options struct {
	// Tabs is the number of documents printed at once (default: the
	// number of CPUs, at least 2 and at most 8).
	Tabs int
	// Queue is the number of documents that may wait for a free tab;
	// beyond it, Print returns ErrBusy at once. 0 means no limit (a CLI
	// batch waits; a server bounds its queue).
	Queue int
	// Logger reports browser starts and restarts (default slog.Default).
	Logger *slog.Logger
}

// DefaultTabs is the default number of tabs: the number of CPUs, at least
// 2 (loading one document overlaps printing another) and at most 8.
func DefaultTabs() int { return min(max(runtime.NumCPU(), 2), 8) }

// Printer prints HTML documents to PDF in one long-lived headless
// Chromium, started on the first document. It is safe for concurrent use;
// Close stops the browser.
type Printer struct {
	opts    Options
	log     *slog.Logger
	free    chan *tab // idle tabs; a nil entry is a tab not yet opened
	waiting atomic.Int64

	mu     sync.Mutex
	b      *browser // nil until the first document, or after Close
	gen    int      // browsers started so far
	closed bool
}

// tab is one page of the browser, reused from document to document.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	b      *browser
	prints int // documents printed in this tab
}

// tabPrints is how many documents a tab prints before it is replaced by a
// fresh one, so that a long-lived server's pages never accumulate state.
const tabPrints = 200

// New returns a Printer; no browser starts until the first Print.
func New(o Options) *Printer {
	if o.Tabs <= 0 {
		o.Tabs = DefaultTabs()
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	p := &Printer{opts: o, log: o.Logger, free: make(chan *tab, o.Tabs)}
	for range o.Tabs {
		p.free <- nil
	}
	return p
}

// Tabs is the number of documents the Printer prints at once.
func (p *Printer) Tabs() int { return p.opts.Tabs }

// Print prints a self-contained HTML document (inline styles, SVG and
// images: the browser runs offline) to PDF, honouring its print CSS
// (@page size and margins, page breaks), with backgrounds, tagged for
// accessibility. It waits for a free tab, or returns ErrBusy when the
// queue is full. If the browser dies under it, Print starts a new one and
// retries the document (at most twice).
func (p *Printer) Print(ctx context.Context, html []byte) ([]byte, error) {
	t, err := p.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { p.free <- t }()
	var last error
	for attempt := range 3 {
		if attempt > 0 {
			p.log.Warn("PDF printing failed; retrying in a new tab", "err", last)
		}
		if t == nil || !t.b.alive() || t.prints >= tabPrints {
			if t != nil {
				t.cancel()
			}
			var b *browser
			if t, b, err = p.openTab(); err != nil {
				if errors.Is(err, ErrNoChromium) || errors.Is(err, ErrClosed) || ctx.Err() != nil {
					return nil, err
				}
				b.settle()
				last = err
				continue
			}
		}
		t.prints++
		pdf, err := t.print(ctx, html)
		if err == nil {
			return pdf, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("printing to PDF: %w", context.Cause(ctx))
		}
		// The tab or the whole browser failed: drop the tab and try again
		// in a fresh one (in a fresh browser if this one died).
		t.cancel()
		t.b.settle()
		t, last = nil, err
	}
	return nil, fmt.Errorf("printing to PDF: %w", last)
}

// acquire takes a free tab slot, waiting in the bounded queue.
func (p *Printer) acquire(ctx context.Context) (*tab, error) {
	select {
	case t := <-p.free:
		return t, nil
	default:
	}
	if n := p.waiting.Add(1); p.opts.Queue > 0 && n > int64(p.opts.Queue) {
		p.waiting.Add(-1)
		return nil, ErrBusy
	}
	defer p.waiting.Add(-1)
	select {
	case t := <-p.free:
		return t, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for a PDF tab: %w", context.Cause(ctx))
	}
}

// current returns the running browser, starting one if there is none or if
// the last one died.
func (p *Printer) current() (*browser, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, ErrClosed
	}
	if p.b != nil && p.b.alive() {
		return p.b, nil
	}
	if p.b != nil {
		p.log.Warn("chromium died; starting a new one", "generation", p.b.gen)
		p.b.cancel()
		p.b = nil
	}
	b, err := startBrowser(p.gen + 1)
	if err != nil {
		return nil, err
	}
	p.gen++
	p.b = b
	p.log.Debug("chromium started", "pid", b.pid(), "generation", b.gen, "tabs", p.opts.Tabs)
	return b, nil
}

// openTab opens a blank tab in the current browser, which it returns even
// when the tab fails to open.
func (p *Printer) openTab() (*tab, *browser, error) {
	b, err := p.current()
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := chromedp.NewContext(b.ctx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, b, fmt.Errorf("opening a chromium tab: %w", err)
	}
	return &tab{ctx: ctx, cancel: cancel, b: b}, b, nil
}

// print loads html in the tab and prints it. The caller's context cancels
// the print without closing the tab.
func (t *tab) print(ctx context.Context, html []byte) ([]byte, error) {
	rctx, cancel := context.WithCancel(t.ctx)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()
	return chromedp.Run(rctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		tree, err := cdp.Call(ctx, tg, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		if _, err := cdp.Call(ctx, tg, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(html)}); err != nil {
			return nil, err
		}
		// Fonts are local, but wait for them so that no page prints in a
		// fallback face.
		if _, err := chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)(ctx, tg); err != nil {
			return nil, err
		}
		return chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground(),
			func(p *page.PrintToPDFParams) { p.GenerateTaggedPDF = new(true) })(ctx, tg)
	})
}

// Close closes the tabs and stops the browser. Print fails with ErrClosed
// afterwards. Close waits for no document: cancel them first.
func (p *Printer) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	// Close the idle tabs; the slots stay, so that Print fails at once
	// with ErrClosed instead of waiting.
	for range p.opts.Tabs {
		select {
		case t := <-p.free:
			if t != nil {
				t.cancel()
			}
			defer func() { p.free <- nil }()
		default:
		}
	}
	if p.b != nil {
		p.b.cancel()
		p.b = nil
	}
	return nil
}

// PID is the process id of the running browser, 0 if none runs.
func (p *Printer) PID() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.b == nil || !p.b.alive() {
		return 0
	}
	return p.b.pid()
}
