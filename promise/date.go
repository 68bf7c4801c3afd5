package promise

import (
	"errors"
	"fmt"
	"time"
)

// Precision says how much of a [Date] the source gives: a day, only a month
// ("oktober 2018") or only a year ("2019").
type Precision uint8

// The precisions of a [Date].
const (
	DayPrecision   Precision = iota // 2019-02-08
	MonthPrecision                  // 2018-10
	YearPrecision                   // 2019
)

// Date is a civil date in Europe/Stockholm, with no time of day and no zone,
// as precise as its source: a day ("2019-02-08"), a month ("2018-10") or a
// year ("2019") (ISO 8601 complete and reduced precision). A fact known only
// to the month is a month, never an invented day.
//
// Where a rule needs a day, a date that is a month or a year stands for its
// first day at the start of a period ([Date.First]) and for its last day
// everywhere else ([Date.Last]): a period "2018-10"–"2019" runs from
// 2018-10-01 to 2019-12-31, and something done in "2019-05" is known to be
// done by 2019-05-31.
//
// The zero Date means "no date"; [Date.IsZero] reports it. Dates are
// comparable with == (a month is not equal to its first day) and ordered by
// [Date.Compare]. Years lie in 1000–9999.
type Date struct {
	year  int16
	month uint8 // 0 for a year
	day   uint8 // 0 for a month or a year
}

// The range of a Date.
var (
	MinDate = Date{year: 1000, month: 1, day: 1}
	MaxDate = Date{year: 9999, month: 12, day: 31}
)

// NewDate returns the date y-m-d, or an error when that day does not exist
// (2019-02-30) or the year is outside 1000–9999.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if m < time.January || m > time.December {
		return Date{}, fmt.Errorf("promise: month %d out of range 1-12", int(m))
	}
	if d < 1 || d > daysIn(y, m) {
		return Date{}, fmt.Errorf("promise: %04d-%02d has no day %d", y, int(m), d)
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}, nil
}

// NewMonth returns the month y-m as a [Date] of [MonthPrecision].
func NewMonth(y int, m time.Month) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	if m < time.January || m > time.December {
		return Date{}, fmt.Errorf("promise: month %d out of range 1-12", int(m))
	}
	return Date{year: int16(y), month: uint8(m)}, nil
}

// NewYear returns the year y as a [Date] of [YearPrecision].
func NewYear(y int) (Date, error) {
	if err := checkYear(y); err != nil {
		return Date{}, err
	}
	return Date{year: int16(y)}, nil
}

func checkYear(y int) error {
	if y < 1000 || y > 9999 {
		return fmt.Errorf("promise: year %d out of range 1000-9999", y)
	}
	return nil
}

// ErrDateForm is the error of [ParseDate] for text that is not of the form
// YYYY-MM-DD, YYYY-MM or YYYY.
var ErrDateForm = errors.New("promise: a date is written YYYY-MM-DD (or YYYY-MM, or YYYY)")

// ParseDate parses s in the form YYYY-MM-DD, YYYY-MM or YYYY. Nothing else
// is accepted: no time, no zone, no week dates; the day must exist and the
// year lie in 1000–9999. Text of another form gives an error that wraps
// [ErrDateForm].
func ParseDate(s string) (Date, error) {
	var y, m, d int
	ok := true
	switch len(s) {
	case 4:
		y, ok = digits(s)
	case 7:
		var ok1, ok2 bool
		y, ok1 = digits(s[0:4])
		m, ok2 = digits(s[5:7])
		ok = ok1 && ok2 && s[4] == '-'
	case 10:
		var ok1, ok2, ok3 bool
		y, ok1 = digits(s[0:4])
		m, ok2 = digits(s[5:7])
		d, ok3 = digits(s[8:10])
		ok = ok1 && ok2 && ok3 && s[4] == '-' && s[7] == '-'
	default:
		ok = false
	}
	if !ok {
		return Date{}, fmt.Errorf("%w: %q", ErrDateForm, s)
	}
	switch len(s) {
	case 4:
		return NewYear(y)
	case 7:
		return NewMonth(y, time.Month(m))
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

// DateOf returns the civil date of t in t's location, clamped to
// [MinDate]–[MaxDate].
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	switch {
	case y < 1000:
		return MinDate
	case y > 9999:
		return MaxDate
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d == Date{} }

// Precision returns how precise d is.
func (d Date) Precision() Precision {
	switch {
	case d.month == 0:
		return YearPrecision
	case d.day == 0:
		return MonthPrecision
	}
	return DayPrecision
}

// Year returns d's year.
func (d Date) Year() int { return int(d.year) }

// Month returns d's month, or 0 for a year.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns d's day of the month, or 0 for a month or a year.
func (d Date) Day() int { return int(d.day) }

// First returns the first day d stands for: d itself for a day, the
// month's or year's first day otherwise. The zero Date stays zero.
func (d Date) First() Date {
	if d.IsZero() {
		return d
	}
	if d.month == 0 {
		d.month = 1
	}
	if d.day == 0 {
		d.day = 1
	}
	return d
}

// Last returns the last day d stands for: d itself for a day, the month's
// or year's last day otherwise. The zero Date stays zero.
func (d Date) Last() Date {
	if d.IsZero() {
		return d
	}
	if d.month == 0 {
		d.month = 12
	}
	if d.day == 0 {
		d.day = uint8(daysIn(int(d.year), time.Month(d.month)))
	}
	return d
}

// Time returns midnight at the start of d's first day in UTC. It is meant
// for date arithmetic; the library never needs a time zone database.
func (d Date) Time() time.Time {
	f := d.First()
	return time.Date(int(f.year), time.Month(f.month), int(f.day), 0, 0, 0, 0, time.UTC)
}

// AddDays returns the day n days after d's first day (n may be negative),
// clamped to [MinDate]–[MaxDate]. The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return fromDayNumber(d.First().dayNumber() + n)
}

// AddMonths returns d moved by n months, clamping the day to the end of the
// target month (2019-01-31 plus one month is 2019-02-28) and the result to
// [MinDate]–[MaxDate]. A month stays a month; a year moves by whole years.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	if d.month == 0 {
		n -= n % 12
	}
	mo := int(d.month)
	if mo == 0 {
		mo = 1
	}
	y, m := int(d.year), mo-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	switch {
	case y < 1000:
		return MinDate
	case y > 9999:
		return MaxDate
	}
	out := Date{year: int16(y), month: uint8(m + 1)}
	switch {
	case d.month == 0:
		out.month = 0
	case d.day != 0:
		out.day = uint8(min(int(d.day), daysIn(y, time.Month(m+1))))
	}
	return out
}

// DaysUntil returns the number of days from d's first day to e's first day
// (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	return e.First().dayNumber() - d.First().dayNumber()
}

// Weekday returns the day of the week of d's first day.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01, day number 0, was a Thursday.
	return time.Weekday(((d.First().dayNumber()+4)%7 + 7) % 7)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. A month
// or a year sorts before its first day ("2019" < "2019-01" < "2019-01-01"),
// so that the order is total and agrees with ==; rules that need days
// compare [Date.First] or [Date.Last].
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

// Before reports whether d is before e in the order of [Date.Compare].
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e in the order of [Date.Compare].
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns d as YYYY-MM-DD, YYYY-MM or YYYY, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendTo(make([]byte, 0, 10)))
}

func (d Date) appendTo(b []byte) []byte {
	y := min(max(int(d.year), 0), 9999)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	if d.month == 0 {
		return b
	}
	b = append(b, '-', byte('0'+d.month/10%10), byte('0'+d.month%10))
	if d.day == 0 {
		return b
	}
	return append(b, '-', byte('0'+d.day/10%10), byte('0'+d.day%10))
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

// Day arithmetic without package time: a day number counts days from
// 1970-01-01 (the algorithm of Howard Hinnant's "chrono-compatible
// low-level date algorithms"). The rules of package followup do it for
// every interval they look at, where time.Time's conversions would
// dominate.

// dayNumber returns the day number of d, a day.
func (d Date) dayNumber() int {
	y, m, dd := int(d.year), int(d.month), int(d.day)
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + dd - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

var minDayNumber, maxDayNumber = MinDate.dayNumber(), MaxDate.dayNumber()

// fromDayNumber returns the day of day number n, clamped to
// [MinDate]–[MaxDate].
func fromDayNumber(n int) Date {
	switch {
	case n < minDayNumber:
		return MinDate
	case n > maxDayNumber:
		return MaxDate
	}
	n += 719468
	era := n / 146097
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return Date{year: int16(y), month: uint8(m), day: uint8(d)}
}
