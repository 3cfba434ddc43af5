// Truths of the staged data that the territorial frame must reproduce.

package ingest

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestCommuneCounts(t *testing.T) {
	db := builtStore(t)
	tests := []struct {
		cog   int
		dep   string
		count int
	}{
		{2026, "", 1202}, {2026, "22", 344}, {2026, "29", 277}, {2026, "35", 332}, {2026, "56", 249},
		{2024, "", 1206}, {2024, "22", 348},
	}
	for _, tc := range tests {
		got := queryInt(t, db, `SELECT count(*) FROM membership m JOIN territory t ON t.cog=m.cog AND t.level='commune' AND t.code=m.commune
			WHERE m.cog=? AND (?='' OR m.departement=?)`, tc.cog, tc.dep, tc.dep)
		if got != tc.count {
			t.Errorf("COG %d département %q: %d communes, want %d", tc.cog, tc.dep, got, tc.count)
		}
	}
}

func TestEPCICounts(t *testing.T) {
	db := builtStore(t)
	for _, cog := range []int{2024, 2026} {
		touch := queryInt(t, db, `SELECT count(*) FROM territory WHERE cog=? AND level='epci'`, cog)
		inside := queryInt(t, db, `SELECT count(*) FROM territory WHERE cog=? AND level='epci' AND in_region`, cog)
		if touch != 61 || inside != 59 {
			t.Errorf("COG %d: %d EPCI touch Bretagne and %d lie inside, want 61 and 59", cog, touch, inside)
		}
		rows, err := db.Query(`SELECT code FROM territory WHERE cog=? AND level='epci' AND cross_border ORDER BY code`, cog)
		if err != nil {
			t.Fatal(err)
		}
		var cross []string
		for rows.Next() {
			var c string
			rows.Scan(&c)
			cross = append(cross, c)
		}
		rows.Close()
		if want := []string{"243500741", "244400610"}; !slices.Equal(cross, want) {
			t.Errorf("COG %d: cross-border EPCI %v, want %v (Redon Agglomération, Cap Atlantique)", cog, cross, want)
		}
		geoms := queryInt(t, db, `SELECT count(*) FROM geometry WHERE cog=? AND level='epci'`, cog)
		if geoms != 61 {
			t.Errorf("COG %d: %d EPCI geometries, want 61", cog, geoms)
		}
	}
}

func TestEveryCommuneHasOneGeometryAndAtMostOneEPCI(t *testing.T) {
	db := builtStore(t)
	for _, cog := range []int{2024, 2026} {
		bad := queryInt(t, db, `SELECT count(*) FROM territory t WHERE t.cog=? AND t.level='commune'
			AND (SELECT count(*) FROM geometry g WHERE g.cog=t.cog AND g.level='commune' AND g.code=t.code) <> 1`, cog)
		if bad != 0 {
			t.Errorf("COG %d: %d communes without exactly one geometry", cog, bad)
		}
		// membership's key (cog, commune) makes a second EPCI impossible; check it is one row each.
		multi := queryInt(t, db, `SELECT count(*) FROM (SELECT commune FROM membership WHERE cog=? GROUP BY commune HAVING count(*) > 1)`, cog)
		if multi != 0 {
			t.Errorf("COG %d: %d communes in several EPCI", cog, multi)
		}
	}
	rows, err := db.Query(`SELECT m.commune || ' ' || t.name FROM membership m JOIN territory t ON t.cog=m.cog AND t.level='commune' AND t.code=m.commune
		WHERE m.cog=2026 AND m.epci IS NULL ORDER BY m.commune`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var none []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		none = append(none, s)
	}
	want := []string{"22016 Île-de-Bréhat", "29083 Île-de-Sein", "29155 Ouessant"}
	if !slices.Equal(none, want) {
		t.Errorf("communes outside any EPCI: %v, want %v", none, want)
	}
}

func TestRegionBoundingBox(t *testing.T) {
	db := builtStore(t)
	var xmin, ymin, xmax, ymax float64
	if err := db.QueryRow(`SELECT xmin, ymin, xmax, ymax FROM geometry WHERE cog=2026 AND level='region' AND code='53'`).Scan(&xmin, &ymin, &xmax, &ymax); err != nil {
		t.Fatal(err)
	}
	// The bounds are given to a tenth of a degree; Les Sept-Îles reach
	// 48.9006° N, so compare at the precision the bounds are stated in (0.01°).
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	if r(xmin) < -5.2 || r(xmax) > -1.0 || r(ymin) < 47.2 || r(ymax) > 48.9 {
		t.Errorf("region bbox lon %.4f…%.4f lat %.4f…%.4f, want within lon −5.2…−1.0, lat 47.2…48.9", xmin, xmax, ymin, ymax)
	}
}

func TestMergedCommunesAreDissolved(t *testing.T) {
	db := builtStore(t)
	// Rives-du-Couesnon (35282) gathers four 2018 polygons: its
	// shape must be one polygon without the old internal borders.
	var full string
	var parts int
	if err := db.QueryRow(`SELECT full_geojson FROM geometry WHERE cog=2026 AND level='commune' AND code='35282'`).Scan(&full); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM commune_map WHERE from_vintage=2018 AND to_cog=2026 AND to_code='35282'`).Scan(&parts); err != nil {
		t.Fatal(err)
	}
	if parts < 2 {
		t.Fatalf("35282 has %d 2018 polygons, want several", parts)
	}
	g := parseGeometry(t, full)
	polys := polygonsOf(g)
	if len(polys) != 1 || len(polys[0]) != 1 {
		t.Errorf("35282: %d polygons, first with %d rings; want one polygon with one ring (internal borders dissolved)", len(polys), len(polys[0]))
	}
	// Every merged commune's shape has fewer polygons than its parts.
	rows, err := db.Query(`SELECT g.code, g.full_geojson, count(*) FROM geometry g JOIN commune_map c ON c.to_cog=g.cog AND c.to_code=g.code AND c.from_vintage=2018
		WHERE g.cog=2026 AND g.level='commune' GROUP BY g.code, g.full_geojson HAVING count(*) > 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var code, js string
		var k int
		rows.Scan(&code, &js, &k)
		if got := len(polygonsOf(parseGeometry(t, js))); got >= k {
			t.Errorf("commune %s: %d polygons from %d parts: not dissolved", code, got, k)
		}
		n++
	}
	if n == 0 {
		t.Error("no merged commune found")
	}
}

func TestWebGeometrySize(t *testing.T) {
	db := builtStore(t)
	var size, n int
	if err := db.QueryRow(`SELECT sum(length(web_geojson)), count(*) FROM geometry WHERE cog=2026 AND level='commune'`).Scan(&size, &n); err != nil {
		t.Fatal(err)
	}
	// A FeatureCollection adds a few dozen bytes a feature for code and name.
	total := size + n*80
	if n != 1202 || total >= 1<<20 {
		t.Errorf("%d simplified communes serialise to about %d bytes, want 1202 under 1 MB", n, total)
	}
}

func TestQPVLinks(t *testing.T) {
	db := builtStore(t)
	rows, err := db.Query(`SELECT qpv, string_agg(commune, ',' ORDER BY commune) FROM qpv_commune WHERE cog=2026 AND generation=2015 GROUP BY qpv ORDER BY qpv`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var q, c string
		rows.Scan(&q, &c)
		got = append(got, q+":"+c)
	}
	want := []string{"QP035001:35288", "QP035002:35238", "QP035003:35238", "QP035004:35238", "QP035005:35238", "QP035006:35238"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("QPV links %v, want %v (Saint-Malo, then Rennes)", got, want)
	}
}

func TestSourcesRecorded(t *testing.T) {
	db := builtStore(t)
	rows, err := db.Query(`SELECT id, path, sha256, bytes, publisher, vintage, licence FROM source ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, path, sum, pub, vin, lic string
		var bytes int64
		if err := rows.Scan(&id, &path, &sum, &bytes, &pub, &vin, &lic); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(path, "/") || len(sum) != 64 || bytes <= 0 || pub == "" || vin == "" || lic == "" {
			t.Errorf("source %s incomplete: path %q sha256 %q bytes %d publisher %q vintage %q licence %q", id, path, sum, bytes, pub, vin, lic)
		}
		n++
	}
	if n < 11 {
		t.Errorf("%d sources recorded, want the 11 geographic files", n)
	}
}
