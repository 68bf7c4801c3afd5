package strict

import "testing"

// FuzzDecode: on any input, Decode refuses what schema.Decode refuses,
// accepts what it accepts and then decodes encoding/json's value; and it
// never panics. The seeds are every example file and a small bundle.
func FuzzDecode(f *testing.F) {
	for _, data := range exampleFiles(f) {
		f.Add(data)
	}
	f.Add([]byte(`{"$schema":"https://medborgarlofte.se/schema/1/promise-document.schema.json","schemaVersion":"1.0","id":"01a2013e-d988-7e97-a5b1-6e0878effa05","parties":[{"id":"01a2013e-d988-7e97-a5b1-6e0878effa06","kind":"police","name":{"sv":"Polisen"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		agree(t, "the input", data)
	})
}
