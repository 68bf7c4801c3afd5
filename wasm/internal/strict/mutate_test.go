package strict

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"
)

var mutations = flag.Int("mutations", 600, "TestMutations: how many of the mutated documents to try, spread evenly over all of them (0: every one, which takes hours)")

// The values a mutation puts in place of another: wrong types, the forms
// the schema's patterns and formats refuse or just accept, numbers at the
// edges of the schema's limits and of float64, and texts at their length
// limits.
var replacements = []any{
	nil, true, false,
	json.Number("0"), json.Number("-0"), json.Number("1"), json.Number("1.0"), json.Number("1e2"), json.Number("0.5"),
	json.Number("-1"), json.Number("366"), json.Number("367"), json.Number("1000000"), json.Number("1000001"),
	json.Number("1.0000000000000000001"), json.Number("0.9999999999999999999"), json.Number("1e308"), json.Number("1e-400"),
	json.Number("9223372036854775808"), json.Number("1E+1"),
	"", " ", "x", "sv", "en", "SV", "sv-FI", "e", "abcd", "123", "0486", "212000-0308", "2120000308",
	"2019-02-08", "2019-2-8", "2019-02-30", "2020-02-29", "2019-02-29", "0999-01-01", "10000-01-01", "2019-13-01", "2019-02-08T00:00:00Z", "2019", "2019-02",
	"01a2013e-d988-7e97-a5b1-6e0878effa05", "01A2013E-D988-7E97-A5B1-6E0878EFFA05", "{01a2013e-d988-7e97-a5b1-6e0878effa05}",
	"01a2013ed9887e97a5b16e0878effa05", "00000000-0000-0000-0000-000000000000", "urn:uuid:01a2013e-d988-7e97-a5b1-6e0878effa05",
	"https://www.example.se/", "http://example.se", "HTTPS://EXAMPLE.SE/x", "https://", "https:///x", "javascript:alert(1)",
	"https://[::1]/", "https://[fe80::1%25eth0]/", "https://::1/", "https://exa mple.se/", "https://example.se/%zz", "ftp://example.se/",
	"1.0", "1.12", "2.0", "1.", "1.x",
	"count", "milestone", "recurring", "coverage", "continuous", "indicator", "none", "atLeast", "exactly", "increase", "year", "month", "tertial",
	"municipality", "police", "achieved", "not_started", "square",
	strings.Repeat("å", 500), strings.Repeat("å", 501), strings.Repeat("a", 2049),
	[]any{}, []any{"x"}, map[string]any{}, map[string]any{"sv": "x"}, map[string]any{"xx-YYYYYYYYY": "x"},
}

// mutation is one change to a document.
type mutation struct {
	path string
	do   string
}

// mutate calls f with each document one mutation away from doc: a value
// replaced by each of the replacements, a member removed, an unknown
// member added, an array's first item repeated or the array emptied.
func mutate(doc any, f func(mutation, any)) {
	var walk func(v any, path string, set func(any))
	walk = func(v any, path string, set func(any)) {
		for _, r := range replacements {
			set(r)
			f(mutation{path, fmt.Sprintf("= %.40v", r)}, doc)
		}
		set(v)
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			v["unknownProperty"] = "x"
			f(mutation{path, "+ unknownProperty"}, doc)
			delete(v, "unknownProperty")
			for _, k := range keys {
				x := v[k]
				delete(v, k)
				f(mutation{path, "- " + k}, doc)
				v[k] = x
				walk(x, path+"/"+k, func(y any) { v[k] = y })
			}
		case []any:
			if len(v) > 0 {
				set(append(append([]any{}, v...), v[0]))
				f(mutation{path, "+ a copy of the first item"}, doc)
				set(v)
			}
			for i := range v {
				walk(v[i], fmt.Sprintf("%s/%d", path, i), func(y any) { v[i] = y })
			}
		}
	}
	walk(doc, "", func(any) {})
}

// TestMutations: documents one mutation away from each example are
// refused by Decode exactly when schema.Decode refuses them, and decode to
// encoding/json's value when it accepts them. It tries -mutations of them,
// spread evenly over every mutation of every example.
func TestMutations(t *testing.T) {
	files := exampleFiles(t)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	docs := make([]any, len(names))
	total := 0
	for i, name := range names {
		dec := json.NewDecoder(bytes.NewReader(files[name]))
		dec.UseNumber()
		if err := dec.Decode(&docs[i]); err != nil {
			t.Fatal(err)
		}
		mutate(docs[i], func(mutation, any) { total++ })
	}
	want := *mutations
	if testing.Short() {
		want = min(want, 100)
	}
	stride := 1
	if want > 0 && total > want {
		stride = total / want
	}
	tried, accepted, k := 0, 0, 0
	for i, name := range names {
		mutate(docs[i], func(m mutation, doc any) {
			k++
			if k%stride != 0 || t.Failed() {
				return
			}
			data, err := json.Marshal(doc)
			if err != nil {
				t.Fatalf("%s %v: %v", name, m, err)
			}
			tried++
			if _, err := Decode(data); err == nil {
				accepted++
			}
			agree(t, fmt.Sprintf("%s %s %s", name, m.path, m.do), data)
		})
	}
	t.Logf("%d of %d mutated documents tried, %d accepted", tried, total, accepted)
	if accepted == 0 || accepted == tried {
		t.Errorf("%d of %d mutated documents accepted: the mutations test nothing", accepted, tried)
	}
}
