// Package classify cuts a series of values into classes for a map: one
// [Breaks] value, built by [Classify] with one of the classInt methods
// (quantile, equal intervals, Fisher–Jenks, standard deviation, geometric
// progression, head/tail, manual), gives the class of every value. It is
// pure arithmetic: the results are checked against R's classInt, and the
// maps package draws both the fill and the legend from the same Breaks.
package classify
