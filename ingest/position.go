// Positions in source files: byte offsets turned into line:column, so that
// every error tells the user where to look in the file.

package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Position is a place in a text file, 1-based.
type Position struct {
	Line, Col int
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// positionAt converts a byte offset of b into a line and column.
func positionAt(b []byte, off int64) Position {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	if off < 0 {
		off = 0
	}
	head := b[:off]
	line := bytes.Count(head, []byte{'\n'}) + 1
	col := int(off) - (bytes.LastIndexByte(head, '\n') + 1) + 1
	return Position{line, col}
}

// ParseError is an error at a place of a source file.
type ParseError struct {
	File    string   // path as given to the user
	Pos     Position // zero when unknown
	Element string   // "element 12", "feature 3 (code 35238)"…
	Err     error
}

func (e *ParseError) Error() string {
	s := e.File
	if e.Pos.Line > 0 {
		s += ":" + e.Pos.String()
	}
	if e.Element != "" {
		s += ": " + e.Element
	}
	return s + ": " + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// jsonError turns a decoding error at offset off of b into a ParseError,
// using the syntax error's own offset when it has one.
func jsonError(file string, b []byte, off int64, element string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		off = int64(len(b))
		err = fmt.Errorf("file is truncated (unexpected end of JSON): %w", io.ErrUnexpectedEOF)
	}
	return &ParseError{File: file, Pos: positionAt(b, off), Element: element, Err: err}
}

// jsonArray streams the elements of a top-level JSON array, calling fn with
// each raw element, its index and its starting offset.
func jsonArray(file string, b []byte, fn func(i int, off int64, raw json.RawMessage) error) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return jsonError(file, b, dec.InputOffset(), "", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return &ParseError{File: file, Pos: positionAt(b, 0), Err: fmt.Errorf("expected a JSON array, found %v", tok)}
	}
	for i := 0; dec.More(); i++ {
		off := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return jsonError(file, b, off, fmt.Sprintf("element %d", i), err)
		}
		if err := fn(i, skipSpace(b, off), raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return jsonError(file, b, dec.InputOffset(), "", err)
	}
	return nil
}

// skipSpace moves off past separators to the first byte of the value.
func skipSpace(b []byte, off int64) int64 {
	for off < int64(len(b)) {
		switch b[off] {
		case ' ', '\n', '\r', '\t', ',':
			off++
		default:
			return off
		}
	}
	return off
}
