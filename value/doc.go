// Package value holds the vocabulary of one published figure, shared by
// every layer of obs: its [Status] (ok, estimated, floored, partial,
// secret, missing), the [Level] of its territory (commune, IRIS, QPV, EPCI,
// département, région, France) and its [Unit] (percent, euro, count…), with
// the French words for each, and the one French text of a figure, [Text],
// in the [Form] each output needs (table, tooltip, short label, prose):
// a floored figure reads "≤ 5,0 %" everywhere, a missing one "n.d." except
// in prose ("non disponible").
//
// It is the ground floor: it imports nothing of obs but the number
// formatter frnum, and ingest, cube, maps, atlas, report and the server all
// speak it, so a status or a level is named once and read the same
// everywhere.
package value
