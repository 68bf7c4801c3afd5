// Package strict decodes the file a status widget shows, a bundle (or a
// promise document), exactly as strictly as package schema's Decode, but
// without encoding/json and the JSON Schema library, which would add
// about 0.9 MB to widget.wasm and 125 ms to its start.
//
// [Decode] parses the JSON itself (the same rules as package schema's
// scanner: UTF-8, no key twice, nesting at most 64 deep, numbers within
// float64), checks the file against the format's JSON Schema (embedded
// from schema/*.schema.json, interpreted by this package), decodes it into
// followup.Bundle with methods generated from the model's types, and
// checks the model's invariants. What package schema refuses, Decode
// refuses; what it accepts, Decode decodes to the value encoding/json
// gives. Tests hold it to that on every example file and on fuzzed files.
//
// Problems come placed (line, column, JSON pointer) and worded in Swedish
// and English ([Problem.Message]), for the widget's readers and, with
// their details, for the web editors who look in the browser's console.
//
// # Following the format
//
// The schema and the decoder are generated: after a change of
// schema/*.schema.json or of the model's types, run
//
//	go generate ./wasm/...
//
// A test fails while the generated files are stale, and the generator
// fails where the schema uses a keyword, pattern or format this package
// does not implement, or where the model and the schema disagree.
package strict

//go:generate go run ./internal/gen
