package app

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func start(t *testing.T) *Editor {
	t.Helper()
	e := New()
	e.Dispatch(Event{Type: "init", Lang: "sv", Today: "2019-09-10"})
	return e
}

func act(e *Editor, action, arg string) Response {
	return e.Dispatch(Event{Type: "action", Action: action, Arg: arg})
}

func in(e *Editor, bind, value string) Response {
	return e.Dispatch(Event{Type: "input", Bind: bind, Value: value})
}

// field returns the element bound to bind in the view.
func field(t *testing.T, res Response, bind string) *Node {
	t.Helper()
	n := res.Tree.Find("data-bind", bind)
	require.NotNil(t, n, "no field %s", bind)
	return n
}

func TestCreateAndEdit(t *testing.T) {
	e := start(t)
	act(e, "screen", screenNew)
	in(e, "new:kommun", "Strängnäs (0486)")
	in(e, "new:polis", "Lokalpolisområde Eskilstuna/Strängnäs")
	in(e, "new:start", "2019-01-01")
	in(e, "new:end", "2019-12-31")
	in(e, "new:sign1", "Ulrika Lindblom")
	in(e, "new:role1", "Kommundirektör")
	res := act(e, "create", "")
	require.Equal(t, screenEdit, e.screen)
	assert.Equal(t, "/document/citizenPromises/0", e.sel)
	// A citizen promise without promises: the validator says so, beside
	// the list of promises.
	assert.False(t, res.Valid)
	promises := res.Tree.Find("data-key", "l:/document/citizenPromises/0/promises")
	require.NotNil(t, promises)
	assert.Equal(t, "true", promises.Attrs["data-invalid"])
	assert.Contains(t, res.Tree.Find("id", promises.Attrs["aria-describedby"]).TextContent(), "listan är tom")

	res = act(e, "add", "/document/citizenPromises/0/promises")
	assert.Equal(t, "/document/citizenPromises/0/promises/0", e.sel)
	in(e, "text:/document/citizenPromises/0/promises/0/text|sv", "Vi lovar att synas mer.")
	v, _ := get(e.data, "/document/citizenPromises/0/partyIds/1")
	res = in(e, "refs:/document/citizenPromises/0/promises/0/givenBy|"+str(v), "true")
	require.True(t, res.Valid, "%v", e.problems)
	assert.Equal(t, 0, res.Problems)

	// An invalid date is shown beside its field, with the validator's
	// message.
	res = in(e, "date:/document/citizenPromises/0/signed", "2019-02-30")
	act(e, "select", "/document/citizenPromises/0")
	res = act(e, "select", "/document/citizenPromises/0")
	f := field(t, res, "date:/document/citizenPromises/0/signed")
	assert.Equal(t, "true", f.Attrs["aria-invalid"])
	var note string
	for _, id := range strings.Fields(f.Attrs["aria-describedby"]) {
		note += res.Tree.Find("id", id).TextContent()
	}
	assert.Contains(t, note, `"2019-02-30" är inget riktigt datum`)

	// Undo takes the date back; redo puts it again.
	res = act(e, "undo", "")
	assert.True(t, res.Valid)
	res = act(e, "redo", "")
	assert.False(t, res.Valid)
	act(e, "undo", "")

	// A draft brings it all back.
	var draft string
	for _, eff := range in(e, "str:/document/citizenPromises/0/signedAt", "Strängnäs").Effects {
		if eff.Kind == "draft" {
			draft = eff.Text
		}
	}
	require.NotEmpty(t, draft)
	e2 := New()
	res = e2.Dispatch(Event{Type: "init", Today: "2019-09-10", Draft: draft})
	assert.Equal(t, screenEdit, e2.screen)
	assert.True(t, res.Valid)
	assert.Equal(t, "Ditt utkast är återställt.", res.Notice)
	got, _ := get(e2.data, "/document/citizenPromises/0/signedAt")
	assert.Equal(t, "Strängnäs", got)

	// Downloads are valid files.
	for _, what := range []string{"bundle", "document"} {
		res = act(e2, "download", what)
		require.Len(t, res.Effects, 1)
		f, problems := schema.Decode([]byte(res.Effects[0].Text), schema.Options{})
		require.NotNil(t, f, "%s: %v", what, problems)
	}
}

func TestValidatorScreen(t *testing.T) {
	e := start(t)
	res := e.Dispatch(Event{Type: "file", Target: "validate", Name: "trasig.json", Text: `{"$schema": "x"}`})
	v := res.Tree.Find("data-key", "validation")
	require.NotNil(t, v)
	assert.Equal(t, "false", v.Attrs["data-valid"])
	assert.Contains(t, v.TextContent(), "trasig.json:1:2: /$schema:")
	assert.Nil(t, res.Tree.Find("data-key", "open-validated"))
}

func openExample(t *testing.T) (*Editor, *followup.Bundle) {
	t.Helper()
	data, err := os.ReadFile("../../../examples/data/bundles/strangnas-2019.json")
	require.NoError(t, err)
	e := start(t)
	res := e.Dispatch(Event{Type: "file", Target: "validate", Name: "strangnas-2019.json", Text: string(data)})
	require.NotNil(t, res.Tree.Find("data-key", "open-validated"))
	res = act(e, "open-validated", "")
	require.True(t, res.Valid, "%v", e.problems)
	f, _ := schema.Decode(data, schema.Options{})
	return e, f.Bundle
}

// The preview's statuses are followup.Evaluate's.
func TestPreview(t *testing.T) {
	e, b := openExample(t)
	in(e, "at:", "2020-01-31")
	res := act(e, "screen", screenPreview)
	ev := followup.Evaluate(b, promise.MustParseDate("2020-01-31"))
	st := ev.CitizenPromises[0]
	require.NotEmpty(t, st.Activities)
	for _, as := range st.Activities {
		n := res.Tree.Find("data-id", as.ID.String())
		require.NotNil(t, n, "activity %s", as.ID)
		assert.Equal(t, as.Status.String(), n.Attrs["data-status"])
	}
}

// Every entity of the example has a form that renders, and every list can
// take a new item.
func TestEveryForm(t *testing.T) {
	e, _ := openExample(t)
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		switch c := v.(type) {
		case map[string]any:
			if c["id"] != nil || ptr == "/document" {
				res := act(e, "select", ptr)
				require.NotNil(t, res.Tree.Find("data-ptr", ptr), ptr)
			}
			for k, x := range c {
				walk(join(ptr, k), x)
			}
		case []any:
			for i, x := range c {
				walk(ptr+"/"+itoa(i), x)
			}
		}
	}
	walk("", e.data)
	for _, l := range []string{"parties", "people", "places", "themes", "sources", "agreements", "actionPlans", "citizenPromises"} {
		res := act(e, "add", "/document/"+l)
		require.NotNil(t, res.Tree.Find("data-ptr", e.sel), l)
		act(e, "undo", "")
	}
}

func TestFollowUpRows(t *testing.T) {
	e, _ := openExample(t)
	// Drop the reports: report the first tertial anew.
	in(e, "x", "")
	e.data, _ = set(e.data, "/reports", []any{})
	e.changed()
	act(e, "screen", screenFollowUp)
	in(e, "fu:period", "2019-01-01/2019-04-30")
	res := act(e, "fu-load", "")
	require.NotNil(t, e.fu.records)
	// The cell of the first activity's results.
	r, c := e.fu.header+1, 2
	cell := field(t, res, "fu:cell:"+itoa(r)+"."+itoa(c))
	assert.Equal(t, "textarea", cell.Tag)
	res = in(e, "fu:cell:"+itoa(r)+"."+itoa(c), "tjugo")
	cell = field(t, res, "fu:cell:"+itoa(r)+"."+itoa(c))
	assert.Equal(t, "true", cell.Attrs["aria-invalid"])
	assert.Contains(t, res.Tree.Find("id", cell.Attrs["aria-describedby"]).TextContent(), "\"tjugo\" är varken ett tal eller ett utfall")
	in(e, "fu:cell:"+itoa(r)+"."+itoa(c), "3 | 2019-04-30")
	res = act(e, "fu-save", "")
	assert.Equal(t, "Rapporten är sparad i samlingen.", res.Notice)
	require.True(t, res.Valid, "%v", e.problems)
	require.Len(t, e.bundle.Reports, 1)
	assert.Equal(t, 3.0, *e.bundle.Reports[0].Updates[0].Results[0].Value)
}

// TestWordsComplete: every word the editor names is in the catalog, in
// every language.
func TestWordsComplete(t *testing.T) {
	src, err := os.ReadFile("words.go")
	require.NoError(t, err)
	keys := regexp.MustCompile(`(?m)^\s+w\w+\s+wordKey = "([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	require.Greater(t, len(keys), 50)
	for _, k := range keys {
		for _, lang := range words.Languages() {
			s, ok := words.Lookup(words.Key("editor."+k[1]), lang)
			assert.True(t, ok && s != "", "editor.%s in %s", k[1], lang)
		}
	}
}

func TestKommunerAreSCBs(t *testing.T) {
	want, err := os.ReadFile("../../../examples/synthetic/kommuner.tsv")
	require.NoError(t, err)
	assert.Equal(t, string(want), kommunerTSV, "wasm/editor/app/kommuner.tsv is a copy of examples/synthetic/kommuner.tsv")
	k, ok := findKommun("0486")
	assert.True(t, ok)
	assert.Equal(t, "Strängnäs kommun", k.org)
	_, ok = findKommun("Atlantis")
	assert.False(t, ok)
}

// What a target shows follows its kind, as the schema's conditions say.
func TestFormFollowsTheKind(t *testing.T) {
	e, _ := openExample(t)
	tg := "/document/citizenPromises/0/activities/0/targets/0"
	res := act(e, "select", tg)
	assert.NotNil(t, res.Tree.Find("data-bind", "num:"+tg+"/value"))
	assert.NotNil(t, res.Tree.Find("data-bind", "enum:"+tg+"/comparison"))
	assert.Nil(t, res.Tree.Find("data-bind", "enum:"+tg+"/every"), "a count has no interval")
	res = in(e, "enum:"+tg+"/kind", "recurring")
	assert.NotNil(t, res.Tree.Find("data-bind", "enum:"+tg+"/every"), "a recurring target has one")
	// comparison holds a value a recurring target does not allow: it
	// stays, with the validator's word beside it.
	f := field(t, res, "enum:"+tg+"/comparison")
	assert.Equal(t, "true", f.Attrs["aria-invalid"])
	res = in(e, "enum:"+tg+"/kind", "continuous")
	assert.Nil(t, res.Tree.Find("data-bind", "enum:"+tg+"/every"))
}
