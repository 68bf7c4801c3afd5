package schema_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

// FuzzDecode checks that no input makes Decode panic, that a file is
// returned exactly when no problem is an error, that every problem has a
// position inside the input and a message in both languages, and that
// decoding is deterministic. The corpus starts from every example file.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "examples", "data", "*.json"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range append(seeds, more...) {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"$schema":"https://medborgarlofte.se/schema/1/bundle.schema.json","schemaVersion":"1.0","document":{}}`))
	f.Add([]byte("\xEF\xBB\xBF{}"))
	f.Add([]byte(`{"a":1,"a":2}`))
	opts := schema.Options{MaxBytes: 1 << 20, MaxDepth: 32}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, problems := schema.Decode(data, opts)
		if (file != nil) == problems.Invalid() {
			t.Fatalf("file returned = %v, but invalid = %v: %v", file != nil, problems.Invalid(), problems)
		}
		// Lines end at \n, \r\n or a lone \r.
		lines := 1
		for i, c := range data {
			if c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
				lines++
			}
		}
		for _, p := range problems {
			if p.Offset < 0 || p.Offset > len(data) || p.Line < 1 || p.Line > lines || p.Column < 1 {
				t.Fatalf("problem outside the input (%d bytes, %d lines): %+v", len(data), lines, p)
			}
			if p.Message.In("sv") == "" || p.Message["en"] == "" || p.Code == "" {
				t.Fatalf("problem without code or message: %+v", p)
			}
		}
		_, again := schema.Decode(data, opts)
		if !reflect.DeepEqual(problems, again) {
			t.Fatalf("not deterministic:\n%v\n%v", problems, again)
		}
	})
}
