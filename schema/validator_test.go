package schema_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

// problemsAt returns the problems at ptr.
func problemsAt(ps schema.Problems, ptr string) schema.Problems {
	var out schema.Problems
	for _, p := range ps {
		if p.Pointer == ptr {
			out = append(out, p)
		}
	}
	return out
}

func TestMessagesThatMisled(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(string) string
		pointer string
		code    schema.Code
		en, sv  string // parts of the one message at pointer
	}{
		{
			name:    "schemaVersion as a number",
			edit:    replace(`"schemaVersion": "1.0"`, `"schemaVersion": 1.0`),
			pointer: "/schemaVersion", code: schema.CodeSchemaVersion,
			en: `must be a text in quotes, not the number 1.0: write "schemaVersion": "1.0"`,
			sv: `måste vara en text inom citattecken, inte talet 1.0: skriv "schemaVersion": "1.0"`,
		},
		{
			name:    "schemaVersion as the number 1",
			edit:    replace(`"schemaVersion": "1.0"`, `"schemaVersion": 1`),
			pointer: "/schemaVersion", code: schema.CodeSchemaVersion,
			en: `write "schemaVersion": "1.0"`, sv: `skriv "schemaVersion": "1.0"`,
		},
		{
			name:    "schemaVersion 2 as a number",
			edit:    replace(`"schemaVersion": "1.0"`, `"schemaVersion": 2`),
			pointer: "/schemaVersion", code: schema.CodeSchemaVersion,
			en: `schemaVersion "2" is not supported`, sv: `schemaVersion "2" stöds inte`,
		},
		{
			name:    "schemaVersion as true",
			edit:    replace(`"schemaVersion": "1.0"`, `"schemaVersion": true`),
			pointer: "/schemaVersion", code: schema.CodeSchemaVersion,
			en: `must be a text in quotes such as "1.0", not true or false`, sv: `inte true eller false`,
		},
		{
			name:    "$schema as a number",
			edit:    replace(`"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json"`, `"$schema": 5`),
			pointer: "/$schema", code: schema.CodeSchemaUnknown,
			en: `"$schema" must be a text in quotes that names the kind of file, not a number`,
			sv: `"$schema" måste vara en text inom citattecken som anger vilken sorts fil det är, inte ett tal`,
		},
		{
			name:    "date with a time",
			edit:    replace(`"signed": "2019-02-08"`, `"signed": "2019-02-08T10:00:00Z"`),
			pointer: "/citizenPromises/0/signed", code: schema.CodeStructure,
			en: `"2019-02-08T10:00:00Z"`, sv: `"2019-02-08T10:00:00Z"`,
		},
		{
			name:    "misspelt property",
			edit:    replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "signd": "2019-02-08",`),
			pointer: "/citizenPromises/0/signd", code: schema.CodeStructure,
			en: `"signd" is not a known property here: did you mean "signed"?`,
			sv: `"signd" är ingen känd egenskap här: menar du "signed"?`,
		},
		{
			name:    "property in the wrong case",
			edit:    replace(`"partyIds":`, `"PartyIDs":`),
			pointer: "/citizenPromises/0/PartyIDs", code: schema.CodeStructure,
			en: `did you mean "partyIds"?`, sv: `menar du "partyIds"?`,
		},
		{
			name:    "two letters swapped",
			edit:    replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "pomrises": [],`),
			pointer: "/citizenPromises/0/pomrises", code: schema.CodeStructure,
			en: `did you mean "promises"?`, sv: `menar du "promises"?`,
		},
		{
			name:    "unknown property like no other",
			edit:    replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "diarienummer": "KS/2019:1",`),
			pointer: "/citizenPromises/0/diarienummer", code: schema.CodeStructure,
			en: `"diarienummer" is not a known property here: check the spelling, or move your own data into "extensions"`,
			sv: `flytta egna uppgifter till "extensions"`,
		},
		{
			name:    "missing value needed with another",
			edit:    replace(`"kind": "count",`, `"kind": "indicator", "direction": "increase",`),
			pointer: "/citizenPromises/0/activities/0/targets/0", code: schema.CodeStructure,
			en: `"baseline" is missing: it is needed with "value"; add it`,
			sv: `"baseline" saknas: den behövs när "value" finns; lägg till den`,
		},
		{
			name:    "link with a space",
			edit:    replace(`"https://www.strangnas.se/samverkan"`, `"https://www.strangnas.se/sam verkan"`),
			pointer: "/sources/0/url", code: schema.CodeStructure,
			en: `is not a web address`, sv: `(ett mellanslag som %20)`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := schema.Decode([]byte(tc.edit(minimal(t))), schema.Options{})
			at := problemsAt(problems, tc.pointer)
			require.Len(t, at, 1, "one problem at %s in:\n%s", tc.pointer, dump(problems))
			assert.Equal(t, tc.code, at[0].Code)
			assert.Contains(t, at[0].Message["en"], tc.en)
			assert.Contains(t, at[0].Message["sv"], tc.sv)
		})
	}
}

// A schemaVersion written as the number 1.0 is reported once, and the file
// is checked as the version 1.0 it evidently is.
func TestSchemaVersionNumberChecksTheRest(t *testing.T) {
	in := replace(`"schemaVersion": "1.0"`, `"schemaVersion": 1.0`)(minimal(t))
	in = replace(`"kind": "site"`, `"kind": "square"`)(in)
	in = replace(`"end": "2019-12-31"`, `"end": "2018-12-31"`)(in)
	_, problems := schema.Decode([]byte(in), schema.Options{})
	var got []string
	for _, p := range problems {
		got = append(got, string(p.Code)+" "+p.Pointer)
	}
	assert.Equal(t, []string{
		"schema-version /schemaVersion",
		"structure /places/0/kind",
		"date-order /citizenPromises/0/period/end",
	}, got, dump(problems))
}

// Every problem in one run: the model's checks run even when the schema
// found values the model cannot hold (an id that is no UUID, a date that
// is no date, a list where a text belongs), and the same fact is not
// reported twice.
func TestDecodeEveryProblemInOneRun(t *testing.T) {
	in := minimal(t)
	for _, m := range []func(string) string{
		replace(`"id": "0193a1c2-7d4e-7f00-8a3b-000000000005"`, `"id": "källa-1"`),
		replace(`"signed": "2019-02-08"`, `"signed": "8 februari 2019"`),
		replace(`"title": {"sv": "Medborgarlöfte 2019"}`, `"title": ["Medborgarlöfte 2019"]`),
		replace(`"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-000000000011"]`, `"promiseIds": ["0193a1c2-7d4e-7f00-8a3b-0000000000ff", null]`),
		replace(`"end": "2019-12-31"`, `"end": "2018-12-31"`),
	} {
		in = m(in)
	}
	_, problems := schema.Decode([]byte(in), schema.Options{})
	var got []string
	for _, p := range problems {
		got = append(got, string(p.Code)+" "+p.Pointer)
	}
	assert.Equal(t, []string{
		"structure /sources/0/id",
		"structure /citizenPromises/0/title",
		"date-order /citizenPromises/0/period/end",
		"structure /citizenPromises/0/signed",
		"dangling-ref /citizenPromises/0/activities/0/promiseIds/0",
		"structure /citizenPromises/0/activities/0/promiseIds/1",
		// The source whose id is no UUID has no id in the model: a
		// reference to it resolves to nothing, which is true.
		"dangling-ref /citizenPromises/0/activities/0/sourceIds/0",
	}, got, dump(problems))
}

func TestKindOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want schema.Kind
	}{
		{minimal(t), schema.PromiseDocument},
		{`{"$schema": "https://medborgarlofte.se/schema/1/bundle.schema.json", "x": [}`, schema.Bundle},
		{"\xEF\xBB\xBF" + `{"$schema": "https://medborgarlofte.se/schema/1/followup-report.schema.json"}`, schema.Report},
		{`{"document": {"$schema": "https://medborgarlofte.se/schema/1/bundle.schema.json"}}`, schema.Unknown},
		{`{"$schema": 5}`, schema.Unknown},
		{`{"$schema": "https://medborgarlofte.se/schema/2/bundle.schema.json"}`, schema.Unknown},
		{`[]`, schema.Unknown},
		{``, schema.Unknown},
	} {
		assert.Equal(t, tc.want, schema.KindOf([]byte(tc.in)), tc.in)
	}
}

// Keys and values with characters the JSON Schema library escapes in its
// locations (%, spaces, non-ASCII) are placed and named as written.
func TestDecodeNamesAsWritten(t *testing.T) {
	in := replace(`{"sv": "Läggesta station"}`, `{"sv": "Läggesta station", "s v%41å": "x"}`)(minimal(t))
	_, problems := schema.Decode([]byte(in), schema.Options{})
	require.Len(t, problems, 1, dump(problems))
	assert.Equal(t, "/places/0/name/s v%41å", problems[0].Pointer)
	assert.Contains(t, problems[0].Message["en"], `"s v%41å" is not a language code`)
	off := strings.Index(in, `"s v%41å"`)
	assert.Equal(t, off, problems[0].Offset)
}

// A name or value of megabytes makes no message or pointer of megabytes:
// the output stays bounded whatever the file holds.
func TestDecodeLongNames(t *testing.T) {
	long := strings.Repeat("å", 1<<20)
	in := replace(`"signed": "2019-02-08",`, `"signed": "2019-02-08", "`+long+`": {"sv": "x"},`)(minimal(t))
	in = replace(`"kind": "site"`, `"kind": "`+long+`"`)(in)
	in = replace(`"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json",`,
		`"$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json", "schemaVersion": "1.0`+long+`",`)(in)
	in = replace(`"schemaVersion": "1.0",`, ``)(in)
	_, problems := schema.Decode([]byte(in), schema.Options{})
	require.NotEmpty(t, problems)
	for _, p := range problems {
		assert.Less(t, len(p.Pointer), 1024, p.Code)
		assert.Less(t, len(p.Message["en"])+len(p.Message["sv"]), 2048, p.Code)
	}
	in = replace(`"schemaVersion": "1.0`+long+`",`, `"schemaVersion": "1.0",`)(in)
	_, problems = schema.Decode([]byte(in), schema.Options{})
	require.Len(t, problems, 2, dump(problems))
	for _, p := range problems {
		assert.Less(t, len(p.Pointer), 1024, p.Code)
		assert.Less(t, len(p.Message["en"])+len(p.Message["sv"]), 2048, p.Code)
	}
}
