// Package value holds the vocabulary of one published figure, shared by
// every layer of obs: its [Status] (ok, estimated, floored, partial,
// secret, missing), the [Level] of its territory (commune, IRIS, QPV, EPCI,
// département, région, France) and its [Unit] (percent, euro, count…), with
// the French words for each. It is the ground floor: it imports nothing of
// obs, and ingest, cube, maps, atlas, report and the server all speak it,
// so a status or a level is named once and read the same everywhere.
package value
