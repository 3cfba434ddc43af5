// Inlining standalone SVG documents into the sheet's HTML: the ids every
// drawing reuses (title, description, hatch pattern) get a per-drawing
// prefix so that the page's ids stay unique and each drawing keeps its own
// title and pattern; texts get the sheet's French typography.

package report

import (
	"bytes"
	"html/template"
	"regexp"
)

var (
	svgID       = regexp.MustCompile(`(\s)id="([^"]+)"`)
	svgIDRefs   = regexp.MustCompile(`(url\(#|href="#)([^)"]+)`)
	svgLabelled = regexp.MustCompile(`aria-labelledby="([^"]+)"`)
	xmlDecl     = regexp.MustCompile(`^\s*<\?xml[^>]*\?>\s*`)
)

// inlineSVG returns an SVG document ready to sit in HTML, its ids prefixed.
// The SVG comes from this program's own writers (maps, atlas), which
// escape every text they print.
func inlineSVG(svg []byte, prefix string) template.HTML {
	svg = xmlDecl.ReplaceAll(svg, nil)
	// French typography in the drawings' texts too (the accessible
	// descriptions join items with " ; "). No attribute of these SVGs has
	// a space before : ; ! ? % or €, so the whole document can go through.
	svg = []byte(fr(string(svg)))
	ids := map[string]bool{}
	for _, m := range svgID.FindAllSubmatch(svg, -1) {
		ids[string(m[2])] = true
	}
	svg = svgID.ReplaceAll(svg, []byte(`${1}id="`+prefix+`-$2"`))
	svg = svgIDRefs.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := svgIDRefs.FindSubmatch(m)
		if !ids[string(sub[2])] {
			return m
		}
		return append(append([]byte{}, sub[1]...), []byte(prefix+"-"+string(sub[2]))...)
	})
	svg = svgLabelled.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := svgLabelled.FindSubmatch(m)
		var out [][]byte
		for _, id := range bytes.Fields(sub[1]) {
			if ids[string(id)] {
				id = []byte(prefix + "-" + string(id))
			}
			out = append(out, id)
		}
		return []byte(`aria-labelledby="` + string(bytes.Join(out, []byte(" "))) + `"`)
	})
	return template.HTML(bytes.TrimSpace(svg))
}
