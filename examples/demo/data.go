package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

const bundleSchema = "https://medborgarlofte.se/schema/1/bundle.schema.json"

// bundle is a bundle without reports, as the demo writes it. (Not
// followup.Bundle: the demo needs only package promise.)
type bundle struct {
	Schema        string           `json:"$schema"`
	SchemaVersion string           `json:"schemaVersion"`
	Document      promise.Document `json:"document"`
}

// bundle returns the bundle NAME: examples/data/bundles/NAME.json when it
// exists, else examples/data/NAME.json (a promise document) wrapped into a
// bundle without reports, else one of the hostile bundles.
func (s *server) bundle(name string) ([]byte, time.Time, error) {
	switch name {
	case "hostile-markup":
		b, err := hostile(s.data, markup)
		return b, time.Time{}, err
	case "hostile-links":
		b, err := hostile(s.data, links)
		return b, time.Time{}, err
	case "mistake-property", "mistake-date":
		b, err := mistake(s.data, name)
		return b, time.Time{}, err
	}
	path := filepath.Join(s.data, "bundles", name+".json")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		path = filepath.Join(s.data, name+".json")
		if b, err = os.ReadFile(path); err == nil {
			b = wrap(b)
		}
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	return b, fi.ModTime(), nil
}

// wrap makes a bundle of a promise document, keeping its bytes as they are.
func wrap(doc []byte) []byte {
	var b bytes.Buffer
	b.WriteString(`{"$schema": "` + bundleSchema + `", "schemaVersion": "` + promise.SchemaVersion + `", "document": `)
	b.Write(bytes.TrimSpace(doc))
	b.WriteString("}\n")
	return b.Bytes()
}

type hostility int

const (
	markup hostility = iota // valid data whose texts hold markup
	links                   // links with javascript: and data: URLs: invalid data
)

// pwn is what the hostile texts try to run: the browser tests check that
// window.__mloPwned stays undefined.
const pwn = `window.__mloPwned=1`

// hostile returns Strängnäs 2019 with markup in its texts, or with
// javascript: and data: links.
func hostile(dataDir string, h hostility) ([]byte, error) {
	raw, err := os.ReadFile(filepath.Join(dataDir, "strangnas-2019.json"))
	if err != nil {
		return nil, err
	}
	var doc promise.Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	cp := &doc.CitizenPromises[0]
	switch h {
	case markup:
		cp.Title["sv"] = `Medborgarlöfte 2019 <script>` + pwn + `</script>`
		cp.Promises[0].Text["sv"] = `<a href="javascript:` + pwn + `">Klicka här</a> <b>fetstil</b> ` + cp.Promises[0].Text["sv"]
		cp.Activities[0].Text["sv"] = `<img src="x" onerror="` + pwn + `"> ` + cp.Activities[0].Text["sv"]
		doc.Parties[0].Name["sv"] = `<style>*{display:none}</style>Strängnäs kommun`
	case links:
		doc.Sources[0].URL = `javascript:` + pwn
		doc.Parties[0].Website = `data:text/html,<script>` + pwn + `</script>`
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep the markup visible in the file, as an attacker would
	enc.SetIndent("", "  ")
	if err := enc.Encode(bundle{Schema: bundleSchema, SchemaVersion: promise.SchemaVersion, Document: doc}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// mistake returns Strängnäs 2019 with a mistake an editor makes: a
// property misspelt ("sumary" for "summary": not part of the format) or a
// date written 2019-2-8. The widget refuses both, in the reader's
// language.
func mistake(dataDir, name string) ([]byte, error) {
	raw, err := os.ReadFile(filepath.Join(dataDir, "bundles", "strangnas-2019.json"))
	if err != nil {
		return nil, err
	}
	var b map[string]any
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, err
	}
	doc, _ := b["document"].(map[string]any)
	cps, _ := doc["citizenPromises"].([]any)
	if len(cps) == 0 {
		return nil, errors.New("strangnas-2019 has no citizen promise")
	}
	cp := cps[0].(map[string]any)
	switch name {
	case "mistake-property":
		cp["sumary"] = map[string]any{"sv": "Felstavad egenskap"}
	case "mistake-date":
		cp["signed"] = "2019-2-8"
	}
	return json.MarshalIndent(b, "", "  ")
}
