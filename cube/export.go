// Bulk exports of facts for analysts' tools: Arrow IPC streams (pandas,
// R arrow, DuckDB read them natively) and Parquet files. Absent numbers
// are nulls, never 0.

package cube

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/region-bretagne/obs/store"
)

// exportColumns are the columns of every export, in order.
var exportSchema = arrow.NewSchema([]arrow.Field{
	{Name: "code", Type: arrow.BinaryTypes.String},
	{Name: "libelle", Type: arrow.BinaryTypes.String},
	{Name: "valeur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "numerateur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "denominateur", Type: arrow.PrimitiveTypes.Float64, Nullable: true},
	{Name: "statut", Type: arrow.BinaryTypes.String},
	{Name: "raison", Type: arrow.BinaryTypes.String},
	{Name: "couverture", Type: arrow.PrimitiveTypes.Float64},
	{Name: "millesime", Type: arrow.BinaryTypes.String},
	{Name: "source", Type: arrow.BinaryTypes.String},
	{Name: "indicateur", Type: arrow.BinaryTypes.String},
	{Name: "niveau", Type: arrow.BinaryTypes.String},
	{Name: "public", Type: arrow.BinaryTypes.String},
	{Name: "cog", Type: arrow.PrimitiveTypes.Int32},
}, nil)

// Record builds an Arrow record of facts (the caller releases it).
func Record(facts []Fact) arrow.RecordBatch {
	b := array.NewRecordBuilder(memory.DefaultAllocator, exportSchema)
	defer b.Release()
	str := func(i int, s string) { b.Field(i).(*array.StringBuilder).Append(s) }
	num := func(i int, v float64) {
		fb := b.Field(i).(*array.Float64Builder)
		if math.IsNaN(v) {
			fb.AppendNull()
		} else {
			fb.Append(v)
		}
	}
	for _, f := range facts {
		str(0, f.Code)
		str(1, f.Name)
		num(2, f.Value)
		num(3, f.Numerator)
		num(4, f.Denominator)
		str(5, string(f.Status))
		str(6, f.Reason)
		b.Field(7).(*array.Float64Builder).Append(f.Coverage)
		str(8, f.Vintage)
		str(9, f.Source)
		str(10, f.Indicator)
		str(11, string(f.Level))
		str(12, f.Public)
		b.Field(13).(*array.Int32Builder).Append(int32(f.COG))
	}
	return b.NewRecordBatch()
}

// CSVColumns are the columns of the facts CSV (obs query, /api/values).
var CSVColumns = []string{"code", "libelle", "valeur", "numerateur", "denominateur", "statut", "millesime", "source"}

// WriteCSV writes facts as a `;` CSV with a UTF-8 BOM, which French Excel
// opens as is. Absent values are empty cells, never 0; frenchDecimal
// writes decimal commas.
func WriteCSV(w io.Writer, facts []Fact, frenchDecimal bool) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	num := func(v float64) string {
		if math.IsNaN(v) {
			return ""
		}
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if frenchDecimal {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, f := range facts {
		if err := cw.Write([]string{f.Code, f.Name, num(f.Value), num(f.Numerator), num(f.Denominator), string(f.Status), f.Vintage, f.Source}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteArrow writes facts as an Arrow IPC stream.
func WriteArrow(w io.Writer, facts []Fact) error {
	rec := Record(facts)
	defer rec.Release()
	wr := ipc.NewWriter(w, ipc.WithSchema(exportSchema))
	if err := wr.Write(rec); err != nil {
		return fmt.Errorf("arrow: %w", err)
	}
	return wr.Close()
}

// WriteParquet writes facts as a Parquet file (zstd), through DuckDB's
// COPY from a throwaway in-memory database fed by the appender.
func WriteParquet(ctx context.Context, w io.Writer, facts []Fact) error {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE q (code VARCHAR, libelle VARCHAR, valeur DOUBLE, numerateur DOUBLE,
		denominateur DOUBLE, statut VARCHAR, raison VARCHAR, couverture DOUBLE, millesime VARCHAR, source VARCHAR,
		indicateur VARCHAR, niveau VARCHAR, public VARCHAR, cog INTEGER)`); err != nil {
		return err
	}
	null := func(v float64) any {
		if math.IsNaN(v) {
			return nil
		}
		return v
	}
	rows := make([][]any, len(facts))
	for i, f := range facts {
		rows[i] = []any{f.Code, f.Name, null(f.Value), null(f.Numerator), null(f.Denominator), string(f.Status), f.Reason,
			f.Coverage, f.Vintage, f.Source, f.Indicator, string(f.Level), f.Public, int32(f.COG)}
	}
	if err := store.Append(ctx, db, "q", rows); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "obs-parquet-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "q.parquet")
	if _, err := db.ExecContext(ctx, fmt.Sprintf(`COPY q TO '%s' (FORMAT parquet, COMPRESSION zstd)`, strings.ReplaceAll(tmp, "'", "''"))); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	f, err := os.Open(tmp)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
