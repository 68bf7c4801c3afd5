package promise

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{in: "2019-02-08", want: "2019-02-08"},
		{in: "2020-02-29", want: "2020-02-29"},
		{in: "2000-02-29", want: "2000-02-29"},
		{in: "1900-02-29", wantErr: true},
		{in: "2019-02-29", wantErr: true},
		{in: "2019-02-30", wantErr: true},
		{in: "2019-04-31", wantErr: true},
		{in: "2019-13-01", wantErr: true},
		{in: "2019-00-10", wantErr: true},
		{in: "2019-01-00", wantErr: true},
		{in: "0999-01-01", wantErr: true},
		{in: "2019-1-08", wantErr: true},
		{in: "2019-02-08T00:00:00Z", wantErr: true},
		{in: "2019/02/08", wantErr: true},
		{in: "+019-02-08", wantErr: true},
		{in: "", wantErr: true},
		{in: "2019", want: "2019"},
		{in: "2018-10", want: "2018-10"},
		{in: "2018-13", wantErr: true},
		{in: "2018-00", wantErr: true},
		{in: "0000", wantErr: true},
		{in: "0000-01-01", wantErr: true},
		{in: "2018-1", wantErr: true},
		{in: "201", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			if tc.wantErr {
				assert.Error(t, err, "ParseDate(%q) = %v, want error", tc.in, d)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.String())
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := MustParseDate("2020-02-28")
	assert.Equal(t, "2020-02-29", d.AddDays(1).String())
	assert.Equal(t, "2020-03-01", d.AddDays(2).String())
	assert.Equal(t, "2019-12-31", MustParseDate("2020-01-01").AddDays(-1).String())
	assert.Equal(t, "2019-02-28", MustParseDate("2019-01-31").AddMonths(1).String())
	assert.Equal(t, "2020-02-29", MustParseDate("2020-01-31").AddMonths(1).String())
	assert.Equal(t, "2018-12-31", MustParseDate("2019-01-31").AddMonths(-1).String())
	assert.Equal(t, "2021-01-15", MustParseDate("2019-11-15").AddMonths(14).String())
	assert.Equal(t, 366, MustParseDate("2020-01-01").DaysUntil(MustParseDate("2021-01-01")))
	assert.Equal(t, -1, MustParseDate("2020-01-02").DaysUntil(MustParseDate("2020-01-01")))
	assert.True(t, MustParseDate("2019-12-31").Before(MustParseDate("2020-01-01")))
	assert.True(t, MustParseDate("2020-01-01").After(MustParseDate("2019-12-31")))
	assert.Equal(t, 0, d.Compare(MustParseDate("2020-02-28")))
	assert.Equal(t, d, DateOf(time.Date(2020, 2, 28, 23, 59, 0, 0, time.UTC)))
	assert.True(t, Date{}.IsZero())
	assert.Equal(t, "", Date{}.String())
}

func TestDatePrecision(t *testing.T) {
	tests := []struct {
		in          string
		prec        Precision
		first, last string
	}{
		{"2019-02-08", DayPrecision, "2019-02-08", "2019-02-08"},
		{"2018-10", MonthPrecision, "2018-10-01", "2018-10-31"},
		{"2020-02", MonthPrecision, "2020-02-01", "2020-02-29"},
		{"2019-02", MonthPrecision, "2019-02-01", "2019-02-28"},
		{"2019", YearPrecision, "2019-01-01", "2019-12-31"},
	}
	for _, tc := range tests {
		d := MustParseDate(tc.in)
		assert.Equal(t, tc.prec, d.Precision(), "MustParseDate(%q).Precision()", tc.in)
		assert.Equal(t, tc.first, d.First().String(), "%s.First()", tc.in)
		assert.Equal(t, tc.last, d.Last().String(), "%s.Last()", tc.in)
		assert.Equal(t, tc.in, d.String())
	}
	// The order is total and agrees with ==: a month sorts before its
	// first day, a year before its first month.
	assert.True(t, MustParseDate("2019").Before(MustParseDate("2019-01")))
	assert.True(t, MustParseDate("2019-01").Before(MustParseDate("2019-01-01")))
	assert.NotEqual(t, MustParseDate("2019-01"), MustParseDate("2019-01-01"))
	assert.Equal(t, "2019-03", MustParseDate("2019-01").AddMonths(2).String(), "a month stays a month")
	assert.Equal(t, "2021", MustParseDate("2019").AddMonths(24).String(), "a year moves by whole years")
	assert.Equal(t, 30, MustParseDate("2018-10").DaysUntil(MustParseDate("2018-10-31")))
}

// TestDateBounds checks that arithmetic never leaves the years a Date
// holds and that nothing prints garbage: a due date past 9999-12-31 is
// 9999-12-31.
func TestDateBounds(t *testing.T) {
	assert.Equal(t, "9999-12-31", MustParseDate("9999-12-01").AddDays(45).String())
	assert.Equal(t, "9999-12-31", MaxDate.AddDays(1<<40).String())
	assert.Equal(t, "1000-01-01", MustParseDate("1000-01-10").AddDays(-30).String())
	assert.Equal(t, "9999-12-31", MustParseDate("9999-11-30").AddMonths(3).String())
	assert.Equal(t, "1000-01-01", MustParseDate("1000-02-01").AddMonths(-3).String())
	assert.Equal(t, MaxDate, DateOf(time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)))
	assert.True(t, Date{}.AddDays(3).IsZero(), "no date stays no date")
	for d := MustParseDate("9999-01-01"); d.Before(MaxDate); d = d.AddDays(1) {
		require.Regexp(t, `^9999-[01][0-9]-[0-3][0-9]$`, d.String())
	}
}

func TestDateJSON(t *testing.T) {
	var v struct {
		D Date `json:"d"`
		E Date `json:"e,omitzero"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2019-02-08"}`), &v))
	assert.Equal(t, "2019-02-08", v.D.String())
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2019-02-08"}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{"d":"2019-02-30"}`), &v))
	assert.Error(t, json.Unmarshal([]byte(`{"d":20190208}`), &v))
}

func TestPeriod(t *testing.T) {
	year := Period{Start: MustParseDate("2019-01-01"), End: MustParseDate("2019-12-31")}
	open := Period{Start: MustParseDate("2024-01-01")}
	autumn := Period{Start: MustParseDate("2019-09-01"), End: MustParseDate("2019-11-30")}
	assert.Equal(t, 365, year.Days())
	assert.Equal(t, 0, open.Days())
	assert.True(t, year.Contains(MustParseDate("2019-01-01")))
	assert.True(t, year.Contains(MustParseDate("2019-12-31")))
	assert.False(t, year.Contains(MustParseDate("2020-01-01")))
	assert.True(t, open.Contains(MustParseDate("2090-01-01")))
	assert.True(t, autumn.Within(year))
	assert.False(t, year.Within(autumn))
	assert.False(t, open.Within(year))
	assert.True(t, Period{Start: MustParseDate("2025-01-01")}.Within(open))
	assert.Equal(t, "2019-01-01/2019-12-31", year.String())
	assert.Equal(t, "2024-01-01/..", open.String())

	// Bounds as precise as the source.
	months := Period{Start: MustParseDate("2018-10"), End: MustParseDate("2019")}
	assert.Equal(t, "2018-10-01", months.From().String())
	assert.Equal(t, "2019-12-31", months.Through().String())
	assert.Equal(t, 457, months.Days())
	assert.True(t, months.Contains(MustParseDate("2018-10-01")))
	assert.False(t, months.Contains(MustParseDate("2018-09-30")))
	assert.True(t, year.Within(months))

	// Unknown is not open.
	unknown := Period{Start: MustParseDate("2019-01-01"), NotStated: []string{EndBound}}
	assert.False(t, unknown.Open())
	assert.True(t, unknown.EndUnknown())
	assert.Equal(t, 0, unknown.Days())
	assert.Equal(t, "2019-01-01/?", unknown.String())
	assert.True(t, open.Open())
	assert.False(t, open.EndUnknown())
	assert.True(t, Period{}.IsZero())
	assert.False(t, unknown.IsZero())
}

func TestText(t *testing.T) {
	tx := Text{"sv": "Uppfyllt", "en": "Achieved"}
	assert.Equal(t, "Achieved", tx.In("en"))
	assert.Equal(t, "Uppfyllt", tx.In("fi"), "falls back to Swedish")
	assert.Equal(t, "Saavutettu", Text{"fi": "Saavutettu", "se": "Juksan"}.In("en"), "then to the first language in order")
	assert.Equal(t, "", Text(nil).In("sv"))
	assert.True(t, Text{"sv": "  "}.IsZero())
}

func TestIsWebURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://polisen.se/om-polisen":   true,
		"http://www.strangnas.se/a?b=c#d": true,
		"HTTPS://EXAMPLE.SE/":             true,
		"javascript:alert(1)":             false,
		"data:text/html,<script>":         false,
		"file:///etc/passwd":              false,
		"mailto:info@strangnas.se":        false,
		"//example.se/x":                  false,
		"/relative":                       false,
		"https://":                        false,
		"":                                false,
	} {
		assert.Equal(t, want, IsWebURL(u), "IsWebURL(%q)", u)
	}
}

// TestDayArithmetic checks AddDays, DaysUntil and Weekday against package
// time over four centuries, leap days included.
func TestDayArithmetic(t *testing.T) {
	d := MustParseDate("1899-12-25")
	end := MustParseDate("2301-01-10")
	tt := d.Time()
	for n := 0; !d.After(end); n++ {
		if got := DateOf(tt); got != d {
			t.Fatalf("day %d: AddDays gives %s, package time %s", n, d, got)
		}
		if got := MustParseDate("1899-12-25").DaysUntil(d); got != n {
			t.Fatalf("DaysUntil(%s) = %d, want %d", d, got, n)
		}
		if d.Weekday() != tt.Weekday() {
			t.Fatalf("%s.Weekday() = %s, want %s", d, d.Weekday(), tt.Weekday())
		}
		d, tt = d.AddDays(1), tt.AddDate(0, 0, 1)
	}
}
