// This file holds what every obs go-echarts chart shares: the French
// toolbox, the accessible description, the titles with the source line,
// and the visitor through which obs sets the echarts options that
// go-echarts' typed model lacks.

package echartspage

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
	"github.com/region-bretagne/obs/svgdoc"
)

// OptionPatch is a go-echarts ConfigurationVisitor (the library's hook
// "to modify/enhance chart options before rendering, even though the option
// structure isn't built-in"). It sets whole option keys from obs' own typed
// structs: go-echarts v2.6.7 has no float64 visualMap bounds (Piece uses
// float32 with omitempty, so a bound of 0 vanishes), no per-item fields such
// as label text, status, visualMap:false or decal, and no list of titles.
type OptionPatch struct {
	charts.BaseConfigurationVisitor
	Set map[string]any
}

// Visit is called by go-echarts after the built-in options are settled.
func (p OptionPatch) Visit(option map[string]any) {
	for k, v := range p.Set {
		option[k] = v
	}
}

// Text sizes and colours of the interactive charts, matched to the SVGs.
const (
	Font      = "DejaVu Sans, Arial, Helvetica, sans-serif"
	TextColor = svgdoc.TextColor
)

// Title is one echarts title component.
type Title struct {
	Text      string         `json:"text"`
	Subtext   string         `json:"subtext,omitempty"`
	Left      string         `json:"left,omitempty"`
	Top       string         `json:"top,omitempty"`
	Bottom    string         `json:"bottom,omitempty"`
	TextStyle map[string]any `json:"textStyle,omitempty"`
}

// Titles returns the main title (with subtitle) at the top and the
// source line at the bottom.
func Titles(title, subtitle, source string) []Title {
	return []Title{
		{Text: title, Subtext: subtitle, Left: "10", Top: "8",
			TextStyle: map[string]any{"fontSize": 16, "fontFamily": Font, "color": TextColor}},
		{Text: source, Left: "10", Bottom: "6",
			TextStyle: map[string]any{"fontSize": 11, "fontWeight": "normal", "fontFamily": Font, "color": TextColor}},
	}
}

// BaseOptions are the go-echarts global options of every obs chart:
// initialisation (fixed id, assets on the obs server), French toolbox,
// aria description, no animation (the chart is read, not watched).
func BaseOptions(id, title, description string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(initOpts(id, title)),
		charts.WithToolboxOpts(opts.Toolbox{
			Show:  opts.Bool(true),
			Right: "10",
			Top:   "8",
			Feature: &opts.ToolBoxFeature{
				SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "Enregistrer l’image", Name: id},
				Restore:     &opts.ToolBoxFeatureRestore{Show: opts.Bool(true), Title: "Réinitialiser"},
			},
		}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: description}}),
		func(bc *charts.BaseConfiguration) { bc.Animation = opts.Bool(false) },
	}
}

// JSText returns a JavaScript expression whose value is s, for code given
// to go-echarts as a types.FuncStr. Such code travels inside a JSON string,
// so it must hold neither '"' nor '\': ASCII letters, digits and a few
// punctuation marks are written as they are, any other byte is
// percent-encoded and decoded by decodeURIComponent. Invalid UTF-8 is
// replaced by U+FFFD first, since decodeURIComponent throws on it.
func JSText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	plain := true
	for i := 0; i < len(s); i++ {
		if !jsPlain(s[i]) {
			plain = false
			break
		}
	}
	if plain {
		return "'" + s + "'"
	}
	var b strings.Builder
	b.WriteString("decodeURIComponent('")
	for i := 0; i < len(s); i++ {
		if c := s[i]; jsPlain(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	b.WriteString("')")
	return b.String()
}

// jsPlain tells whether a byte may stand as is in JSText's quoted string.
func jsPlain(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(" .,-_()/", c) >= 0
}

// TooltipFormatter is the tooltip of every obs chart: the item's
// precomputed French lines (data item field "tip", formatted by Go with
// frnum, so the tooltip reads exactly as the SVG and the tables), HTML-
// encoded, then the source line. Items without "tip" show their name.
func TooltipFormatter(source string) types.FuncStr {
	return opts.FuncOpts(`function (p) {
  var e = echarts.format.encodeHTML;
  var d = p.data || {};
  var lines = d.tip || [p.name];
  var html = '<b>' + e(lines[0]) + '</b>';
  for (var i = 1; i < lines.length; i++) { html += '<br/>' + e(lines[i]); }
  return html + '<br/><span style=font-size:11px;color:#636363>' + e(` + JSText(source) + `) + '</span>';
}`)
}

// JSNumber writes a float64 as the shortest JavaScript literal that reads
// back the same value.
func JSNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
