package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

func TestCubeAPI(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/api/indicators", 200, []string{`"id":"taux_chomage_15_64"`, `"theme_libelle":`, `"millesimes":["2016","2022"]`}},
		{"/api/values?indicator=taux_chomage_15_64&level=epci", 200, []string{`"code":"243500139"`, `"statut":"ok"`, `"rang":1`, `"texte":"`}},
		{"/api/values?indicator=taux_pauvrete&level=commune", 200, []string{`"statut":"secret"`, `"texte":"secret statistique"`}},
		{"/api/values?indicator=taux_chomage_15_64&level=departement&format=csv&decimal=,", 200, []string{"\ufeffcode;libelle;valeur;numerateur;denominateur;statut;millesime;source\n", ";ok;2022;"}},
		{"/api/values?indicator=population&level=region&territory=53", 200, []string{`"valeur":3422845`}},
		// The QPV and IRIS levels: Maurepas's 2022 poverty rate (REVN_2022,
		// TP60 = 49,8) and Brno, Rennes's poorest IRIS in 2019 (DEC_TP6019 = 58,1).
		{"/api/values?indicator=taux_pauvrete&level=qpv&territory=QP035004", 200, []string{`"niveau":"qpv"`, `"code":"QP035004","libelle":"Maurepas","valeur":49.8`, `"millesime":"2022"`}},
		{"/api/values?indicator=taux_pauvrete&level=iris&format=csv", 200, []string{"352380502;Brno;58.1;;;ok;2019;"}},
		{"/api/compare/243500139", 200, []string{`"niveau":"epci"`, `"niveau":"departement"`, `"niveau":"region"`, `"raison":"non publié à ce niveau"`}},
		{"/maps/taux_chomage_15_64.svg?level=epci&method=quantile&classes=4", 200, []string{`<svg`, `data-code="243500139"`}},
		{"/maps/taux_chomage_15_64.csv?level=departement", 200, []string{"\ufeff"}},
		{"/maps/taux_chomage_15_64.geojson?level=departement", 200, []string{`"FeatureCollection"`}},
		{"/maps/population.svg?level=epci", 200, []string{`<circle`}},
		{"/embed/map/population?level=epci", 200, []string{`registerMap`, `scatter`}},
		// Bad parameters: 400 with both languages, never 500.
		{"/api/values?indicator=nope&level=epci", 400, []string{`"erreur":"indicateur inconnu « nope »`, `"error":"unknown indicator \"nope\"`}},
		{"/api/values?level=epci", 400, []string{`paramètre indicator manquant`}},
		{"/api/values?indicator=population&level=canton", 400, []string{`niveau inconnu « canton »`, `unknown level`}},
		{"/api/values?indicator=population&level=epci&format=xlsx", 400, []string{`format inconnu`}},
		{"/api/values?indicator=population&level=epci&public=martiens", 400, []string{`"erreur":"public`, `"error":"unknown parameter value`}},
		{"/api/values?indicator=population&level=epci&vintage=1789", 400, []string{`millésime`}},
		{"/api/values?indicator=population&level=commune&territory=35x38", 400, []string{`code de territoire malformé`, `malformed territory code`}},
		{"/api/compare/12", 404, []string{`territoire inconnu`}},
		{"/api/compare/abc", 400, []string{`code de territoire malformé`}},
		{"/maps/nope.svg", 400, []string{`indicateur inconnu`}},
		{"/maps/population.bmp", 400, []string{`format de carte inconnu`}},
		{"/maps/population.svg?level=region", 400, []string{`niveau de carte inconnu`}},
		{"/maps/population.svg?method=magic", 400, []string{`méthode de classification inconnue`}},
		{"/maps/population.svg?classes=x", 400, []string{`nombre de classes invalide`}},
		{"/maps/population.svg?classes=40", 400, []string{`hors de 2 à 9`}},
		{"/maps/population.svg?highlight=abc", 400, []string{`code de territoire malformé`}},
		{"/nowhere", 404, []string{`page introuvable`}},
		{"/charts/ranking/taux_chomage_15_64.svg?level=epci&territory=243500139", 200, []string{`<svg`, `Rennes Métropole`}},
		{"/charts/reference/taux_chomage_15_64.svg?territory=35238", 200, []string{`<svg`, `Rennes`}},
		{"/charts/series/population.html?territory=53", 200, []string{`setOption`, `/assets/echarts.min.js`}},
		{"/charts/pie/population.svg", 400, []string{`type de graphique inconnu`}},
		{"/sheets/243500139.html", 200, []string{`<html lang="fr"`, `Rennes Métropole`}},
		{"/sheets/53.html", 200, []string{`Bretagne`}},
		{"/sheets/35.pdf", 200, []string{`%PDF-`}},
		{"/sheets/99999.html", 404, []string{`territoire inconnu`}},
		{"/sheets/abc.html", 400, []string{`code de territoire malformé`}},
		{"/sheets/35238.docx", 400, []string{`format de portrait inconnu`}},
		{"/charts/reference/population.svg", 400, []string{`demande un territoire`}},
		{"/charts/reference/population.svg?territory=x1", 400, []string{`code de territoire malformé`}},
		{"/charts/ranking/population.gif", 400, []string{`format de graphique inconnu`}},
		{"/api/values?indicator=population&level=epci&method=jenks", 400, []string{`"erreur":"paramètre inconnu « method » (paramètres de /api/values : indicator`, `"error":"unknown parameter \"method\"`}},
		{"/api/values?indicator=population&level=epci&level=commune", 400, []string{`paramètre level donné 2 fois`, `parameter level given 2 times`}},
		{"/api/values?indicator=population&level=epci&decimal=x", 400, []string{`séparateur décimal inconnu`}},
		{"/charts/ranking/population.svg?level=epci&_=1", 400, []string{`"erreur":"paramètre inconnu « _ » (paramètres d'un graphique : level`, `"error":"unknown parameter \"_\"`}},
	}
	for _, tc := range tests {
		resp, body := get(t, ts.URL+tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s: %d, want %d: %.300s", tc.path, resp.StatusCode, tc.status, body)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: body lacks %q: %.400s", tc.path, w, body)
			}
		}
	}
}

func TestValuesBinaryFormats(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	resp, err := http.Get(ts.URL + "/api/values?indicator=taux_chomage_15_64&level=epci&format=arrow")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/vnd.apache.arrow.stream" {
		t.Errorf("content type %q", ct)
	}
	rd, err := ipc.NewReader(resp.Body, ipc.WithAllocator(memory.DefaultAllocator))
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Release()
	rows := 0
	for rd.Next() {
		rec := rd.RecordBatch()
		rows += int(rec.NumRows())
		if rec.Schema().Field(2).Name != "valeur" {
			t.Errorf("column 2 is %s", rec.Schema().Field(2).Name)
		}
	}
	if rows != 61 {
		t.Errorf("%d Arrow rows, want 61 EPCI", rows)
	}
	resp2, body := get(t, ts.URL+"/api/values?indicator=taux_chomage_15_64&level=epci&format=parquet")
	if resp2.StatusCode != 200 || !strings.HasPrefix(body, "PAR1") || !strings.HasSuffix(body, "PAR1") {
		t.Errorf("not a Parquet file: %d %q", resp2.StatusCode, body[:min(8, len(body))])
	}
}

func TestMapPathsOnePerTerritory(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	for level, n := range map[string]int{"commune": 1202, "epci": 61, "departement": 4} {
		_, body := get(t, ts.URL+"/maps/taux_chomage_15_64.svg?level="+level)
		if got := len(regexp.MustCompile(`<path[^>]*data-code=`).FindAllString(body, -1)); got != n {
			t.Errorf("%s: %d paths, want %d", level, got, n)
		}
	}
	var vals struct {
		Valeurs []map[string]any `json:"valeurs"`
	}
	resp, err := http.Get(ts.URL + "/api/values?indicator=taux_chomage_15_64&level=epci")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&vals); err != nil || len(vals.Valeurs) != 61 {
		t.Errorf("%d values (%v)", len(vals.Valeurs), err)
	}
}

func TestEmbedMap(t *testing.T) {
	s, err := New(t.Context(), Options{DBPath: sharedStore(t), Logger: quiet, Poll: time.Hour, FrameAncestors: "'self' https://www.bretagne.bzh"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	resp, body := get(t, ts.URL+"/embed/map/taux_chomage_15_64?level=epci&method=quantile")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %.300s", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); csp != "frame-ancestors 'self' https://www.bretagne.bzh" {
		t.Errorf("CSP %q", csp)
	}
	reg, set := strings.Index(body, "registerMap"), strings.Index(body, "setOption")
	if reg < 0 || set < 0 || reg > set {
		t.Errorf("registerMap at %d, setOption at %d: the map must be registered first", reg, set)
	}
	if regexp.MustCompile(`<script[^>]+src="https?://`).MatchString(body) {
		t.Error("the embed loads a script from the network")
	}
	if !strings.Contains(body, `src="/assets/echarts.min.js"`) {
		t.Error("the embed does not load echarts from obs")
	}
	resp, body = get(t, ts.URL+"/embed/map/nope")
	if resp.StatusCode != 400 || !strings.Contains(body, "indicateur inconnu") {
		t.Errorf("unknown indicator: %d %s", resp.StatusCode, body)
	}
}

func TestGzip(t *testing.T) {
	_, ts := newServer(t, sharedStore(t))
	req, _ := http.NewRequest("GET", ts.URL+"/maps/taux_chomage_15_64.svg?level=commune", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil || !bytes.HasPrefix(b, []byte("<svg")) {
		t.Errorf("gunzipped body %.40q (%v)", b, err)
	}
	_, plain := get(t, ts.URL+"/maps/taux_chomage_15_64.svg?level=commune") // the client decompresses transparently
	if plain != string(b) {
		t.Error("gzip and plain bodies differ")
	}
}
