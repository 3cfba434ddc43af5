// Package palette holds the ColorBrewer colour schemes that fill map
// classes ([ByName], [All]), exact to RColorBrewer, and gives the colour of
// each class of a classification, including diverging schemes centred on
// a reference value such as the regional rate ([Palette.ClassColors]).
package palette
