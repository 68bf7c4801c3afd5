package strict

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// TestDateMessages: a date written without its zeros is told how dates are
// written; a date of the right form that does not exist is told to check
// its day and month, in both languages.
func TestDateMessages(t *testing.T) {
	b, err := os.ReadFile("../../../examples/data/bundles/strangnas-2019.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ date, en, sv string }{
		{`"2019-2-8"`, `"2019-2-8" is not a date written YYYY-MM-DD, such as 2019-02-08 (or YYYY-MM or YYYY)`, `"2019-2-8" är inte ett datum skrivet ÅÅÅÅ-MM-DD, som 2019-02-08 (eller ÅÅÅÅ-MM eller ÅÅÅÅ)`},
		{`"2019-02-30"`, `"2019-02-30" is not a date that exists: check the day and month`, `"2019-02-30" är inget datum som finns: kontrollera dag och månad`},
	} {
		_, err := Decode([]byte(strings.Replace(string(b), `"2019-02-08"`, tc.date, 1)))
		var e *Error
		if !errors.As(err, &e) || len(e.Problems) != 1 || e.More != 0 {
			t.Fatalf("%s: Decode() = %v, want one problem", tc.date, err)
		}
		p := e.Problems[0]
		if p.Message["en"] != tc.en || p.Message["sv"] != tc.sv {
			t.Errorf("%s: message %q / %q,\nwant %q / %q", tc.date, p.Message["en"], p.Message["sv"], tc.en, tc.sv)
		}
	}
}

// TestEveryMessageInEveryLanguage: every code's message and every form's
// name are in the catalog in every language.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	for _, lang := range words.Languages() {
		for code, k := range messageKeys {
			if _, ok := words.Lookup(k, lang); !ok {
				t.Errorf("code %s: no %s in %s", code, k, lang)
			}
		}
		for form, k := range formKeys {
			if _, ok := words.Lookup(k, lang); !ok {
				t.Errorf("form %q: no %s in %s", form, k, lang)
			}
		}
		for _, typ := range []string{"null", "boolean", "object", "array", "number", "string", "integer"} {
			if _, ok := translate(typ, lang); !ok {
				t.Errorf("JSON type %s: no word in %s", typ, lang)
			}
		}
	}
}
