package strict

import (
	"math/big"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict/internal/nfa"
)

// schemaPatterns returns every pattern of the schema table, with its
// source.
func schemaPatterns(t testing.TB) (srcs []string, progs []*nfa.Program) {
	t.Helper()
	for i := range schemaTable {
		if s := &schemaTable[i]; s.pattern != nil {
			srcs = append(srcs, s.patternSrc)
			progs = append(progs, s.pattern)
		}
	}
	if len(srcs) < 5 {
		t.Fatalf("found %d patterns in the schema", len(srcs))
	}
	return srcs, progs
}

// patternInputs are strings around the schema's patterns: what they are
// meant to take, near misses, and text with newlines and non-ASCII.
var patternInputs = []string{
	"", "1", "1.", "1.0", "1.10", "2.0", "1.0\n", "\n1.0", "01.0", "1.x", "1.0.0",
	"sv", "en", "sv-FI", "sv-", "s", "svv", "svvv", "SV", "sv-abcdefgh", "sv-abcdefghi", "sv-a-b-c", "zh-Hant-TW", "sv_FI", "sv\n",
	"0486", "486", "04860", "abcd", "0486\n", "212000-0308", "2120000308", "212000-030", "212000-03088",
	"2019-02-08", "2019-2-8", "0999-01-01", "10000-01-01", "2019-02-08T00:00Z", "2019-02-08\n", "2019", "2019-02",
	"01a2013e-d988-7e97-a5b1-6e0878effa05", "01A2013E-D988-7E97-A5B1-6E0878EFFA05", "{01a2013e-d988-7e97-a5b1-6e0878effa05}",
	"01a2013ed9887e97a5b16e0878effa05", "01a2013e-d988-7e97-a5b1-6e0878effa0", "01a2013e-d988-7e97-a5b1-6e0878effa05\n",
	"https://x", "http://x", "HTTPS://x", "hTtP://x", "https://", "https:///", "https://?", "https://#", "https:// ", "https://\n",
	"httpss://x", "ftp://x", " https://x", "https:x", "https:/x", "https://å", "javascript:alert(1)",
}

// TestPatternsLikeRegexp: each pattern of the schema, as compiled into
// the table, matches exactly what Go's regexp matches (the JSON Schema
// library uses it), on the inputs above and on variations of them.
func TestPatternsLikeRegexp(t *testing.T) {
	srcs, progs := schemaPatterns(t)
	for i, src := range srcs {
		re := regexp.MustCompile(src)
		for _, in := range patternInputs {
			for _, s := range []string{in, in + in, strings.ToUpper(in), "x" + in, in + "x"} {
				if got, want := progs[i].Match(s), re.MatchString(s); got != want {
					t.Errorf("pattern %q on %q = %v, regexp says %v", src, s, got, want)
				}
			}
		}
	}
}

// TestSchemaLiterals: the enum and const values parse, and each schema's
// references are in the table.
func TestSchemaLiterals(t *testing.T) {
	n := 0
	for i := range schemaTable {
		s := &schemaTable[i]
		for _, e := range s.enum {
			literal(e)
			n++
		}
		if s.cnst != 0 {
			literal(s.cnst - 1)
			n++
		}
		refs := []int32{s.ref, s.addl, s.propNames, s.items, s.contains, s.not, s.ifS, s.thenS, s.els}
		refs = append(refs, s.allOf...)
		refs = append(refs, s.anyOf...)
		refs = append(refs, s.oneOf...)
		for _, p := range s.props {
			refs = append(refs, p.s)
		}
		for _, r := range refs {
			if r < 0 || int(r) > len(schemaTable) {
				t.Errorf("schema %d refers to %d, outside the table", i, r)
			}
		}
	}
	if n < 20 {
		t.Errorf("%d enum and const values, want the schema's", n)
	}
}

// FuzzPattern compares each pattern of the schema with regexp.
func FuzzPattern(f *testing.F) {
	for _, s := range patternInputs {
		f.Add(s)
	}
	srcs, ps := schemaPatterns(f)
	var res []*regexp.Regexp
	for _, src := range srcs {
		res = append(res, regexp.MustCompile(src))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, p := range ps {
			if got, want := p.Match(s), res[i].MatchString(s); got != want {
				t.Errorf("pattern %q on %q = %v, regexp says %v", srcs[i], s, got, want)
			}
		}
	})
}

// FuzzFormats compares the date and uri formats with the JSON Schema
// library's.
func FuzzFormats(f *testing.F) {
	for _, s := range patternInputs {
		f.Add(s)
	}
	for _, s := range []string{"2019-02-29", "2020-02-29", "2100-02-29", "2000-02-29", "0000-02-29", "2019-00-10", "2019-12-32", "2019-04-31",
		"https://[::1]/", "https://[fe80::1%25eth0]/", "https://::1/", "https://[::1/", "http://[1.2.3.4]/", "https://x:99999/", "https://x:/", "https://a b/", "https://x/%zz", "mailto:x", "x", "//x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, format := range map[string]uint8{"date": formatDate, "uri": formatURI} {
			if got, want := checkFormat(format, s), jsonschema.Formats[name](s); got != want {
				t.Errorf("format %s on %q = %v, the JSON Schema library says %v", name, s, got, want)
			}
		}
		if got, want := isDate(s), dateByTime(s); got != want {
			t.Errorf("isDate(%q) = %v, time.Parse says %v", s, got, want)
		}
	})
}

func dateByTime(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// FuzzDecimal compares exact comparisons of number literals with
// math/big, which the JSON Schema library uses.
func FuzzDecimal(f *testing.F) {
	for _, p := range [][2]string{{"1", "1.0"}, {"1.0000000000000000001", "1"}, {"-0", "0"}, {"1e2", "100"}, {"0.1", "1e-1"}, {"366", "366.0000001"}, {"-1.5", "-1.25"}, {"1e-400", "0"}, {"123456789e-3", "123456.789"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !numberLiteral(a) || !numberLiteral(b) || len(a) > 60 || len(b) > 60 {
			return
		}
		x, _ := new(big.Rat).SetString(a)
		y, _ := new(big.Rat).SetString(b)
		if x == nil || y == nil {
			return
		}
		da, db := parseDecimal(a), parseDecimal(b)
		if got, want := da.cmp(db), x.Cmp(y); got != want {
			t.Errorf("cmp(%s, %s) = %d, big.Rat says %d", a, b, got, want)
		}
		if got, want := da.isInteger(), x.IsInt(); got != want {
			t.Errorf("isInteger(%s) = %v, big.Rat says %v", a, got, want)
		}
		if got, want := da.key() == db.key(), x.Cmp(y) == 0; got != want {
			t.Errorf("key(%s) == key(%s) is %v, big.Rat says %v", a, b, got, want)
		}
		for _, m := range []int64{1, 3, 7} {
			q := new(big.Rat).Quo(x, big.NewRat(m, 1))
			if got, want := da.multipleOf(m), q.IsInt(); got != want {
				t.Errorf("multipleOf(%s, %d) = %v, big.Rat says %v", a, m, got, want)
			}
		}
	})
}

// numberLiteral reports whether s is a JSON number literal.
func numberLiteral(s string) bool {
	t, err := parse([]byte(s))
	return err == nil && t.nodes[0].kind == kNumber
}
