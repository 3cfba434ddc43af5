// The bilingual error of a request: what the CLI prints and what the
// service answers as {"erreur": …, "error": …} (the service derives the
// HTTP status from its kind).

package atlas

import "fmt"

// Error is a request the caller can fix, or that cannot be answered now,
// explained in French (FR) and English (EN). Error() is the French text:
// obs speaks French to its users; the service also sends EN.
type Error struct {
	Kind   ErrorKind
	FR, EN string
}

func (e *Error) Error() string { return e.FR }

// ErrorKind says what is wrong; the zero value is Invalid.
type ErrorKind int

const (
	Invalid     ErrorKind = iota // a parameter is wrong
	Forbidden                    // the request is refused
	NotFound                     // it names nothing that exists
	Unavailable                  // the service cannot answer now
	TooMany                      // the caller has too many requests under way
	TooLarge                     // the request body is over its limit
)

// badf builds an Invalid error from two formats sharing their arguments.
func badf(fr, en string, args ...any) *Error {
	return &Error{FR: fmt.Sprintf(fr, args...), EN: fmt.Sprintf(en, args...)}
}
