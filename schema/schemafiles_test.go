package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// This file checks the *.schema.json files themselves: that they compile,
// that they are closed and documented, that they match the Go types, and
// that REFERENCE.md is up to date. Its helpers are prefixed sf.

const sfBase = "https://medborgarlofte.se/schema/1/"

const (
	sfCommon   = "common.schema.json"
	sfDocument = "promise-document.schema.json"
	sfReport   = "followup-report.schema.json"
	sfBundle   = "bundle.schema.json"
)

var sfFiles = []string{sfCommon, sfDocument, sfReport, sfBundle}

// sfRead returns a schema file's bytes and its decoded JSON.
func sfRead(t *testing.T, name string) ([]byte, map[string]any) {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	var v map[string]any
	require.NoError(t, json.Unmarshal(data, &v), name)
	return data, v
}

// sfCompile compiles every schema file, added as a resource by its
// absolute $id, and returns the compiled schemas by file name.
func sfCompile(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	for _, name := range sfFiles {
		data, v := sfRead(t, name)
		require.Equal(t, sfBase+name, v["$id"], "%s: $id", name)
		require.Equal(t, "https://json-schema.org/draft/2020-12/schema", v["$schema"], "%s: $schema", name)
		require.NoError(t, c.AddResource(sfBase+name, bytes.NewReader(data)), name)
	}
	out := make(map[string]*jsonschema.Schema, len(sfFiles))
	for _, name := range sfFiles {
		s, err := c.Compile(sfBase + name)
		require.NoError(t, err, name)
		out[name] = s
	}
	return out
}

func TestSchemaFilesCompile(t *testing.T) {
	sfCompile(t)
}

func TestSchemaFilesClosedAndDescribed(t *testing.T) {
	for _, name := range sfFiles {
		_, root := sfRead(t, name)
		sfWalk(t, name, "", root, true)
		defs, _ := root["$defs"].(map[string]any)
		for def, s := range defs {
			assert.NotEmpty(t, s.(map[string]any)["title"], "%s#/$defs/%s has no title", name, def)
		}
	}
}

// sfWalk checks the schema s at ptr and its subschemas. A declared schema
// (a file's root, a definition, a property) needs a description; every
// object schema must be closed, except extensions and maps (text), whose
// keys and values are both constrained.
func sfWalk(t *testing.T, file, ptr string, s any, declared bool) {
	m, ok := s.(map[string]any)
	if !ok {
		return // a boolean schema
	}
	where := file + "#" + ptr
	if declared {
		d, _ := m["description"].(string)
		assert.NotEmpty(t, strings.TrimSpace(d), "%s has no description", where)
	}
	if _, ok := m["properties"]; ok && declared {
		assert.Equal(t, "object", m["type"], "%s has properties but is not of type object", where)
	}
	assert.NotContains(t, m, "$dynamicRef", where)
	if e, ok := m["enum"].([]any); ok {
		assert.NotEmpty(t, e, "%s has an empty enum", where)
	}
	if m["type"] == "object" {
		closed := m["additionalProperties"] == false || m["unevaluatedProperties"] == false
		_, isMap := m["additionalProperties"].(map[string]any)
		isMap = isMap && m["propertyNames"] != nil
		isExt := file == sfCommon && ptr == "/$defs/extensions"
		assert.True(t, closed || isMap || isExt, "%s is an object schema that is not closed (additionalProperties: false)", where)
	}
	for _, k := range []string{"$defs", "properties"} {
		if sub, ok := m[k].(map[string]any); ok {
			for name, v := range sub {
				// A property inside a rule (then: {properties: …}) only
				// constrains one that is declared elsewhere.
				sfWalk(t, file, ptr+"/"+k+"/"+name, v, declared || k == "$defs")
			}
		}
	}
	for _, k := range []string{"items", "additionalProperties", "propertyNames", "not", "if", "then", "else"} {
		if sub, ok := m[k]; ok {
			sfWalk(t, file, ptr+"/"+k, sub, false)
		}
	}
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		if sub, ok := m[k].([]any); ok {
			for i, v := range sub {
				rp := ptr + "/" + k + "/" + strconv.Itoa(i)
				if declared {
					// The reference shows a rule by its description.
					d, _ := v.(map[string]any)["description"].(string)
					assert.NotEmpty(t, d, "%s#%s: a rule has no description", file, rp)
				}
				sfWalk(t, file, rp, v, false)
			}
		}
	}
}

// TestTargetRulesDescribed checks that the description of each kind's rule
// names what the rule requires and what it does not allow, since the
// reference shows the description rather than the rule.
// TestTargetRulesMatchGo checks that the schema's rule for each kind of
// target forbids exactly the fields that package promise's table of kinds
// does not apply to it, and requires those it needs: a kind is described
// once in Go and the schema must agree.
func TestTargetRulesMatchGo(t *testing.T) {
	_, doc := sfRead(t, sfDocument)
	target := sfAt(t, doc, "/$defs/target")
	optional := sfKeys(target["properties"])
	optional = slices.DeleteFunc(optional, func(s string) bool { return s == "id" || s == "kind" || s == "description" })
	rules := target["allOf"].([]any)
	for _, k := range promise.TargetKinds() {
		var rule map[string]any
		for _, r := range rules {
			if sfAt(t, r.(map[string]any), "/if/properties/kind")["const"] == string(k) {
				rule = r.(map[string]any)
			}
		}
		require.NotNil(t, rule, "no schema rule for kind %s", k)
		apply, needs := k.Fields()
		then := rule["then"].(map[string]any)
		props, _ := then["properties"].(map[string]any)
		var forbidden []string
		for name, p := range props {
			if p == false {
				forbidden = append(forbidden, name)
			}
		}
		slices.Sort(forbidden)
		want := slices.DeleteFunc(slices.Clone(optional), func(s string) bool { return slices.Contains(apply, s) })
		assert.Equal(t, want, forbidden, "kind %s: fields the schema forbids", k)
		required := sfKeys(then["required"])
		slices.Sort(needs)
		if len(needs) == 0 {
			needs = nil
		}
		assert.Equal(t, needs, required, "kind %s: fields the schema requires", k)
	}
}

func TestTargetRulesDescribed(t *testing.T) {
	_, doc := sfRead(t, sfDocument)
	rules := sfAt(t, doc, "/$defs/target")["allOf"].([]any)
	require.Len(t, rules, 8, "one rule per kind of target")
	for i, r := range rules {
		rule := r.(map[string]any)
		desc := rule["description"].(string)
		then := rule["then"].(map[string]any)
		var named []string
		named = append(named, sfKeys(then["required"])...)
		props, _ := then["properties"].(map[string]any)
		for name, p := range props {
			if p == false {
				named = append(named, name)
			}
		}
		for _, name := range named {
			assert.True(t, slices.Contains(strings.FieldsFunc(desc, func(r rune) bool {
				return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
			}), name), "target rule %d: description %q does not name %s", i, desc, name)
		}
	}
}

// sfTypes maps each Go type of the exchange format to its object schema:
// a file and the JSON pointer of the schema in it.
var sfTypes = []struct {
	typ  reflect.Type
	file string
	ptr  string
}{
	{reflect.TypeFor[promise.Document](), sfDocument, ""},
	{reflect.TypeFor[promise.Party](), sfDocument, "/$defs/party"},
	{reflect.TypeFor[promise.Identifiers](), sfDocument, "/$defs/identifiers"},
	{reflect.TypeFor[promise.Place](), sfDocument, "/$defs/place"},
	{reflect.TypeFor[promise.Theme](), sfDocument, "/$defs/theme"},
	{reflect.TypeFor[promise.Source](), sfDocument, "/$defs/source"},
	{reflect.TypeFor[promise.Signatory](), sfDocument, "/$defs/signatory"},
	{reflect.TypeFor[promise.Agreement](), sfDocument, "/$defs/agreement"},
	{reflect.TypeFor[promise.CitizenPromise](), sfDocument, "/$defs/citizenPromise"},
	{reflect.TypeFor[promise.Basis](), sfDocument, "/$defs/basis"},
	{reflect.TypeFor[promise.Promise](), sfDocument, "/$defs/promise"},
	{reflect.TypeFor[promise.Activity](), sfDocument, "/$defs/activity"},
	{reflect.TypeFor[promise.Withdrawal](), sfDocument, "/$defs/withdrawal"},
	{reflect.TypeFor[promise.Effect](), sfDocument, "/$defs/effect"},
	{reflect.TypeFor[promise.Reporting](), sfDocument, "/$defs/reporting"},
	{reflect.TypeFor[promise.ReportingPeriod](), sfDocument, "/$defs/reportingPeriod"},
	{reflect.TypeFor[promise.Thresholds](), sfDocument, "/$defs/thresholds"},
	{reflect.TypeFor[promise.Target](), sfDocument, "/$defs/target"},
	{reflect.TypeFor[promise.Share](), sfDocument, "/$defs/share"},
	{reflect.TypeFor[promise.Measurement](), sfDocument, "/$defs/measurement"},
	{reflect.TypeFor[promise.Period](), sfCommon, "/$defs/period"},
	{reflect.TypeFor[promise.Link](), sfCommon, "/$defs/link"},
	{reflect.TypeFor[promise.Note](), sfCommon, "/$defs/note"},
	{reflect.TypeFor[promise.Lineage](), sfCommon, "/$defs/lineage"},
	{reflect.TypeFor[promise.Reference](), sfCommon, "/$defs/reference"},
	{reflect.TypeFor[promise.Alias](), sfDocument, "/$defs/alias"},
	{reflect.TypeFor[promise.Person](), sfDocument, "/$defs/person"},
	{reflect.TypeFor[promise.Involvement](), sfDocument, "/$defs/involvement"},
	{reflect.TypeFor[promise.LegalBasis](), sfDocument, "/$defs/legalBasis"},
	{reflect.TypeFor[promise.Duty](), sfDocument, "/$defs/duty"},
	{reflect.TypeFor[promise.Body](), sfDocument, "/$defs/body"},
	{reflect.TypeFor[promise.ActionPlan](), sfDocument, "/$defs/actionPlan"},
	{reflect.TypeFor[promise.ContextItem](), sfDocument, "/$defs/contextItem"},
	{reflect.TypeFor[promise.Wording](), sfDocument, "/$defs/wording"},
	{reflect.TypeFor[promise.SourcedLead](), sfDocument, "/$defs/sourcedLead"},
	{reflect.TypeFor[followup.Report](), sfReport, ""},
	{reflect.TypeFor[followup.Update](), sfReport, "/$defs/update"},
	{reflect.TypeFor[followup.Occurrence](), sfReport, "/$defs/occurrence"},
	{reflect.TypeFor[followup.Result](), sfReport, "/$defs/result"},
	{reflect.TypeFor[followup.Assessment](), sfReport, "/$defs/assessment"},
	{reflect.TypeFor[followup.Substitute](), sfReport, "/$defs/substitute"},
	{reflect.TypeFor[followup.Bundle](), sfBundle, ""},
}

// sfGoFields returns the JSON names of a struct's fields and those of
// them that are always encoded (no omitempty or omitzero), sorted.
func sfGoFields(t *testing.T, typ reflect.Type) (names, required []string) {
	t.Helper()
	for f := range typ.Fields() {
		require.False(t, f.Anonymous, "%v.%s: embedded fields are not mapped", typ, f.Name)
		if !f.IsExported() {
			continue
		}
		tag, ok := f.Tag.Lookup("json")
		require.True(t, ok, "%v.%s has no json tag", typ, f.Name)
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		names = append(names, name)
		o := strings.Split(opts, ",")
		if !slices.Contains(o, "omitempty") && !slices.Contains(o, "omitzero") {
			required = append(required, name)
		}
	}
	slices.Sort(names)
	slices.Sort(required)
	return names, required
}

// sfAt returns the schema at the JSON pointer ptr of root.
func sfAt(t *testing.T, root map[string]any, ptr string) map[string]any {
	t.Helper()
	cur := root
	for _, seg := range strings.Split(ptr, "/")[1:] {
		next, ok := cur[seg].(map[string]any)
		require.True(t, ok, "no schema at %s", ptr)
		cur = next
	}
	return cur
}

// sfKeys returns the sorted keys of an object, or the sorted strings of an
// array.
func sfKeys(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k := range v {
			out = append(out, k)
		}
	case []any:
		for _, s := range v {
			out = append(out, s.(string))
		}
	}
	slices.Sort(out)
	return out
}

func TestSchemaFilesMatchGoTypes(t *testing.T) {
	roots := make(map[string]map[string]any)
	for _, name := range sfFiles {
		_, roots[name] = sfRead(t, name)
	}
	mapped := make(map[string]bool)
	for _, tc := range sfTypes {
		t.Run(tc.typ.String(), func(t *testing.T) {
			s := sfAt(t, roots[tc.file], tc.ptr)
			mapped[tc.file+"#"+tc.ptr] = true
			names, required := sfGoFields(t, tc.typ)
			assert.Equal(t, names, sfKeys(s["properties"]), "%v: json names vs properties of %s#%s", tc.typ, tc.file, tc.ptr)
			assert.Equal(t, required, sfKeys(s["required"]), "%v: fields without omitempty/omitzero vs required of %s#%s", tc.typ, tc.file, tc.ptr)
		})
	}
	// Every object schema stands for a Go type: none is left unchecked.
	for _, name := range sfFiles {
		if _, ok := roots[name]["properties"]; ok {
			assert.True(t, mapped[name+"#"], "%s has no Go type in sfTypes", name)
		}
		defs, _ := roots[name]["$defs"].(map[string]any)
		for def, s := range defs {
			if _, ok := s.(map[string]any)["properties"]; ok {
				assert.True(t, mapped[name+"#/$defs/"+def], "%s#/$defs/%s has no Go type in sfTypes", name, def)
			}
		}
	}
}

func TestSchemaFilesEnumsMatchGo(t *testing.T) {
	var statuses, assessable []string
	for _, s := range followup.Statuses() {
		statuses = append(statuses, s.String())
		if s != followup.NotStarted && s != followup.NotReported && s != followup.AwaitingReport {
			assessable = append(assessable, s.String())
		}
	}
	str := func(vs ...any) []string {
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = reflect.ValueOf(v).String()
		}
		return out
	}
	cadences := str(promise.Daily, promise.Weekly, promise.Monthly, promise.Quarterly, promise.Tertially, promise.HalfYear, promise.Yearly)
	tests := []struct {
		file, ptr string
		want      []string
	}{
		{sfDocument, "/$defs/party/properties/kind", str(promise.Municipality, promise.Police, promise.RescueService, promise.Region,
			promise.HousingCompany, promise.TransportAuthority, promise.Association, promise.Company, promise.OtherParty)},
		{sfDocument, "/$defs/place/properties/kind", str(promise.PlaceMunicipality, promise.PlaceTown, promise.PlaceDistrict,
			promise.PlaceSite, promise.PlaceType, promise.PlaceArea)},
		{sfDocument, "/$defs/source/properties/kind", str(promise.SignedDocument, promise.WebPage, promise.PressRelease,
			promise.FollowUpReport, promise.Decision, promise.Dataset, promise.OtherSource)},
		{sfDocument, "/$defs/basis/properties/kind", str(promise.CitizenDialogue, promise.SituationPicture, promise.Statistics,
			promise.Survey, promise.OtherBasis)},
		{sfCommon, "/$defs/relation", str(promise.Renews, promise.Extends, promise.CarriesOver, promise.Replaces, promise.SucceededBy)},
		{sfCommon, "/$defs/qualifier", str(promise.AtLeastQualifier, promise.OverQualifier, promise.AboutQualifier,
			promise.UnderQualifier, promise.AtMostQualifier)},
		{sfDocument, "/$defs/target/properties/kind", func() []string {
			var out []string
			for _, k := range promise.TargetKinds() {
				out = append(out, string(k))
			}
			return out
		}()},
		{sfDocument, "/$defs/alias/properties/kind", str(promise.OtherName, promise.FormerName, promise.Spelling)},
		{sfDocument, "/$defs/involvement/properties/roles/items", str(promise.Pictured, promise.Quoted, promise.Present, promise.Contact)},
		{sfDocument, "/$defs/body/properties/kind", str(promise.CrimePreventionCouncil, promise.SteeringGroup, promise.WorkingGroup,
			promise.TrafficSafetyCouncil, promise.OtherBody)},
		{sfDocument, "/$defs/contextItem/properties/kind", str(promise.Programme, promise.Method, promise.OtherContext)},
		{sfDocument, "/$defs/citizenPromise/properties/notStated/items", []string{promise.PromisesField}},
		{sfDocument, "/$defs/citizenPromise/properties/incomplete/items", []string{promise.PromisesField, promise.ActivitiesField}},
		{sfDocument, "/$defs/activity/properties/notStated/items", []string{promise.LeadsField}},
		{sfCommon, "/$defs/period/properties/notStated/items", []string{promise.StartBound, promise.EndBound}},
		{sfReport, "/$defs/result/properties/outcome", str(followup.Done, followup.PartlyDone, followup.NotDone)},
		{sfReport, "/properties/notStated/items", []string{promise.DateField}},
		{sfDocument, "/$defs/target/properties/comparison", str(promise.AtLeast, promise.Exactly)},
		{sfDocument, "/$defs/target/properties/scope", str(promise.WholePeriod, promise.EachYear)},
		{sfDocument, "/$defs/target/properties/direction", str(promise.Increase, promise.Decrease)},
		{sfDocument, "/$defs/cadence", cadences},
		{sfDocument, "/$defs/reporting/properties/cadence", slices.DeleteFunc(slices.Clone(cadences), func(c string) bool {
			return c == string(promise.Daily) || c == string(promise.Weekly)
		})},
		{sfReport, "/$defs/status", statuses},
		{sfReport, "/$defs/assessment/properties/status", assessable},
	}
	for _, tc := range tests {
		_, root := sfRead(t, tc.file)
		got, ok := sfAt(t, root, tc.ptr)["enum"].([]any)
		require.True(t, ok, "%s#%s has no enum", tc.file, tc.ptr)
		// Same values in the same order, so that the reference lists
		// them as the Go documentation does.
		assert.Equal(t, tc.want, str(got...), "%s#%s", tc.file, tc.ptr)
	}
}

func TestReferenceUpToDate(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	out := filepath.Join(t.TempDir(), "REFERENCE.md")
	cmd := exec.Command(goTool, "run", "./internal/schemadoc", "-out", out)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	want, err := os.ReadFile(out)
	require.NoError(t, err)
	got, err := os.ReadFile("REFERENCE.md")
	require.NoError(t, err)
	if !bytes.Equal(want, got) {
		t.Fatal("REFERENCE.md is stale: run go generate ./schema")
	}
}

const (
	sfID0 = "01912b7e-5c3a-7d4e-8f60-00000000000"
	sfDoc = `{
  "$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json",
  "schemaVersion": "1.1",
  "id": "` + sfID0 + `1",
  "parties": [
    {"id": "` + sfID0 + `2", "kind": "municipality", "name": {"sv": "Strängnäs kommun"},
     "identifiers": {"kommunkod": "0486"}, "website": "https://www.strangnas.se/"},
    {"id": "` + sfID0 + `3", "kind": "police", "name": {"sv": "Lokalpolisområde Strängnäs"}}
  ],
  "citizenPromises": [{
    "id": "` + sfID0 + `4",
    "title": {"sv": "Medborgarlöfte 2019"},
    "period": {"start": "2019-01-01", "end": "2019-12-31"},
    "partyIds": ["` + sfID0 + `2", "` + sfID0 + `3"],
    "promises": [{"id": "` + sfID0 + `5", "text": {"sv": "Vi ska öka tryggheten."}, "givenBy": ["` + sfID0 + `3"]}],
    "activities": [{
      "id": "` + sfID0 + `6",
      "text": {"sv": "Trygghetsvandringar"},
      "promiseIds": ["` + sfID0 + `5"],
      "leadIds": ["` + sfID0 + `2"],
      "targets": [{"id": "` + sfID0 + `7", "kind": "count", "value": 4, "comparison": "atLeast"}]
    }],
    "lineage": [{"relation": "renews", "url": "https://www.strangnas.se/medborgarlofte-2018"}]
  }]
}`
	sfRep = `{
  "$schema": "https://medborgarlofte.se/schema/1/followup-report.schema.json",
  "schemaVersion": "1.1",
  "id": "` + sfID0 + `8",
  "citizenPromiseId": "` + sfID0 + `4",
  "period": {"start": "2019-01-01", "end": "2019-12-31"},
  "date": "2020-01-28",
  "reportedBy": ["` + sfID0 + `2"],
  "final": true,
  "updates": [{
    "activityId": "` + sfID0 + `6",
    "occurrences": [{"date": "2019-05-14", "targetId": "` + sfID0 + `7", "place": {"sv": "Läggesta station"}}],
    "results": [{"targetId": "` + sfID0 + `7", "value": 4, "date": "2019-12-31"}],
    "assessment": {"status": "achieved", "justification": {"sv": "Fyra vandringar genomförda."}},
    "evidence": [{"url": "https://www.strangnas.se/nyheter"}]
  }],
  "results": [{"value": 303, "unit": {"sv": "trafikkontroller"}}],
  "extensions": {"se.strangnas.diarienummer": "KS/2020:1"}
}`
)

// sfDecode decodes an instance for the validator, with numbers kept exact.
func sfDecode(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v))
	return v
}

// sfEdit returns s with old replaced by new, which must occur exactly once.
func sfEdit(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(s, old), "%q must occur once", old)
	return strings.Replace(s, old, new, 1)
}

func sfBundleOf(doc, rep string) string {
	return `{"$schema": "https://medborgarlofte.se/schema/1/bundle.schema.json", "schemaVersion": "1.1",
	"document": ` + doc + `, "reports": [` + rep + `]}`
}

func TestSchemaFilesInstances(t *testing.T) {
	schemas := sfCompile(t)
	const target = `{"id": "` + sfID0 + `7", "kind": "count", "value": 4, "comparison": "atLeast"}`
	withTarget := func(s string) string { return sfEdit(t, sfDoc, target, s) }
	tests := []struct {
		name     string
		file     string
		instance string
		fails    string // the end of a failing keyword's absolute location; "" if valid
	}{
		{"minimal document", sfDocument, sfDoc, ""},
		{"report", sfReport, sfRep, ""},
		{"bundle", sfBundle, sfBundleOf(sfDoc, sfRep), ""},
		{"open period", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01", "end": "2019-12-31"`, `"start": "2019-01-01"`), ""},
		{"recurring target", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "recurring", "value": 1, "every": "day"}`), ""},
		{"indicator target", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "indicator", "value": 75.5, "direction": "increase",
			"baseline": {"value": 62.5, "date": "2018-10-01"}}`), ""},
		{"coverage by places", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "coverage", "placeIds": ["` + sfID0 + `9"]}`), ""},
		{"coverage of a set of unknown size", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "coverage", "unit": {"sv": "skolor"}}`), ""},
		{"rate target", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "rate", "value": 1, "every": "day", "unit": {"sv": "trafikkontroller"}}`), ""},
		{"direction-only indicator", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "indicator", "direction": "decrease", "unit": {"sv": "trafikolyckor"}}`), ""},
		{"month and year dates", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01", "end": "2019-12-31"`, `"start": "2018-10", "end": "2019"`), ""},
		{"unknown end", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01", "end": "2019-12-31"`, `"start": "2019-01-01", "notStated": ["end"]`), ""},
		{"unknown start", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01", "end": "2019-12-31"`, `"end": "2019-12-31", "notStated": ["start"]`), ""},
		{"start both given and not stated", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01", "end": "2019-12-31"`, `"start": "2019-01-01", "notStated": ["start"]`), "#/$defs/period/allOf/0/then/properties/start"},
		{"no start", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01", "end": "2019-12-31"`, `"end": "2019-12-31"`), "#/$defs/period/allOf/0/else/required"},
		{"lead not stated", sfDocument, sfEdit(t, sfDoc, `"leadIds": ["`+sfID0+`2"],`, `"notStated": ["leadIds"],`), ""},
		{"no lead", sfDocument, sfEdit(t, sfDoc, `"leadIds": ["`+sfID0+`2"],`, ``), "#/$defs/activity/allOf/0/else/required"},
		{"report date not stated", sfReport, sfEdit(t, sfRep, `"date": "2020-01-28",`, `"notStated": ["date"],`), ""},
		{"report without date", sfReport, sfEdit(t, sfRep, `"date": "2020-01-28",`, ``), "followup-report.schema.json#/allOf/1/else/required"},
		{"stated outcome without a figure", sfReport, sfEdit(t, sfRep, `"value": 4, "date": "2019-12-31"`, `"outcome": "done", "date": "2019-12"`), ""},
		{"result with neither figure nor outcome", sfReport, sfEdit(t, sfRep, `"value": 4, "date": "2019-12-31"`, `"date": "2019-12-31"`), "#/$defs/result/anyOf/1/required"},
		{"report about an action plan", sfReport, sfEdit(t, sfRep, `"citizenPromiseId"`, `"actionPlanId"`), ""},
		{"report about two things", sfReport, sfEdit(t, sfRep, `"citizenPromiseId": "`+sfID0+`4",`, `"citizenPromiseId": "`+sfID0+`4", "agreementId": "`+sfID0+`4",`), "followup-report.schema.json#/allOf/0/oneOf"},

		{"count target without value", sfDocument, sfEdit(t, sfDoc, `"kind": "count", "value": 4,`, `"kind": "count",`), "#/$defs/target/allOf/0/then/required"},
		{"count target of 4.5", sfDocument, sfEdit(t, sfDoc, `"value": 4,`, `"value": 4.5,`), "#/$defs/target/allOf/0/then/properties/value/multipleOf"},
		{"count target with every", sfDocument, sfEdit(t, sfDoc, `"comparison": "atLeast"`, `"every": "week"`), "#/$defs/target/allOf/0/then/properties/every"},
		{"recurring target without every", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "recurring", "value": 1}`), "#/$defs/target/allOf/2/then/required"},
		{"indicator without baseline", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "indicator", "value": 75, "direction": "increase"}`), "#/$defs/target/allOf/6/then/dependentRequired/value/0"},
		{"indicator without direction", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "indicator"}`), "#/$defs/target/allOf/6/then/required"},
		{"coverage with neither places, value nor unit", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "coverage"}`), "#/$defs/target/allOf/4/then/anyOf/2/required"},
		{"rate without every", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "rate", "value": 1}`), "#/$defs/target/allOf/3/then/required"},
		{"rate of zero", sfDocument, withTarget(`{"id": "` + sfID0 + `7", "kind": "rate", "value": 0, "every": "day"}`), "#/$defs/target/allOf/3/then/properties/value/exclusiveMinimum"},
		{"unknown target kind", sfDocument, sfEdit(t, sfDoc, `"kind": "count"`, `"kind": "amount"`), "#/$defs/target/properties/kind/enum"},
		{"unknown property", sfDocument, sfEdit(t, sfDoc, `"schemaVersion": "1.1",`, `"schemaVersion": "1.1", "colour": "red",`), "promise-document.schema.json#/additionalProperties"},
		{"javascript url", sfDocument, sfEdit(t, sfDoc, `"https://www.strangnas.se/"`, `"javascript:alert(1)"`), "#/$defs/webUrl/pattern"},
		{"url without host", sfDocument, sfEdit(t, sfDoc, `"https://www.strangnas.se/"`, `"https:///x"`), "#/$defs/webUrl/pattern"},
		{"date 2019-02-30", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01"`, `"start": "2019-02-30"`), "#/$defs/date/then/then/format"},
		{"date with time", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01"`, `"start": "2019-01-01T00:00:00Z"`), "#/$defs/date/pattern"},
		{"date 2019-2-8", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01"`, `"start": "2019-2-8"`), "#/$defs/date/pattern"},
		{"date in year 0", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01"`, `"start": "0000-01-01"`), "#/$defs/date/then/pattern"},
		{"month 13", sfDocument, sfEdit(t, sfDoc, `"start": "2019-01-01"`, `"start": "2019-13"`), "#/$defs/date/then/pattern"},
		{"non-UUID id", sfDocument, sfEdit(t, sfDoc, `"id": "`+sfID0+`1"`, `"id": "not-a-uuid"`), "#/$defs/uuid/pattern"},
		{"schemaVersion 2.0", sfDocument, sfEdit(t, sfDoc, `"schemaVersion": "1.1"`, `"schemaVersion": "2.0"`), "#/$defs/schemaVersion/pattern"},
		{"wrong $schema", sfDocument, sfEdit(t, sfDoc, "promise-document.schema.json", "followup-report.schema.json"), "promise-document.schema.json#/properties/$schema/const"},
		{"text keyed by no language", sfDocument, sfEdit(t, sfDoc, `{"sv": "Strängnäs kommun"}`, `{"Svenska": "Strängnäs kommun"}`), "#/$defs/languageTag/pattern"},
		{"empty text", sfDocument, sfEdit(t, sfDoc, `{"sv": "Strängnäs kommun"}`, `{}`), "#/$defs/shortText/minProperties"},
		{"no parties", sfDocument, `{"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json",
			"schemaVersion": "1.1", "id": "` + sfID0 + `1", "parties": []}`, "promise-document.schema.json#/properties/parties/minItems"},
		{"party listed twice", sfDocument, sfEdit(t, sfDoc, `"givenBy": ["`+sfID0+`3"]`, `"givenBy": ["`+sfID0+`3", "`+sfID0+`3"]`), "#/$defs/promise/properties/givenBy/uniqueItems"},
		{"kommunkod of three digits", sfDocument, sfEdit(t, sfDoc, `"0486"`, `"486"`), "#/$defs/identifiers/properties/kommunkod/pattern"},
		{"lineage with neither id, url nor title", sfDocument, sfEdit(t, sfDoc, `, "url": "https://www.strangnas.se/medborgarlofte-2018"`, ``), "#/$defs/lineage/anyOf/2/required"},
		{"report with an open period", sfReport, sfEdit(t, sfRep, `"start": "2019-01-01", "end": "2019-12-31"`, `"start": "2019-01-01"`),
			"followup-report.schema.json#/properties/period/required"},
		{"assessment not_started", sfReport, sfEdit(t, sfRep, `"achieved"`, `"not_started"`), "#/$defs/assessment/properties/status/enum"},
		{"report status not a token", sfReport, sfEdit(t, sfRep, `"achieved"`, `"done"`), "#/$defs/assessment/properties/status/enum"},
		{"report without reporters", sfReport, sfEdit(t, sfRep, `["`+sfID0+`2"]`, `[]`), "followup-report.schema.json#/properties/reportedBy/minItems"},
		{"report with unknown property", sfReport, sfEdit(t, sfRep, `"final": true,`, `"final": true, "author": "x",`), "followup-report.schema.json#/additionalProperties"},
		{"bundle of a document claiming to be a bundle", sfBundle, sfBundleOf(sfEdit(t, sfDoc, "promise-document.schema.json", "bundle.schema.json"), sfRep), "promise-document.schema.json#/properties/$schema/const"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := sfDecode(t, []byte(tc.instance))
			err := schemas[tc.file].Validate(v)
			if tc.fails == "" {
				assert.NoError(t, err)
				return
			}
			var ve *jsonschema.ValidationError
			require.ErrorAs(t, err, &ve)
			var got []string
			for _, l := range sfLeaves(ve, nil) {
				if strings.HasSuffix(l.AbsoluteKeywordLocation, tc.fails) {
					return
				}
				got = append(got, l.AbsoluteKeywordLocation)
			}
			t.Errorf("no failure at …%s; failures at %v", tc.fails, got)
		})
	}
}

// sfLeaves returns the innermost errors of a validation error.
func sfLeaves(ve *jsonschema.ValidationError, out []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return append(out, ve)
	}
	for _, c := range ve.Causes {
		out = sfLeaves(c, out)
	}
	return out
}

// TestSchemaFilesAgreeWithGo checks that the valid instances decode into
// the Go types and that what Go encodes again is valid against the schema.
func TestSchemaFilesAgreeWithGo(t *testing.T) {
	schemas := sfCompile(t)
	roundTrip := func(t *testing.T, file, instance string, into any) {
		dec := json.NewDecoder(strings.NewReader(instance))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(into))
		out, err := json.Marshal(into)
		require.NoError(t, err)
		assert.NoError(t, schemas[file].Validate(sfDecode(t, out)), "%s", out)
	}
	t.Run("document", func(t *testing.T) {
		var d promise.Document
		roundTrip(t, sfDocument, sfDoc, &d)
		assert.NoError(t, d.Validate())
	})
	t.Run("report", func(t *testing.T) {
		var r followup.Report
		roundTrip(t, sfReport, sfRep, &r)
	})
	t.Run("bundle", func(t *testing.T) {
		var b followup.Bundle
		roundTrip(t, sfBundle, sfBundleOf(sfDoc, sfRep), &b)
	})
}
