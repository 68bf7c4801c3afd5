//go:build js && wasm

package main

import (
	"encoding/json"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// BenchmarkDecode measures the widget's decoding of the Strängnäs 2019
// bundle in the browser (strict JSON, the JSON Schema, the typed model,
// the invariants), and, for comparison, encoding/json's decoding of the
// same bytes into the model with the invariants, which the widget did
// before. Run it with go -C examples/tools run ./cmd/wasmtest --
// -test.run='^$' -test.bench=Decode.
func BenchmarkDecode(b *testing.B) {
	b.Run("strict", func(b *testing.B) {
		b.SetBytes(int64(len(strangnas2019)))
		for b.Loop() {
			if _, err := decodeBundle(strangnas2019); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(strangnas2019)))
		for b.Loop() {
			var bundle followup.Bundle
			if err := json.Unmarshal(strangnas2019, &bundle); err != nil {
				b.Fatal(err)
			}
			if err := bundle.Document.Validate(); err != nil {
				b.Fatal(err)
			}
			for i := range bundle.Reports {
				if err := bundle.Reports[i].Validate(&bundle.Document); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkRender measures the view of the Strängnäs 2019 bundle: the
// evaluation, the tree and its JSON, as the widget renders it.
func BenchmarkRender(b *testing.B) {
	bundle, err := decodeBundle(strangnas2019)
	if err != nil {
		b.Fatal(err)
	}
	at := promise.MustParseDate("2020-01-31")
	for b.Loop() {
		n, err := content(viewInput{Bundle: bundle, Lang: "sv", At: at})
		if err != nil {
			b.Fatal(err)
		}
		_ = marshal(frame(frameInput{Lang: "sv", Src: "https://example.se/x.json"}, n))
	}
}
