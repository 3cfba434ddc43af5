// The sandbox wire protocol between the server and its worker processes:
// length-prefixed JSON frames on the worker's standard input and output,
// one request and one response per query.

package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"reflect"
	"time"
)

// request asks a worker to run one query.
type request struct {
	Query     string `json:"query"`
	TimeoutMS int64  `json:"timeout_ms"` // time left to this query
	LimitMS   int64  `json:"limit_ms"`   // the sandbox's timeout, to name in errors
	MaxRows   int    `json:"max_rows"`
	MaxBytes  int    `json:"max_bytes"`
}

// response is a worker's answer: a result, or an error and its kind.
type response struct {
	Result  *Result `json:"result,omitempty"`
	Error   string  `json:"error,omitempty"`
	Refused bool    `json:"refused,omitempty"` // the guard refused the statement
	Stopped bool    `json:"stopped,omitempty"` // a limit stopped the query
}

// writeFrame writes v as one frame: a 4-byte big-endian length, then JSON.
func writeFrame(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(b)))
	if _, err := w.Write(append(head[:], b...)); err != nil {
		return err
	}
	return nil
}

// readFrame reads one frame of at most max bytes into v. Numbers decode as
// json.Number, so that 64-bit integers keep every digit.
func readFrame(r io.Reader, max int, v any) error {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return err
	}
	n := int(binary.BigEndian.Uint32(head[:]))
	if n > max {
		return fmt.Errorf("sandbox: frame of %d bytes exceeds %d", n, max)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

// jsonable turns a scanned DuckDB value into one encoding/json can write:
// non-finite floats become strings, maps get string keys, huge integers
// and decimals their digits.
func jsonable(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, int, []byte:
		return v
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Sprint(x)
		}
		return x
	case float32:
		return jsonable(float64(x))
	case *big.Int:
		return json.Number(x.String())
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case []any:
		for i := range x {
			x[i] = jsonable(x[i])
		}
		return x
	case map[string]any:
		for k := range x {
			x[k] = jsonable(x[k])
		}
		return x
	case fmt.Stringer:
		return x.String()
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Map {
		out := make(map[string]any, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			out[fmt.Sprint(it.Key().Interface())] = jsonable(it.Value().Interface())
		}
		return out
	}
	return v
}
