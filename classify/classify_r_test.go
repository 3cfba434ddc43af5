// This file checks Classify against R's classInt::classIntervals on real
// Breton commune vectors (INSEE comparateur de territoires).

package classify

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/region-bretagne/obs/opendatatest"
	"github.com/region-bretagne/obs/tooltest"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// brittanyVectors reads the comparateur file and returns three commune
// vectors: unemployment rate 100·P22_CHOM1564/P22_ACT1564, median standard
// of living MED21 and share of taxed households PIMP21 (decimal comma).
// Empty, "s" and "nd" fields are skipped, never read as 0.
func brittanyVectors(t testing.TB) map[string][]float64 {
	t.Helper()
	path := filepath.Join(opendatatest.Dir(t), "insee", "base_cc_comparateur_bretagne.csv")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("open data missing: %v", err)
		}
		t.Skipf("open data missing: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	header, err := r.Read()
	if err != nil {
		t.Fatalf("%s: header: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, c := range []string{"P22_CHOM1564", "P22_ACT1564", "MED21", "PIMP21"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("%s: no column %s", path, c)
		}
	}
	num := func(s string) (float64, bool) {
		if s == "" || s == "s" || s == "nd" {
			return 0, false
		}
		v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil {
			t.Fatalf("%s: bad number %q: %v", path, s, err)
		}
		return v, true
	}
	out := map[string][]float64{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if chom, ok := num(rec[col["P22_CHOM1564"]]); ok {
			if act, ok := num(rec[col["P22_ACT1564"]]); ok && act > 0 {
				out["chomage"] = append(out["chomage"], 100*chom/act)
			}
		}
		if v, ok := num(rec[col["MED21"]]); ok {
			out["med21"] = append(out["med21"], v)
		}
		if v, ok := num(rec[col["PIMP21"]]); ok {
			out["pimp21"] = append(out["pimp21"], v)
		}
	}
	for name, v := range out {
		if len(v) < 400 {
			t.Fatalf("vector %s has only %d values", name, len(v))
		}
	}
	return out
}

// rCase is one classIntervals call and the Classify call it must match.
type rCase struct {
	style  string // classInt style, or "q6" (R quantile type 7 at the q6 probabilities)
	n      int
	method Method
	fixed  []float64
}

func TestClassifyMatchesClassInt(t *testing.T) {
	rscript := tooltest.Need(t, "Rscript", "r-base-core and r-cran-classint")
	vectors := brittanyVectors(t)
	cases := []rCase{
		{"quantile", 5, Quantile, nil},
		{"quantile", 7, Quantile, nil},
		{"equal", 5, Equal, nil},
		{"equal", 9, Equal, nil},
		{"fisher", 5, Jenks, nil},
		{"fisher", 7, Jenks, nil},
		{"sd", 5, SD, nil},
		{"sd", 3, SD, nil},
		{"headtails", 0, HeadTail, nil},
		{"q6", 6, Q6, nil},
	}
	fixed := map[string][]float64{
		"chomage": {0, 5, 7.5, 10, 12.5, 100},
		"med21":   {0, 20000, 22000, 24000, 100000},
		"pimp21":  {0, 40, 50, 60, 100},
	}
	dir := t.TempDir()
	var script strings.Builder
	script.WriteString("suppressPackageStartupMessages(library(classInt))\nout <- function(tag, b) cat(tag, sprintf('%.17g', b), '\\n')\n")
	names := []string{"chomage", "med21", "pimp21"}
	for _, name := range names {
		file := filepath.Join(dir, name+".txt")
		var buf bytes.Buffer
		for _, v := range vectors[name] {
			buf.WriteString(strconv.FormatFloat(v, 'g', 17, 64) + "\n")
		}
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&script, "x <- scan(%q, quiet = TRUE)\n", file)
		for _, c := range cases {
			tag := fmt.Sprintf("%s/%s/%d", name, c.style, c.n)
			switch c.style {
			case "q6":
				fmt.Fprintf(&script, "out(%q, unname(quantile(x, c(0, .05, .275, .5, .725, .95, 1), type = 7)))\n", tag)
			case "headtails":
				fmt.Fprintf(&script, "out(%q, classIntervals(x, style = 'headtails')$brks)\n", tag)
			default:
				fmt.Fprintf(&script, "out(%q, classIntervals(x, %d, style = %q)$brks)\n", tag, c.n, c.style)
			}
		}
		fmt.Fprintf(&script, "out(%q, classIntervals(x, style = 'fixed', fixedBreaks = c(%s))$brks)\n",
			name+"/fixed/0", joinFloats(fixed[name]))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, rscript, "-e", script.String())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "no package called") && os.Getenv("CI") == "" {
			t.Skipf("classInt not installed: %s", stderr.String())
		}
		t.Fatalf("Rscript: %v\n%s", err, stderr.String())
	}
	want := map[string][]float64{}
	sc := bufio.NewScanner(bytes.NewReader(stdout))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 {
			continue
		}
		for _, s := range f[1:] {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("R output %q: %v", sc.Text(), err)
			}
			want[f[0]] = append(want[f[0]], v)
		}
	}
	compared := 0
	for _, name := range names {
		x := vectors[name]
		all := append(cases, rCase{"fixed", 0, Manual, fixed[name]})
		for _, c := range all {
			tag := fmt.Sprintf("%s/%s/%d", name, c.style, c.n)
			t.Run(tag, func(t *testing.T) {
				r, ok := want[tag]
				if !ok {
					t.Fatalf("no R output for %s", tag)
				}
				r = uniqueSorted(r)
				got, err := Classify(x, c.method, c.n, c.fixed)
				if err != nil {
					t.Fatal(err)
				}
				if len(got.Bounds) != len(r) {
					t.Fatalf("Go %v\nR  %v", got.Bounds, r)
				}
				scale := r[len(r)-1] - r[0]
				for i := range r {
					tol := 1e-9 * math.Max(scale, math.Max(math.Abs(r[i]), math.Abs(got.Bounds[i])))
					if math.Abs(got.Bounds[i]-r[i]) > tol {
						t.Errorf("bound %d: Go %.17g, R %.17g\nGo %v\nR  %v", i, got.Bounds[i], r[i], got.Bounds, r)
					}
				}
				t.Logf("n=%d breaks %v (R agrees)", len(x), got.Bounds)
				compared++
			})
		}
	}
	if compared != len(names)*(len(cases)+1) {
		t.Errorf("compared %d cases, want %d", compared, len(names)*(len(cases)+1))
	}
}

// uniqueSorted drops repeated values of a sorted slice (classInt keeps the
// bounds of empty classes; Classify removes them).
func uniqueSorted(v []float64) []float64 {
	var out []float64
	for i, x := range v {
		if i == 0 || x != v[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func joinFloats(v []float64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strings.Join(s, ", ")
}
