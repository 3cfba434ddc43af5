// Package frnum formats numbers for French-speaking readers, following the
// typography of INSEE publications and of the Imprimerie nationale:
//
//   - decimal comma: 12,3
//   - NARROW NO-BREAK SPACE (U+202F) between groups of three digits of the
//     integer part, from 1 000 upwards: 3 422 845 (decimals are not grouped);
//   - MINUS SIGN (U+2212) for negative numbers: −4,2. The typographic minus
//     is the French norm for print; use [Plain] when the text must be read
//     back by a spreadsheet, which wants an ASCII hyphen-minus;
//   - NO-BREAK SPACE (U+00A0) before the unit of [Percent] and [Euro]:
//     12,3 % and 21 490 €.
//
// Rounding is half away from zero on the shortest decimal representation
// of the float (the digits strconv prints for it, which are the digits the
// analyst sees in a spreadsheet): 8.25 gives "8,3", 2.675 gives "2,68" and
// −0.125 gives "−0,13", as Excel's ROUND does, and not the ties-to-even of
// the binary value that strconv.FormatFloat would apply. A value that
// rounds to zero is printed without a sign ("0,0", never "−0,0"). NaN
// prints as "n.d." and infinities as "∞" / "−∞": callers should never pass
// them for display, and these strings make the mistake
// visible instead of printing a misleading number.
package frnum
