package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/google/uuid"

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
	case "large":
		b, err := large(s.data)
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

// largeActivities is how many activities the large bundle has: a file of
// about 1.8 MB, under the widget's limit of 2 MiB.
const largeActivities = 900

// large returns Strängnäs 2019 with its seven activities copied into
// largeActivities, each copy with ids of its own: a view so large that
// the widget builds each activity's follow-up only when it is opened.
func large(dataDir string) ([]byte, error) {
	raw, err := os.ReadFile(filepath.Join(dataDir, "strangnas-2019.json"))
	if err != nil {
		return nil, err
	}
	var doc promise.Document
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	cp := &doc.CitizenPromises[0]
	base := cp.Activities
	cp.Activities = make([]promise.Activity, 0, largeActivities)
	for i := range largeActivities {
		a := base[i%len(base)]
		id := func(what string) uuid.UUID {
			return uuid.NewSHA1(a.ID, []byte(what+" "+strconv.Itoa(i)))
		}
		if i >= len(base) {
			a.ID = id("activity")
			a.Targets = append([]promise.Target(nil), a.Targets...)
			for j := range a.Targets {
				a.Targets[j].ID = id("target " + strconv.Itoa(j))
			}
			a.Text = promise.Text{"sv": a.Text["sv"] + " (kopia " + strconv.Itoa(i) + ")", "en": a.Text["en"] + " (copy " + strconv.Itoa(i) + ")"}
			a.Wordings = nil
		}
		cp.Activities = append(cp.Activities, a)
	}
	return json.Marshal(bundle{Schema: bundleSchema, SchemaVersion: promise.SchemaVersion, Document: doc})
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
