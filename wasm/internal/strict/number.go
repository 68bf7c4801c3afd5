package strict

import "strings"

// decimal is a JSON number literal as an exact value: digits × 10^exp,
// negated when neg, with digits free of leading and trailing zeros ("" is
// zero). The JSON Schema validator compares numbers exactly (as rationals),
// so the widget does too: 1.0000000000000000001 is more than 1 although
// it is 1 as a float64.
type decimal struct {
	neg    bool
	digits string
	exp    int
}

// maxExp bounds exponents: a literal's own exponent is clamped to it,
// which keeps arithmetic on them from overflowing while every comparison
// with the schema's small numbers stays exact.
const maxExp = 1 << 40

// parseDecimal returns the value of a JSON number literal (already checked
// by the parser).
func parseDecimal(lit string) decimal {
	var d decimal
	if strings.HasPrefix(lit, "-") {
		d.neg, lit = true, lit[1:]
	}
	mant, e := lit, ""
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		mant, e = lit[:i], lit[i+1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	exp := 0
	if e != "" {
		neg := e[0] == '-'
		if e[0] == '-' || e[0] == '+' {
			e = e[1:]
		}
		for i := 0; i < len(e) && exp < maxExp; i++ {
			exp = exp*10 + int(e[i]-'0')
		}
		exp = min(exp, maxExp)
		if neg {
			exp = -exp
		}
	}
	digits := intPart
	if frac != "" {
		digits += frac
	}
	digits = strings.TrimLeft(digits, "0")
	exp -= len(frac)
	trimmed := strings.TrimRight(digits, "0")
	exp += len(digits) - len(trimmed)
	d.digits, d.exp = trimmed, exp
	if d.digits == "" {
		d = decimal{}
	}
	return d
}

// isInteger reports whether d has no fractional part.
func (d decimal) isInteger() bool { return d.exp >= 0 }

// cmp returns -1, 0 or +1 as d is less than, equal to or greater than e.
func (d decimal) cmp(e decimal) int {
	switch {
	case d.digits == "" && e.digits == "":
		return 0
	case d.digits == "":
		return sign(!e.neg)
	case e.digits == "":
		return sign(d.neg)
	case d.neg != e.neg:
		return sign(d.neg)
	}
	c := d.cmpAbs(e)
	if d.neg {
		return -c
	}
	return c
}

// sign returns -1 when neg, else +1.
func sign(neg bool) int {
	if neg {
		return -1
	}
	return 1
}

// cmpAbs compares the magnitudes of two non-zero decimals.
func (d decimal) cmpAbs(e decimal) int {
	// The position of the leading digit decides first.
	dl, el := len(d.digits)+d.exp, len(e.digits)+e.exp
	switch {
	case dl < el:
		return -1
	case dl > el:
		return 1
	}
	for i := 0; i < max(len(d.digits), len(e.digits)); i++ {
		a, b := byte('0'), byte('0')
		if i < len(d.digits) {
			a = d.digits[i]
		}
		if i < len(e.digits) {
			b = e.digits[i]
		}
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
	}
	return 0
}

// multipleOf reports whether d is an integer multiple of m, a positive
// integer (the generator accepts no other multipleOf).
func (d decimal) multipleOf(m int64) bool {
	if !d.isInteger() {
		return false
	}
	if m == 1 || d.digits == "" {
		return true
	}
	var r int64
	for i := 0; i < len(d.digits); i++ {
		r = (r*10 + int64(d.digits[i]-'0')) % m
	}
	for i := 0; i < d.exp && r != 0; i++ {
		r = r * 10 % m
	}
	return r == 0
}

// key returns a canonical text of d: equal numbers, equal keys.
func (d decimal) key() string {
	if d.digits == "" {
		return "0"
	}
	s := d.digits + "e" + itoa(d.exp)
	if d.neg {
		return "-" + s
	}
	return s
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [24]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
