// Package printer prints self-contained HTML documents (fact sheets, and
// the plan's bilan) to PDF through one long-lived headless Chromium (the
// Debian package `chromium`) per process, with a small pool of tabs.
//
// A Printer starts its browser lazily, on the first document, and keeps it
// for the life of the process (a CLI batch or `obs serve`): each document
// then costs a page load and a print, not a browser start. If the browser
// dies, the next document starts a new one, and the documents under way are
// retried in it. browser.go starts and stops the browser; printer.go
// holds the pool of tabs and prints.
package printer
