package sheet_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// FuzzImport: Import never panics, places every problem in a row, and what
// it returns is a valid report that, written as a sheet and read again
// (with itself as base), is the same report.
func FuzzImport(f *testing.F) {
	data, err := os.ReadFile("../../examples/data/bundles/strangnas-2019.json")
	if err != nil {
		f.Fatal(err)
	}
	file, problems := schema.Decode(data, schema.Options{})
	if file == nil {
		f.Fatal(problems)
	}
	b := file.Bundle
	for i := range b.Reports {
		var buf bytes.Buffer
		if _, err := sheet.Export(&buf, &b.Document, &b.Reports[i], sheet.Options{}); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte("Format;medborgarlofte-uppfoljning 1\r\nAktivitets-id;Mål-id\r\n;\r\n"))
	f.Add([]byte("\"a\nb\";\"c\"\"d\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, problems := sheet.Import(data, &b.Document, sheet.Options{})
		for _, p := range problems {
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("problem not placed: %+v", p)
			}
		}
		if r == nil {
			if !problems.Invalid() {
				t.Fatalf("no report, and no error: %v", problems)
			}
			return
		}
		if err := r.Validate(&b.Document); err != nil {
			t.Fatalf("the report is invalid: %v", err)
		}
		var buf bytes.Buffer
		if _, err := sheet.Export(&buf, &b.Document, r, sheet.Options{}); err != nil {
			t.Fatal(err)
		}
		again, problems := sheet.Import(buf.Bytes(), &b.Document, sheet.Options{Base: r})
		if again == nil {
			t.Fatalf("the sheet of an imported report is refused: %v", problems)
		}
		x, _ := json.Marshal(r)
		y, _ := json.Marshal(again)
		if !bytes.Equal(x, y) {
			t.Fatalf("round trip differs:\n%s\n%s", x, y)
		}
	})
}
