//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
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

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		check func(error) bool
		want  string
	}{
		{"not JSON", "<html>404</html>", isType[syntaxError], "1:1"},
		{"cut off", string(bundleJSON[:200]), isType[syntaxError], "unexpected end"},
		{"no $schema", `{"document": {}}`, isType[kindError], "$schema is missing"},
		{"other $schema", `{"$schema": "https://example.se/x.json"}`, isType[kindError], "x.json"},
		{"schemaVersion 2", strings.Replace(string(bundleJSON), `"schemaVersion": "1.0",`, `"schemaVersion": "2.0",`, 1), isType[kindError], "2.0"},
		{"wrong type", strings.Replace(string(bundleJSON), `"value": 4`, `"value": "four"`, 1), isType[syntaxError], ":"},
		{"dangling reference", strings.Replace(string(bundleJSON), `"leadIds": ["0193a1c2-7d4e-7f00-8a3b-000000000002"]`, `"leadIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff"]`, 1), isType[invalidError], "/document/citizenPromises/0/activities/0/leadIds/0"},
		{"bad link", strings.Replace(string(bundleJSON), `"https://www.strangnas.se/samverkan"`, `"javascript:alert(1)"`, 1), isType[invalidError], "/document/sources/0/url"},
		{"report of no activity", strings.Replace(string(bundleJSON), `"activityId": "0193a1c2-7d4e-7f00-8a3b-000000000012"`, `"activityId": "0193a1c2-7d4e-7f00-8a3b-0000000000ee"`, 1), isType[invalidError], "/reports/0/updates/0/activityId"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.data == string(bundleJSON) {
				t.Fatal("the replacement did not apply")
			}
			_, err := decodeBundle([]byte(tc.data))
			if err == nil {
				t.Fatal("decodeBundle = nil, want an error")
			}
			if !tc.check(err) {
				t.Errorf("decodeBundle = %T %v, want another type", err, err)
			}
			msg := err.Error()
			if inv, ok := err.(invalidError); ok {
				msg = consoleMessage("x", inv)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("decodeBundle = %q, want it to contain %q", msg, tc.want)
			}
		})
	}
}

func isType[T error](err error) bool {
	_, ok := err.(T)
	return ok
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
	inv, ok := err.(invalidError)
	if !ok {
		t.Fatalf("decodeBundle = %v, want invalidError", err)
	}
	div := build(t, marshal(errorView("en", "https://example.se/x.json", err, false)))
	items := div.Call("querySelectorAll", ".problems li").Length()
	if want := min(len(inv.Problems), maxProblems); items != want {
		t.Errorf("%d problems listed, want %d", items, want)
	}
	text := div.Get("textContent").String()
	if !strings.Contains(text, "javascript:window.__mloPwned=1") {
		t.Errorf("the bad link is not quoted as text: %q", text)
	}
	if n := div.Call("querySelectorAll", "a[href^='javascript']").Length(); n != 0 {
		t.Errorf("%d javascript: links", n)
	}
	if len(inv.Problems) > maxProblems && !strings.Contains(text, "more") {
		t.Errorf("no count of further problems: %q", text)
	}
}
