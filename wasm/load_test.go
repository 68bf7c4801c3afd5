//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/wasm/internal/strict"
)

func TestDecodeBundle(t *testing.T) {
	b, err := decodeBundle(bundleJSON)
	if err != nil {
		t.Fatalf("decodeBundle(testdata/bundle.json) = %v", err)
	}
	if n := len(b.Document.CitizenPromises); n != 1 {
		t.Errorf("%d citizen promises, want 1", n)
	}
	if n := len(b.Reports); n != 1 {
		t.Errorf("%d reports, want 1", n)
	}
}

// TestDecodePlainDocument: a promise document is read as a bundle without
// reports.
func TestDecodePlainDocument(t *testing.T) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(bundleJSON, &raw); err != nil {
		t.Fatal(err)
	}
	b, err := decodeBundle(raw["document"])
	if err != nil {
		t.Fatalf("decodeBundle(document) = %v", err)
	}
	if len(b.Reports) != 0 || len(b.Document.CitizenPromises) != 1 {
		t.Errorf("got %d reports and %d citizen promises, want 0 and 1", len(b.Reports), len(b.Document.CitizenPromises))
	}
}

// TestDecodeErrors: each kind of mistake is refused with its kind and the
// problem placed by JSON pointer, line and column, and worded in the
// reader's language: never the decoder's own English.
func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		kind strict.ErrorKind
		// want is in the console message, in Swedish.
		want string
	}{
		{"not JSON", "<html>404</html>", strict.Syntax, "1:1: (root): oväntat tecken '<'"},
		{"cut off", string(bundleJSON[:200]), strict.Syntax, "filen tar slut mitt i ett värde"},
		{"no $schema", `{"document": {}}`, strict.NotCitizenPromise, "\"$schema\" saknas"},
		{"other $schema", `{"$schema": "https://example.se/x.json"}`, strict.NotCitizenPromise, "x.json"},
		{"schemaVersion 2", strings.Replace(string(bundleJSON), `"schemaVersion": "1.0",`, `"schemaVersion": "2.0",`, 1), strict.NotCitizenPromise, `schemaVersion "2.0" stöds inte`},
		{"wrong type", strings.Replace(string(bundleJSON), `"value": 4`, `"value": "four"`, 1), strict.Structure, `/value: ska vara ett tal, inte en text inom citattecken`},
		{"unknown property", strings.Replace(string(bundleJSON), `"value": 4`, `"value": 4, "valeu": 5`, 1), strict.Structure, `"valeu" ingår inte i formatet`},
		{"malformed date", strings.Replace(string(bundleJSON), `"2019-02-08"`, `"2019-2-8"`, 1), strict.Structure, `"2019-2-8" är inte ett datum skrivet ÅÅÅÅ-MM-DD, som 2019-02-08 (eller ÅÅÅÅ-MM eller ÅÅÅÅ)`},
		{"dangling reference", strings.Replace(string(bundleJSON), `"leadIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002"]`, `"leadIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff"]`, 1), strict.Invalid, "/document/citizenPromises/0/activities/0/leadIds/0"},
		{"bad link", strings.Replace(string(bundleJSON), `"https://www.strangnas.se/samverkan"`, `"javascript:alert(1)"`, 1), strict.Structure, "/document/sources/0/url"},
		{"report of no activity", strings.Replace(string(bundleJSON), `"activityId": "0193a1c2-7d4e-7f00-8a3b-000000000012"`, `"activityId": "0193a1c2-7d4e-7f00-8a3b-0000000000ee"`, 1), strict.Invalid, "/reports/0/updates/0/activityId"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.data == string(bundleJSON) {
				t.Fatal("the replacement did not apply")
			}
			_, err := decodeBundle([]byte(tc.data))
			e, ok := err.(dataError)
			if !ok {
				t.Fatalf("decodeBundle = %T %v, want a dataError", err, err)
			}
			if e.err.Kind != tc.kind {
				t.Errorf("kind %d, want %d: %v", e.err.Kind, tc.kind, err)
			}
			msg := consoleMessage("x", "sv", err)
			if !strings.Contains(msg, tc.want) {
				t.Errorf("console message %q, want it to contain %q", msg, tc.want)
			}
			for _, lang := range []string{"sv", "en"} {
				view := marshal(errorView(lang, "https://example.se/x.json", err, false))
				for _, dev := range []string{"promise:", "json:", "strict:", "jsonscan"} {
					if strings.Contains(view, dev) {
						t.Errorf("the %s error view holds the developer's %q: %s", lang, dev, view)
					}
				}
			}
		})
	}
}

func TestDecodeBOM(t *testing.T) {
	if _, err := decodeBundle(append([]byte("\xef\xbb\xbf"), bundleJSON...)); err != nil {
		t.Errorf("decodeBundle(BOM + bundle) = %v", err)
	}
}

// TestErrorViewListsProblems: invalid data shows its first problems, as
// text, and says how many more there are.
func TestErrorViewListsProblems(t *testing.T) {
	data := bytes.ReplaceAll(bundleJSON, []byte(`"https://www.strangnas.se/samverkan"`), []byte(`"javascript:window.__mloPwned=1"`))
	data = bytes.ReplaceAll(data, []byte(`"0193a1c2-7d4e-7f00-8a3b-000000000002"`), []byte(`"0193a1c2-7d4e-7f00-8a3b-0000000000ff"`))
	_, err := decodeBundle(data)
	inv, ok := err.(dataError)
	if !ok {
		t.Fatalf("decodeBundle = %v, want a dataError", err)
	}
	div := build(t, marshal(errorView("en", "https://example.se/x.json", err, false)))
	items := div.Call("querySelectorAll", ".problems li").Length()
	if want := min(len(inv.err.Problems), maxProblems); items != want {
		t.Errorf("%d problems listed, want %d", items, want)
	}
	text := div.Get("textContent").String()
	if !strings.Contains(text, "javascript:window.__mloPwned=1") {
		t.Errorf("the bad link is not quoted as text: %q", text)
	}
	if n := div.Call("querySelectorAll", "a[href^='javascript']").Length(); n != 0 {
		t.Errorf("%d javascript: links", n)
	}
	if len(inv.err.Problems) > maxProblems && !strings.Contains(text, "more") {
		t.Errorf("no count of further problems: %q", text)
	}
}
