// Validation errors of a plan file: each names the line, the column and
// the problem, and a file with any error is refused whole.

package plan

import (
	"fmt"
	"strings"
)

// Error is one problem of a plan file.
type Error struct {
	Line    int    // 1-based line of the file (the header is line 1)
	Column  string // column name of the header, "" for the whole line
	Problem string // in French
}

func (e Error) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("ligne %d\u00a0: %s", e.Line, e.Problem)
	}
	return fmt.Sprintf("ligne %d, colonne %s\u00a0: %s", e.Line, e.Column, e.Problem)
}

// Errors is every problem of a plan file, in line order.
type Errors []Error

func (es Errors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "plan refusé, %d erreur(s)\u00a0:", len(es))
	for _, e := range es {
		b.WriteString("\n  ")
		b.WriteString(e.Error())
	}
	return b.String()
}
