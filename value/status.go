// Status: how far a figure can be trusted or shown, from a published value
// to statistical secrecy.

package value

// Status of an observation or a fact. Every value of the store carries one.
type Status string

// The statuses, from the least to the most restrictive.
const (
	StatusOK        Status = "ok"        // published figure
	StatusFloored   Status = "floored"   // published at a floor (poverty rate < 5 % shown as 5 %)
	StatusEstimated Status = "estimated" // rounded or otherwise approximate (CAF counts rounded to 5)
	StatusPartial   Status = "partial"   // a sum or ratio over part of the territory only (coverage < 100 %)
	StatusMissing   Status = "missing"   // not available, not significant, not published
	StatusSecret    Status = "secret"    // statistical secrecy: never shown, never 0
)

// Statuses lists every status, in display order.
var Statuses = []Status{StatusOK, StatusEstimated, StatusPartial, StatusFloored, StatusSecret, StatusMissing}

// HasValue reports whether a figure of this status is shown as a number.
func (s Status) HasValue() bool {
	return s == StatusOK || s == StatusFloored || s == StatusEstimated || s == StatusPartial
}

// Severity orders statuses from the least to the most restrictive: ok,
// floored, estimated, partial, missing, secret; an unknown status is the
// most restrictive of all.
func (s Status) Severity() int {
	switch s {
	case StatusOK:
		return 0
	case StatusFloored:
		return 1
	case StatusEstimated:
		return 2
	case StatusPartial:
		return 3
	case StatusMissing:
		return 4
	case StatusSecret:
		return 5
	}
	return 6
}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool { return s.Severity() < 6 }
