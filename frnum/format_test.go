// This file tests the French number formatters against hand-written
// expectations and, by fuzzing, against strconv's rounding.

package frnum

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

const (
	nnbsp = "\u202f"
	nbsp  = "\u00a0"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"zero", 0, 0, "0"},
		{"zero with decimals", 0, 2, "0,00"},
		{"three digits not grouped", 999, 0, "999"},
		{"four digits grouped", 1000, 0, "1" + nnbsp + "000"},
		{"regional population", 3422845, 0, "3" + nnbsp + "422" + nnbsp + "845"},
		{"decimal comma", 12.345, 1, "12,3"},
		{"half away from zero", 0.125, 2, "0,13"},
		{"half of a binary just below", 2.675, 2, "2,68"}, // 2.675 is 2.67499999… in binary
		{"half as Excel", 8.25, 1, "8,3"},
		{"round down", 0.124, 2, "0,12"},
		{"round to integer", 2.5, 0, "3"},
		{"round to integer below half", 2.49, 0, "2"},
		{"carry", 9.995, 2, "10,00"},
		{"carry into thousands", 999.96, 1, "1" + nnbsp + "000,0"},
		{"negative half away", -0.125, 2, "\u22120,13"},
		{"grouping with decimals", 21490.456, 2, "21" + nnbsp + "490,46"},
		{"decimals not grouped", 1.23456789, 6, "1,234568"},
		{"negative uses U+2212", -4.2, 1, "\u22124,2"},
		{"negative grouped", -1234567, 0, "\u22121" + nnbsp + "234" + nnbsp + "567"},
		{"negative zero after rounding", -0.04, 1, "0,0"},
		{"negative zero", math.Copysign(0, -1), 0, "0"},
		{"negative decimals: shortest", 12.7, -1, "12,7"},
		{"shortest integer", 1e6, -1, "1" + nnbsp + "000" + nnbsp + "000"},
		{"shortest fraction", -8.25, -3, "\u22128,25"},
		{"large", 1e15, 0, "1" + nnbsp + "000" + nnbsp + "000" + nnbsp + "000" + nnbsp + "000" + nnbsp + "000"},
		{"NaN", math.NaN(), 1, "n.d."},
		{"+Inf", math.Inf(1), 1, "∞"},
		{"-Inf", math.Inf(-1), 1, "\u2212∞"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Number(tt.v, tt.decimals); got != tt.want {
				t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestUnits(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"percent", Percent(12.34, 1), "12,3" + nbsp + "%"},
		{"percent negative", Percent(-0.5, 1), "\u22120,5" + nbsp + "%"},
		{"percent NaN", Percent(math.NaN(), 1), "n.d." + nbsp + "%"},
		{"euro", Euro(21490, 0), "21" + nnbsp + "490" + nbsp + "€"},
		{"euro cents", Euro(1234.5, 2), "1" + nnbsp + "234,50" + nbsp + "€"},
		{"plain", Plain(-3422845.25, 1), "-3422845,3"},
		{"plain zero sign", Plain(-0.01, 1), "0,0"},
		{"plain NaN is empty", Plain(math.NaN(), 1), ""},
		{"plain Inf is empty", Plain(math.Inf(1), 1), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// FuzzNumber checks that Number rounds the shortest decimal form of v half
// away from zero: removing the separators, turning the comma into a dot and
// U+2212 into '-' gives a decimal r with |r − v| ≤ ½·10^−d, ties going away
// from zero, and that the grouping is well-formed.
func FuzzNumber(f *testing.F) {
	for _, seed := range []struct {
		v float64
		d int
	}{{0, 0}, {3422845, 0}, {12.345, 1}, {-4.2, 1}, {-0.04, 1}, {1e21, 0}, {123456.789, 3}, {5e-324, 3}, {2.675, 2}, {-999.95, 1}} {
		f.Add(seed.v, seed.d)
	}
	f.Fuzz(func(t *testing.T, v float64, decimals int) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		decimals %= 20
		if decimals < -1 {
			decimals = -1
		}
		got := Number(v, decimals)
		back := strings.NewReplacer(ThousandsSep, "", ",", ".", Minus, "-").Replace(got)
		r, ok := new(big.Rat).SetString(back)
		if !ok {
			t.Fatalf("Number(%v, %d) = %q: %q is not a decimal", v, decimals, got, back)
		}
		exact, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'f', -1, 64)) // shortest decimal form
		if decimals < 0 {
			if r.Cmp(exact) != 0 {
				t.Fatalf("Number(%v, -1) = %q, want the shortest form %s", v, got, exact.FloatString(20))
			}
		} else {
			half := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(big.NewInt(2), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)))
			diff := new(big.Rat).Sub(r, exact)
			absDiff := new(big.Rat).Abs(diff)
			switch absDiff.Cmp(half) {
			case 1:
				t.Fatalf("Number(%v, %d) = %q is more than half a unit away", v, decimals, got)
			case 0:
				if r.Sign() != 0 && diff.Sign() != exact.Sign() {
					t.Fatalf("Number(%v, %d) = %q: a tie must go away from zero", v, decimals, got)
				}
			}
			if _, frac, _ := strings.Cut(back, "."); len(frac) != decimals {
				t.Fatalf("Number(%v, %d) = %q has %d decimals", v, decimals, got, len(frac))
			}
		}
		if strings.HasPrefix(got, Minus) && r.Sign() == 0 {
			t.Fatalf("Number(%v, %d) = %q: negative zero", v, decimals, got)
		}
		intPart, _, _ := strings.Cut(strings.TrimPrefix(got, Minus), ",")
		groups := strings.Split(intPart, ThousandsSep)
		for i, g := range groups {
			if (i > 0 && len(g) != 3) || len(g) == 0 || len(g) > 3 {
				t.Fatalf("Number(%v, %d) = %q: bad digit group %q", v, decimals, got, g)
			}
		}
		if plain := Plain(v, decimals); strings.Replace(plain, ",", ".", 1) != back {
			t.Fatalf("Plain(%v, %d) = %q, Number gave %q", v, decimals, plain, got)
		}
	})
}
