// Node: a generic parse of an SVG document, for tests that read back the
// elements and attributes a renderer wrote.

package svgtest

import (
	"encoding/xml"
	"testing"
)

// Node is one element of a parsed SVG document, with its attributes and
// child elements (text is dropped).
type Node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []Node     `xml:",any"`
}

// Parse reads an SVG document into its root Node, failing the test when it
// is not well-formed XML.
func Parse(t testing.TB, svg []byte) Node {
	t.Helper()
	var root Node
	if err := xml.Unmarshal(svg, &root); err != nil {
		t.Fatalf("parse SVG: %v", err)
	}
	return root
}

// Attr returns the value of the attribute with the given local name.
func (n Node) Attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// Walk calls f on n and then on each descendant, in document order.
func (n Node) Walk(f func(Node)) {
	f(n)
	for _, c := range n.Nodes {
		c.Walk(f)
	}
}
