package strict

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func BenchmarkDecode(b *testing.B) {
	data, err := os.ReadFile("../../../examples/data/bundles/strangnas-2019.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSchemaDecode(b *testing.B) {
	data, err := os.ReadFile("../../../examples/data/bundles/strangnas-2019.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, ps := schema.Decode(data, schema.Options{}); ps.Invalid() {
			b.Fatal(ps)
		}
	}
}

func BenchmarkEncodingJSON(b *testing.B) {
	data, err := os.ReadFile("../../../examples/data/bundles/strangnas-2019.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var bundle followup.Bundle
		if err := json.Unmarshal(data, &bundle); err != nil {
			b.Fatal(err)
		}
		if err := bundle.Document.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	data, err := os.ReadFile("../../../examples/data/bundles/strangnas-2019.json")
	if err != nil {
		b.Fatal(err)
	}
	var bundle followup.Bundle
	if err := json.Unmarshal(data, &bundle); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := bundle.Document.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
