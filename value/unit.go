// Unit: what a figure counts or measures, with its French unit text.

package value

// Unit of an indicator, as declared in data/indicators.json.
type Unit string

// The units of the catalogue.
const (
	UnitPercent  Unit = "percent"   // a share or a rate, in %
	UnitCount    Unit = "count"     // people, households, allocataires
	UnitEuro     Unit = "euro"      // an amount in euros (median income…)
	UnitRatio    Unit = "ratio"     // a dimensionless ratio (D9/D1, Gini)
	UnitPer10000 Unit = "per_10000" // per 10 000 inhabitants
	UnitPerKm2   Unit = "per_km2"   // per square kilometre
)

// Units lists every unit.
var Units = []Unit{UnitPercent, UnitCount, UnitEuro, UnitRatio, UnitPer10000, UnitPerKm2}

// Additive reports whether figures of this unit are summed over territories
// (counts are; rates, amounts per person and ratios never are).
func (u Unit) Additive() bool { return u == UnitCount }

// Symbol is the French unit text printed after a number, without the
// no-break space that joins them: "%", "€", "pour 10 000 hab.", "hab./km²";
// empty for counts and ratios.
func (u Unit) Symbol() string {
	switch u {
	case UnitPercent:
		return "%"
	case UnitEuro:
		return "€"
	case UnitPer10000:
		return "pour 10\u202f000 hab."
	case UnitPerKm2:
		return "hab./km²"
	}
	return ""
}

// Label names the unit in French for a catalogue listing: the symbol, or
// "nombre" for counts and "rapport" for ratios.
func (u Unit) Label() string {
	switch u {
	case UnitCount:
		return "nombre"
	case UnitRatio:
		return "rapport"
	}
	if s := u.Symbol(); s != "" {
		return s
	}
	return string(u)
}
