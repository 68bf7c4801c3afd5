package promise

import (
	"fmt"
	"time"
)

// Date is a civil date (year, month, day) in Europe/Stockholm, with no time
// of day and no zone. It is encoded as "YYYY-MM-DD" (ISO 8601, RFC 3339
// full-date).
//
// The zero Date means "no date"; [Date.IsZero] reports it. Dates are
// comparable with == and ordered by [Date.Compare].
type Date struct {
	year  int16
	month uint8
	day   uint8
}

// NewDate returns the date y-m-d, or an error when that day does not exist
// (2019-02-30) or the year is outside 1000–9999.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < 1000 || y > 9999 {
		return Date{}, fmt.Errorf("promise: year %d out of range 1000-9999", y)
	}
	if m < time.January || m > time.December {
		return Date{}, fmt.Errorf("promise: month %d out of range 1-12", int(m))
	}
	if d < 1 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("promise: %04d-%02d has no day %d", y, int(m), d)
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}, nil
}

// ParseDate parses s in the form YYYY-MM-DD. Nothing else is accepted: no
// time, no zone, no week dates, and the day must exist.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("promise: date %q is not of the form YYYY-MM-DD", s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("promise: date %q is not of the form YYYY-MM-DD", s)
	}
	return NewDate(y, time.Month(m), d)
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// tests and package-level variables.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d == Date{} }

// Year returns d's year.
func (d Date) Year() int { return int(d.year) }

// Month returns d's month.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns d's day of the month.
func (d Date) Day() int { return int(d.day) }

// Time returns midnight at the start of d in UTC. It is meant for date
// arithmetic; the library never needs a time zone database.
func (d Date) Time() time.Time {
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, time.UTC)
}

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns d moved by n months, clamping the day to the end of the
// target month (2019-01-31 plus one month is 2019-02-28).
func (d Date) AddMonths(n int) Date {
	y, m := int(d.year), int(d.month)-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	day := min(int(d.day), daysIn(y, time.Month(m+1)))
	return Date{year: int16(y), month: uint8(m + 1), day: uint8(day)}
}

// DaysUntil returns the number of days from d to e (negative when e is
// before d).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.year != e.year:
		return cmp3(int(d.year), int(e.year))
	case d.month != e.month:
		return cmp3(int(d.month), int(e.month))
	}
	return cmp3(int(d.day), int(e.day))
}

func cmp3(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	return string(d.appendTo(b))
}

func (d Date) appendTo(b []byte) []byte {
	y := int(d.year)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(b, byte('0'+d.month/10), byte('0'+d.month%10), '-')
	return append(b, byte('0'+d.day/10), byte('0'+d.day%10))
}

// MarshalText implements [encoding.TextMarshaler]. The zero Date cannot be
// encoded: omit the field instead.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return nil, fmt.Errorf("promise: cannot encode the zero Date")
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate].
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Period is an inclusive range of dates. A zero End means the period is open
// ("tills vidare", until further notice). Label keeps the document's own
// words for a period that is not given as dates ("hösten 2015").
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end,omitzero"`
	Label Text `json:"label,omitempty"`
}

// Open reports whether p has no end date.
func (p Period) Open() bool { return p.End.IsZero() }

// Contains reports whether d lies within p, both ends included.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.Start) && (p.Open() || !d.After(p.End))
}

// Within reports whether p lies entirely within q. An open p lies within q
// only if q is open too.
func (p Period) Within(q Period) bool {
	if p.Start.Before(q.Start) {
		return false
	}
	if q.Open() {
		return true
	}
	return !p.Open() && !p.End.After(q.End)
}

// Days returns the number of days in p, both ends included, or 0 for an open
// period.
func (p Period) Days() int {
	if p.Open() {
		return 0
	}
	return p.Start.DaysUntil(p.End) + 1
}

// String returns "START/END" (ISO 8601 interval notation), or "START/.." for
// an open period.
func (p Period) String() string {
	if p.Open() {
		return p.Start.String() + "/.."
	}
	return p.Start.String() + "/" + p.End.String()
}
