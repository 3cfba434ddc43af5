// The bilan of the plan in HTML (A4, French typography), per theme: the
// actions with baseline → current → target, a status badge (text, symbol
// and colour), a sparkline of the series, status counts per theme and per
// pilot, gaps, and sources with vintages in footnotes. The PDF is this
// page printed by package printer.

package plan

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/region-bretagne/obs/cube"
	"github.com/region-bretagne/obs/frnum"
	"github.com/region-bretagne/obs/value"
)

//go:embed bilan.html.tmpl
var bilanTmpl string

// Badge is how a status is shown: a symbol and a colour class besides the
// text, never the colour alone.
func (s Status) Badge() (symbol, class string) {
	switch s {
	case OnTrack:
		return "✓", "ok"
	case Accelerate:
		return "↗", "accel"
	case Insufficient:
		return "→", "insuf"
	case MovingAway:
		return "✗", "away"
	}
	return "?", "na"
}

type themeView struct {
	ID, Label string
	Results   []rowView
	Counts    []countView
}

type countView struct {
	Status Status
	N      int
}

type rowView struct {
	Result
	Base, Current, Target, Rate string
	Sparkline                   template.HTML
	Note                        int
	Symbol, Class               string
}

type pilotView struct {
	Pilot  string
	Counts []countView
}

// HTML renders the bilan as a self-contained A4 page.
func (b *Bilan) HTML(cat *cube.Catalogue) ([]byte, error) {
	notes := []string{}
	noteOf := map[string]int{}
	note := func(r Result) int {
		if len(r.Sources) == 0 {
			return 0
		}
		s := strings.Join(r.Sources, "\u00a0; ") + fmt.Sprintf(" — COG %d", b.COG)
		if n, ok := noteOf[s]; ok {
			return n
		}
		notes = append(notes, s)
		noteOf[s] = len(notes)
		return len(notes)
	}
	var themes []themeView
	for _, th := range cat.Themes {
		tv := themeView{ID: th.ID, Label: th.Label}
		for _, r := range b.Results {
			if r.Theme != th.ID {
				continue
			}
			rv := rowView{Result: r, Base: r.text(r.Base), Current: r.text(r.Current), Target: r.text(r.Target), Note: note(r)}
			if !math.IsNaN(r.Rate) {
				rv.Rate = value.UnitPercent.Format(100*r.Rate, 0)
			}
			rv.Symbol, rv.Class = r.Status.Badge()
			rv.Sparkline = sparkline(r)
			tv.Results = append(tv.Results, rv)
		}
		if len(tv.Results) == 0 {
			continue
		}
		tv.Counts = counts(b.Count(func(r Result) string { return r.Theme })[th.ID])
		themes = append(themes, tv)
	}
	var pilots []pilotView
	byPilot := b.Count(func(r Result) string { return r.Pilot })
	for p, c := range byPilot {
		pilots = append(pilots, pilotView{p, counts(c)})
	}
	slices.SortFunc(pilots, func(a, b pilotView) int { return strings.Compare(a.Pilot, b.Pilot) })
	t, err := template.New("bilan").Funcs(template.FuncMap{"badge": func(s Status) string { sym, _ := s.Badge(); return sym },
		"class": func(s Status) string { _, c := s.Badge(); return c }}).Parse(bilanTmpl)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = t.Execute(&buf, map[string]any{"Bilan": b, "Themes": themes, "Pilots": pilots, "Notes": notes, "Statuses": Statuses,
		"Total": counts(b.Count(func(Result) string { return "" })[""])})
	return buf.Bytes(), err
}

// text is a point's value in French with its year: "15,4 % (2024)".
func (r Result) text(p Point) string {
	if p.Year == 0 {
		return "—"
	}
	v := frnum.NotAvailable
	if !math.IsNaN(p.Value) {
		v = r.Unit.Format(p.Value, r.Decimals)
	}
	return fmt.Sprintf("%s (%d)", v, p.Year)
}

func counts(m map[Status]int) []countView {
	var out []countView
	for _, s := range Statuses {
		if m[s] > 0 {
			out = append(out, countView{s, m[s]})
		}
	}
	return out
}

// sparkline draws the series of a result (with the target as a dashed
// line) as a small inline SVG; secret and missing vintages leave a gap.
func sparkline(r Result) template.HTML {
	const w, h, pad = 110.0, 28.0, 3.0
	var xs []int
	var ys []float64
	for _, f := range r.Series {
		if f.HasValue() {
			xs, ys = append(xs, VintageYear(f.Vintage)), append(ys, f.Value)
		}
	}
	if len(xs) < 2 {
		return ""
	}
	x0, x1 := xs[0], xs[len(xs)-1]
	lo, hi := slices.Min(ys), slices.Max(ys)
	hasT := r.Target.Year != 0 && !math.IsNaN(r.Target.Value)
	if hasT {
		lo, hi = math.Min(lo, r.Target.Value), math.Max(hi, r.Target.Value)
		x1 = max(x1, r.Target.Year)
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	px := func(y int) float64 { return pad + (w-2*pad)*float64(y-x0)/float64(max(1, x1-x0)) }
	py := func(v float64) float64 { return h - pad - (h-2*pad)*(v-lo)/(hi-lo) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="série %d–%d">`, w, h, w, h, xs[0], xs[len(xs)-1])
	if hasT {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" class="target"/>`, px(xs[0]), px(r.Target.Year), py(r.Target.Value), py(r.Target.Value))
	}
	b.WriteString(`<polyline points="`)
	for i := range xs {
		fmt.Fprintf(&b, "%.1f,%.1f ", px(xs[i]), py(ys[i]))
	}
	b.WriteString(`"/>`)
	last := len(xs) - 1
	fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2"/></svg>`, px(xs[last]), py(ys[last]))
	return template.HTML(b.String())
}
