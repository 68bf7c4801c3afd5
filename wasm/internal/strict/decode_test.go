package strict

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// exampleFiles returns every example file of the repository: the promise
// documents and the bundles.
func exampleFiles(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob("../../../examples/data/*.json")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../../../examples/data/bundles/*.json")
	paths = append(paths, more...)
	if len(paths) < 5 {
		t.Fatalf("found %d example files", len(paths))
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimPrefix(p, "../../../")] = b
	}
	return out
}

// reference decodes data as package schema and encoding/json do: the
// bundle (a promise document wrapped as Decode wraps it) when schema.Decode
// accepts the file as a bundle or promise document, and whether it did,
// and whether it refused it for its structure rather than its invariants
// alone.
func reference(t testing.TB, data []byte) (b *followup.Bundle, ok, structural bool) {
	t.Helper()
	f, problems := schema.Decode(data, schema.Options{})
	for _, p := range problems {
		if p.Severity == schema.Error && !isInvariant(p.Code) {
			structural = true
		}
	}
	if f == nil {
		return nil, false, structural
	}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch f.Kind {
	case schema.Bundle:
		b = new(followup.Bundle)
		if err := json.Unmarshal(body, b); err != nil {
			t.Fatalf("schema.Decode accepts what encoding/json refuses: %v", err)
		}
	case schema.PromiseDocument:
		b = &followup.Bundle{Schema: BundleSchema, SchemaVersion: promise.SchemaVersion}
		if err := json.Unmarshal(body, &b.Document); err != nil {
			t.Fatalf("schema.Decode accepts what encoding/json refuses: %v", err)
		}
	default:
		return nil, false, false // a report alone: not for the widget
	}
	return b, true, false
}

// isInvariant reports whether a problem code of package schema is one of
// the model's invariants (package promise's codes), not of the structure.
func isInvariant(c schema.Code) bool {
	switch promise.Code(c) {
	case promise.CodeMissing, promise.CodeDuplicateID, promise.CodeDanglingRef, promise.CodeBadValue,
		promise.CodeDateOrder, promise.CodeOutsidePeriod, promise.CodeNotApplicable, promise.CodeNotAParty,
		promise.CodeCycle, promise.CodeBadLink, promise.CodeDuplicateRef, promise.CodeBadLanguage,
		promise.CodeSignatoryParty, promise.CodeTargetValue, promise.CodeBadIdentifier, promise.CodeEmptyCollection:
		return true
	}
	return false
}

// agree checks Decode against the reference on one file: it refuses what
// schema.Decode refuses, and decodes what it accepts to encoding/json's
// value.
func agree(t testing.TB, name string, data []byte) {
	t.Helper()
	want, ok, structural := reference(t, data)
	if !ok && !structural && want == nil && schemaKind(data) == schema.Report {
		return
	}
	got, err := Decode(data)
	switch {
	case ok && err != nil:
		t.Errorf("%s: schema.Decode accepts the file, Decode refuses it: %v", name, err)
	case !ok && err == nil:
		t.Errorf("%s: schema.Decode refuses the file (structural: %v), Decode accepts it", name, structural)
	case ok && !reflect.DeepEqual(got, want):
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		t.Errorf("%s: Decode = %s\nencoding/json = %s", name, g, w)
	case !ok && structural:
		var e *Error
		if errors.As(err, &e) && e.Kind == Invalid {
			// Allowed only where the schema's structural problem is
			// one Decode finds among the invariants: none today.
			t.Errorf("%s: schema.Decode refuses the file for its structure, Decode only for its invariants: %v", name, err)
		}
	}
}

func schemaKind(data []byte) schema.Kind {
	var head struct {
		Schema string `json:"$schema"`
	}
	_ = json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &head)
	switch head.Schema {
	case schema.ReportURL:
		return schema.Report
	}
	return schema.Unknown
}

// TestExamples: every example file decodes, to encoding/json's value.
func TestExamples(t *testing.T) {
	for name, data := range exampleFiles(t) {
		if _, err := Decode(data); err != nil {
			t.Errorf("Decode(%s) = %v", name, err)
		}
		agree(t, name, data)
	}
}
