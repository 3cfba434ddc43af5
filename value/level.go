// Level: the rungs of the territorial ladder, with their French names.

package value

import (
	"fmt"
	"strings"
)

// Level of a territory. Communes nest in EPCI, départements, the région and
// France; IRIS subdivide communes and QPV cut across them: neither is ever
// summed into a commune.
type Level string

// The levels, from the finest to the broadest.
const (
	LevelIRIS        Level = "iris"
	LevelQPV         Level = "qpv"
	LevelCommune     Level = "commune"
	LevelEPCI        Level = "epci"
	LevelDepartement Level = "departement"
	LevelRegion      Level = "region"
	LevelFrance      Level = "france"
)

// Levels lists every level, from the finest to the broadest.
var Levels = []Level{LevelIRIS, LevelQPV, LevelCommune, LevelEPCI, LevelDepartement, LevelRegion, LevelFrance}

// AdminLevels is the nested ladder commune < EPCI < département < région
// < France, along which counts and ratio parts are summed.
var AdminLevels = []Level{LevelCommune, LevelEPCI, LevelDepartement, LevelRegion, LevelFrance}

// ParseLevel reads a level id, as in --level and ?level=.
func ParseLevel(s string) (Level, error) {
	for _, l := range Levels {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown level %q (want one of iris, qpv, commune, epci, departement, region, france)", s)
}

// Rank orders levels from the finest (0) to the broadest; an unknown level
// ranks -1.
func (l Level) Rank() int {
	for i, x := range Levels {
		if x == l {
			return i
		}
	}
	return -1
}

// Label names one territory's level in French, capitalised: "Commune",
// "Intercommunalité (EPCI)".
func (l Level) Label() string {
	switch l {
	case LevelIRIS:
		return "Quartier IRIS"
	case LevelQPV:
		return "Quartier prioritaire (QPV)"
	case LevelCommune:
		return "Commune"
	case LevelEPCI:
		return "Intercommunalité (EPCI)"
	case LevelDepartement:
		return "Département"
	case LevelRegion:
		return "Région"
	case LevelFrance:
		return "France métropolitaine"
	}
	return string(l)
}

// Plural names the territories of a level in French, lower case, for map
// subtitles: "communes", "intercommunalités (EPCI)".
func (l Level) Plural() string {
	switch l {
	case LevelIRIS:
		return "quartiers IRIS"
	case LevelQPV:
		return "quartiers prioritaires"
	case LevelCommune:
		return "communes"
	case LevelEPCI:
		return "intercommunalités (EPCI)"
	case LevelDepartement:
		return "départements"
	case LevelRegion:
		return "région"
	case LevelFrance:
		return "France métropolitaine"
	}
	return string(l)
}

// JoinLevels writes levels separated by sep, for flag help and messages:
// "commune|epci|departement".
func JoinLevels(levels []Level, sep string) string {
	var b strings.Builder
	for i, l := range levels {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(l))
	}
	return b.String()
}

// Short names a territory's level in a few letters, under a bar or in a
// legend: "Commune", "EPCI", "Département".
func (l Level) Short() string {
	switch l {
	case LevelIRIS:
		return "IRIS"
	case LevelQPV:
		return "QPV"
	case LevelEPCI:
		return "EPCI"
	case LevelFrance:
		return "France"
	}
	return l.Label()
}
