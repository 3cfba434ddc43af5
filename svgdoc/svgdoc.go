// This file holds what every static SVG of obs (maps and charts) shares:
// the drawing style, the hatching of secret values, number and text
// escaping, and line wrapping.

package svgdoc

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/region-bretagne/obs/frnum"
)

// Style shared by the maps and the charts.
const (
	// HatchID is the id of the hatching pattern written by [WriteDefs].
	HatchID = "obs-secret-hatch"
	// Margin is the outer margin of a drawing, in pixels.
	Margin = 16.0
	// FontFamily is the font stack of every text.
	FontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif"
	// TextColor is the colour of every text.
	TextColor = "#252525"
	// SecretColor and SecretHatchColor draw the hatching of territories
	// under statistical secrecy: dark grey diagonal lines on white.
	SecretColor      = "#ffffff"
	SecretHatchColor = "#636363"
)

// Territories is "1 territoire" or "12 territoires".
func Territories(n int) string {
	if n <= 1 {
		return frnum.Number(float64(n), 0) + " territoire"
	}
	return frnum.Number(float64(n), 0) + " territoires"
}

// Num formats a pixel quantity with at most one decimal.
func Num(f float64) string {
	return strconv.FormatFloat(float64(int64(f*10+0.5*sign(f)))/10, 'f', -1, 64)
}

func sign(f float64) float64 {
	if f < 0 {
		return -1
	}
	return 1
}

// Esc escapes text for XML content and attribute values.
func Esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteDefs writes the hatching pattern of secret values.
func WriteDefs(b *strings.Builder) {
	fmt.Fprintf(b, `<defs><pattern id="%s" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`+
		`<rect width="6" height="6" fill="%s"/><line x1="0" y1="0" x2="0" y2="6" stroke="%s" stroke-width="2"/></pattern></defs>`+"\n",
		HatchID, SecretColor, SecretHatchColor)
}

// Wrap splits s into lines of at most width characters, at ASCII spaces
// only: no-break spaces (before %, :, and in numbers) never break.
func Wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Split(s, " ") {
		if w == "" {
			continue
		}
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
