// This file writes go-echarts charts as HTML: a standalone page (for an
// iframe, served or written to disk) or a fragment for a page holding
// several charts. The echarts library is never fetched from a CDN: it is
// either served by the obs server under web.AssetsHost or inlined.

package echartspage

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/region-bretagne/obs/web"
)

// Assets says how a page gets the echarts library.
type Assets struct {
	// Inline is the content of echarts.min.js (web.EchartsJS). When set, the
	// page carries the library in a <script> element and opens offline
	// without a server: use it for HTML files written to disk. When empty,
	// the page loads the library from the obs server, at the URLs go-echarts
	// derives from AssetsHost = web.AssetsHost ("/assets/echarts.min.js").
	Inline []byte
}

// Chart is a go-echarts chart ready to be written as HTML.
type Chart struct {
	// ID is the id of the chart's <div>, unique within a page.
	ID string
	// Title is the page title; Description is the accessible text of the
	// chart (also given to echarts' aria option).
	Title, Description string
	// Chart is the go-echarts chart (*charts.Map, *charts.Bar, *charts.Line).
	Chart Renderer
	// MinHeight, in pixels, keeps tall charts (61 ranked EPCI) readable in
	// a small frame: the page scrolls instead of squeezing the bars. It is
	// also the height to give the iframe. 0 means none.
	MinHeight int
	// headScripts are scripts (without <script> tags) that must run after
	// the library is loaded and before the chart's setOption, such as
	// echarts.registerMap. They are also given to go-echarts as customized
	// headers, so go-echarts' own Render places them before setOption too.
	headScripts []string
}

// Renderer is what obs needs from a go-echarts chart: validation
// (which prefixes the library URLs with AssetsHost), the option JSON and
// the library URLs. Every go-echarts chart type satisfies it.
type Renderer interface {
	Validate()
	JSONNotEscaped() template.HTML
	GetAssets() opts.Assets
}

// initOpts are the go-echarts initialisation options shared by every obs
// chart: a fixed id (deterministic output), assets on the obs server.
func initOpts(id, title string) opts.Initialization {
	return opts.Initialization{
		ChartID:    id,
		PageTitle:  title,
		AssetsHost: web.AssetsHost,
		Width:      "100%",
		Height:     "100%",
		Theme:      "white",
		Renderer:   "canvas",
	}
}

// AddHeadScript records a script to run before setOption, in c and in the
// go-echarts chart's customized headers.
func (c *Chart) AddHeadScript(base *charts.BaseConfiguration, js string) {
	c.headScripts = append(c.headScripts, js)
	base.AddCustomizedHeaders("<script>" + escapeScript(js) + "</script>")
}

// HeadScripts returns the scripts that run before setOption (for tests and
// for callers assembling their own page).
func (c *Chart) HeadScripts() []string {
	return append([]string(nil), c.headScripts...)
}

// Option returns the echarts option of the chart as JavaScript: JSON in
// which go-echarts function strings (types.FuncStr) become code, by removing
// their "__f__" markers with the quotes around them, as go-echarts' own
// templates do. (RenderSnippet().Option cannot be used: in v2.6.7 it strips
// the markers before HTML-unescaping, so functions stay quoted strings.)
func (c *Chart) Option() string {
	c.Chart.Validate()
	return strings.TrimSpace(funcMarkers.ReplaceAllString(string(c.Chart.JSONNotEscaped()), ""))
}

// funcMarkers is go-echarts' pattern for function markers (render.pat).
var funcMarkers = regexp.MustCompile(`(__f__")|("__f__)|(__f__)`)

// WriteHTML writes a complete HTML page holding the chart alone, sized to
// fill its window (100 % × 100 %) and resized with it: the page suits an
// iframe. assets chooses between the served and the inlined library.
func (c *Chart) WriteHTML(w io.Writer, assets Assets) error {
	var frag bytes.Buffer
	if err := c.WriteFragment(&frag); err != nil {
		return err
	}
	page := echartsPageData{Title: c.Title, Body: template.HTML(frag.String())}
	if len(assets.Inline) > 0 {
		page.InlineLib = template.JS(escapeScript(string(assets.Inline)))
	} else {
		page.LibURLs = c.Chart.GetAssets().JSAssets.Values
		for _, u := range page.LibURLs {
			if !strings.HasPrefix(u, web.AssetsHost) {
				return fmt.Errorf("maps: chart %s: script %q is not served by obs under %s", c.ID, u, web.AssetsHost)
			}
		}
	}
	if err := echartsPage.Execute(w, page); err != nil {
		return fmt.Errorf("maps: writing chart %s: %w", c.ID, err)
	}
	return nil
}

// WriteFragment writes the chart for a page that already loads echarts:
// the head scripts (registerMap…), then the <div> and the script that
// creates the chart, sets its option and resizes it with the window. The
// <div> fills its parent, which must have a height.
func (c *Chart) WriteFragment(w io.Writer) error {
	if !ValidID.MatchString(c.ID) {
		return fmt.Errorf("maps: chart id %q: want letters, digits, '-' or '_', starting with a letter", c.ID)
	}
	data := echartsFragmentData{ID: c.ID, Description: c.Description, MinHeight: c.MinHeight}
	for _, s := range c.headScripts {
		data.HeadScripts = append(data.HeadScripts, template.JS(escapeScript(s)))
	}
	data.Script = template.JS(escapeScript(fmt.Sprintf(initScript, c.ID, c.Option())))
	if err := echartsFragment.Execute(w, data); err != nil {
		return fmt.Errorf("maps: writing chart %s: %w", c.ID, err)
	}
	return nil
}

// ValidID restricts chart ids to what is safe in HTML ids and JS strings.
var ValidID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// scriptEnd matches what would end or confuse a <script> element's text.
var scriptEnd = regexp.MustCompile(`(?i)</(script)|<!--`)

// escapeScript makes text safe inside a <script> element: "</script"
// becomes "<\/script" and "<!--" becomes "<\!--", which mean the same in
// JavaScript strings (the only place they can occur in JSON and in the
// minified library).
func escapeScript(s string) string {
	return scriptEnd.ReplaceAllStringFunc(s, func(m string) string {
		if m == "<!--" {
			return `<\!--`
		}
		return `<\/` + m[2:]
	})
}

// initScript creates the chart in the <div> %[1]s with the option %[2]s.
const initScript = `(function () {
  "use strict";
  var el = document.getElementById("%[1]s");
  var chart = echarts.init(el, null, {renderer: "canvas"});
  chart.setOption(%[2]s);
  window.addEventListener("resize", function () { chart.resize(); });
})();`

// echartsPageData fills echartsPage.
type echartsPageData struct {
	Title     string
	LibURLs   []string
	InlineLib template.JS
	Body      template.HTML
}

// echartsFragmentData fills echartsFragment.
type echartsFragmentData struct {
	ID          string
	Description string
	MinHeight   int
	HeadScripts []template.JS
	Script      template.JS
}

var echartsPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>html, body { height: 100%; margin: 0; } .obs-chart { width: 100%; height: 100%; }</style>
{{- range .LibURLs}}
<script src="{{.}}"></script>
{{- end}}
{{- if .InlineLib}}
<script>{{.InlineLib}}</script>
{{- end}}
</head>
<body>
{{.Body}}
</body>
</html>
`))

var echartsFragment = template.Must(template.New("fragment").Parse(`
{{- range .HeadScripts}}<script>{{.}}</script>
{{end -}}
<div id="{{.ID}}" class="obs-chart" role="img" aria-label="{{.Description}}"{{if .MinHeight}} style="min-height: {{.MinHeight}}px"{{end}}></div>
<noscript>{{.Description}}</noscript>
<script>
{{.Script}}
</script>`))
