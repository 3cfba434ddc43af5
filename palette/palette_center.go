// This file maps classes to palette colours, including diverging palettes
// centred on a reference value (for example the regional rate).

package palette

import (
	"fmt"
	"github.com/region-bretagne/obs/classify"
	"math"
)

// WithCenter returns a copy of a diverging palette whose neutral colour
// sits on the reference value v: classes below v take the colours of one
// side, classes above v those of the other side, with equal colour steps on
// both sides, and a class containing v takes the neutral middle colour.
// ClassColors then applies it. A sequential palette ignores the centre.
func (p Palette) WithCenter(v float64) Palette {
	p.center = &v
	return p
}

// Center returns the reference value of a centred palette.
func (p Palette) Center() (float64, bool) {
	if p.center == nil {
		return 0, false
	}
	return *p.center, true
}

// ClassColors returns one colour per class of b, lowest class first. It is
// the only way fill and legend colours are chosen, so they always agree.
func (p Palette) ClassColors(b classify.Breaks) ([]string, error) {
	n := b.Classes()
	if n == 0 {
		return nil, nil
	}
	c, centred := p.Center()
	if !centred || p.Kind != Diverging {
		return p.Colors(n)
	}
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return nil, fmt.Errorf("palette: palette %s centred on %v", p.Name, c)
	}
	below, straddle, above := 0, 0, 0
	for i := 0; i < n; i++ {
		lo, hi, _, _ := b.Interval(i)
		switch {
		case hi <= c:
			below++
		case lo >= c:
			above++
		default:
			straddle++
		}
	}
	side := max(below, above)
	size := 2*side + straddle
	if size > p.MaxClasses {
		return nil, fmt.Errorf("palette: palette %s centred on %v needs %d colours (%d classes below, %d above), it has %d",
			p.Name, c, size, below, above, p.MaxClasses)
	}
	all, err := p.Colors(size)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, n)
	out = append(out, all[side-below:side]...)
	out = append(out, all[side:side+straddle]...)
	out = append(out, all[side+straddle:side+straddle+above]...)
	return out, nil
}
