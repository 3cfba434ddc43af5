// This file exposes the ColorBrewer colour schemes used to fill map classes.

package palette

import (
	"fmt"
	"sort"
	"strings"
)

// Kind tells how a palette orders its colours.
type Kind string

// Palette kinds.
const (
	// Sequential palettes go from light (low values) to dark (high values).
	Sequential Kind = "sequential"
	// Diverging palettes go from one dark hue through a light neutral to
	// another dark hue; they suit values on both sides of a reference.
	Diverging Kind = "diverging"
)

// Default is the palette used when none is given: sequential and
// safe for colour-blind readers, light for low values and dark red for high
// values, which reads as "more precarity" on most indicators.
const Default = "YlOrRd"

// ReversedSuffix appended to a palette name reverses its colours
// ("Blues_r" is dark for low values), e.g. for a median income, where low
// values are the worrying ones.
const ReversedSuffix = "_r"

// MinClasses is the smallest class count ColorBrewer defines; fewer
// classes take the lightest and darkest colours of the 3-class scheme.
const MinClasses = 3

// Palette is a ColorBrewer colour scheme.
type Palette struct {
	// Name is the ColorBrewer name, with ReversedSuffix when reversed.
	Name string
	Kind Kind
	// ColorBlindSafe is RColorBrewer's "colorblind" flag: the scheme stays
	// readable for the common forms of colour-blindness.
	ColorBlindSafe bool
	// MaxClasses is the largest class count the scheme defines (9 for
	// sequential, 11 for diverging schemes).
	MaxClasses int
	reversed   bool
	center     *float64 // see WithCenter
}

// brewerScheme is one entry of the generated ColorBrewer table.
type brewerScheme struct {
	kind           Kind
	colorBlindSafe bool
	colors         map[int][]string
}

// ByName returns the ColorBrewer scheme called name ("YlOrRd",
// "RdBu", "Blues_r"…). The match ignores case. An empty name gives
// Default.
func ByName(name string) (Palette, error) {
	if name == "" {
		name = Default
	}
	base, reversed := strings.CutSuffix(name, ReversedSuffix)
	for key, s := range brewerSchemes {
		if strings.EqualFold(key, base) {
			p := Palette{Name: key, Kind: s.kind, ColorBlindSafe: s.colorBlindSafe, MaxClasses: maxKey(s.colors), reversed: reversed}
			if reversed {
				p.Name += ReversedSuffix
			}
			return p, nil
		}
	}
	return Palette{}, fmt.Errorf("palette: unknown palette %q (known: %s)", name, strings.Join(paletteNames(), ", "))
}

// All lists every scheme (not reversed), sequential first, each group
// sorted by name.
func All() []Palette {
	var out []Palette
	for _, name := range paletteNames() {
		p, _ := ByName(name)
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kind == Sequential && out[j].Kind != Sequential })
	return out
}

// Colors returns n colours as lower-case "#rrggbb", from the class of the
// lowest values to that of the highest. n may be 1 to MaxClasses: for 1
// and 2 classes, which ColorBrewer does not define, it takes the middle
// colour, or the two ends, of the 3-class scheme.
func (p Palette) Colors(n int) ([]string, error) {
	base, _ := strings.CutSuffix(p.Name, ReversedSuffix)
	s, ok := brewerSchemes[base]
	if !ok {
		return nil, fmt.Errorf("palette: unknown palette %q", p.Name)
	}
	if n < 1 || n > p.MaxClasses {
		return nil, fmt.Errorf("palette: palette %s has 1 to %d classes, %d asked", p.Name, p.MaxClasses, n)
	}
	var cols []string
	switch n {
	case 1:
		cols = []string{s.colors[3][1]}
	case 2:
		cols = []string{s.colors[3][0], s.colors[3][2]}
	default:
		cols = append([]string(nil), s.colors[n]...)
	}
	if p.reversed {
		for i, j := 0, len(cols)-1; i < j; i, j = i+1, j-1 {
			cols[i], cols[j] = cols[j], cols[i]
		}
	}
	return cols, nil
}

// paletteNames returns the generated scheme names, sorted.
func paletteNames() []string {
	names := make([]string, 0, len(brewerSchemes))
	for k := range brewerSchemes {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// maxKey returns the largest class count of a scheme.
func maxKey(m map[int][]string) int {
	max := 0
	for k := range m {
		if k > max {
			max = k
		}
	}
	return max
}
