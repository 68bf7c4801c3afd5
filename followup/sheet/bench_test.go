package sheet_test

import (
	"bytes"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
)

// BenchmarkImport reads the sheet of Strängnäs' final report back: what
// every change costs in the editor's follow-up rows.
func BenchmarkImport(b *testing.B) {
	bundle := strangnas(b)
	var buf bytes.Buffer
	if _, err := sheet.Export(&buf, &bundle.Document, &bundle.Reports[3], sheet.Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if r, problems := sheet.Import(buf.Bytes(), &bundle.Document, sheet.Options{}); r == nil {
			b.Fatal(problems)
		}
	}
}
