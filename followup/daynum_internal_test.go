package followup

import (
	"testing"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// TestDayNum checks the day arithmetic against package time over four
// centuries, leap days included.
func TestDayNum(t *testing.T) {
	d := promise.MustParseDate("1899-12-25")
	end := promise.MustParseDate("2301-01-10")
	for n := dayNum(d); !d.After(end); n++ {
		if got := dayNum(d); got != n {
			t.Fatalf("dayNum(%s) = %d, want %d", d, got, n)
		}
		if got := fromDayNum(n); got != d {
			t.Fatalf("fromDayNum(%d) = %s, want %s", n, got, d)
		}
		if got, want := addDays(d, 1), d.AddDays(1); got != want {
			t.Fatalf("addDays(%s, 1) = %s, want %s", d, got, want)
		}
		if s, _, _ := interval(d, promise.Weekly); s.Time().Weekday() != 1 {
			t.Fatalf("the week of %s starts on %s, a %s", d, s, s.Time().Weekday())
		}
		d = d.AddDays(1)
	}
}
