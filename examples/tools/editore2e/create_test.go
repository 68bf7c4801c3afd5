package editore2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstRef returns the id of the first entry of a reference list in the
// form (a check box per party, promise …).
func (b *tab) refs(ptr string) []string {
	b.t.Helper()
	var ids []string
	for _, bind := range eval[[]string](b, fmt.Sprintf(`__ed.binds(%s)`, js("refs:"+ptr+"|"))) {
		ids = append(ids, strings.TrimPrefix(bind, "refs:"+ptr+"|"))
	}
	return ids
}

// createStrangnas fills the guided form: the municipality typed with real
// key events, the rest set as a person would set it.
func (b *tab) createStrangnas() {
	b.t.Helper()
	b.act("screen", "new")
	if err := chromedp.Do(b.timeout(30*time.Second), chromedp.SendKeys(shadow("#new-kommun"), "Strängnäs")); err != nil {
		b.t.Fatal(err)
	}
	b.set("new:polis", "Lokalpolisområde Eskilstuna/Strängnäs")
	b.set("new:start", "2019-01-01")
	b.set("new:end", "2019-12-31")
	b.set("new:sign1", "Ulrika Lindblom")
	b.set("new:role1", "Kommundirektör")
	b.set("new:sign2", "Jan Lindqvist")
	b.set("new:role2", "Lokalpolisområdeschef")
	eval[bool](b, `(__ed.q('[data-key="create"]').click(), true)`)
	b.waitFor(`__ed.host().shadowRoot.querySelector(".editor").getAttribute("data-screen") === "edit"`, 30*time.Second)
}

// A new citizen promise made from nothing through the forms only: three
// promises, five activities with targets of five kinds, valid, and the
// downloaded files valid by schema/cmd/validate.
func TestNewCitizenPromise(t *testing.T) {
	b := newTab(t, "")
	b.open()
	b.createStrangnas()
	cp := "/document/citizenPromises/0"
	require.Equal(t, cp, b.ptr())
	assert.Equal(t, "false", b.attr("data-valid"), "no promises yet")

	var promises []string
	for i := range 3 {
		b.act("add", cp+"/promises")
		p := fmt.Sprintf("%s/promises/%d", cp, i)
		require.Equal(t, p, b.ptr())
		promises = append(promises, b.id())
		b.set("text:"+p+"/text|sv", fmt.Sprintf("Polisen och kommunen lovar %d.", i+1))
		parties := b.refs(p + "/givenBy")
		require.Len(t, parties, 2)
		b.check("refs:"+p+"/givenBy|"+parties[i%2], true)
	}
	kinds := []struct {
		kind   string
		fields map[string]string
	}{
		{"count", map[string]string{"num:value": "4", "enum:comparison": "atLeast", "text:unit|sv": "trygghetsvandringar"}},
		{"milestone", map[string]string{"date:due": "2019-06-30"}},
		{"recurring", map[string]string{"num:value": "1", "enum:every": "month"}},
		{"continuous", nil},
		{"indicator", map[string]string{"num:value": "90", "enum:direction": "increase", "text:unit|sv": "procent"}},
	}
	for i, k := range kinds {
		b.act("select", cp)
		b.act("add", cp+"/activities")
		a := fmt.Sprintf("%s/activities/%d", cp, i)
		require.Equal(t, a, b.ptr())
		b.set("text:"+a+"/text|sv", fmt.Sprintf("Aktivitet %d: %s.", i+1, k.kind))
		b.check("refs:"+a+"/promiseIds|"+promises[i%3], true)
		b.check("refs:"+a+"/leadIds|"+b.refs(a + "/leadIds")[0], true)
		b.act("add", a+"/targets")
		tg := a + "/targets/0"
		require.Equal(t, tg, b.ptr())
		b.set("enum:"+tg+"/kind", k.kind)
		for f, v := range k.fields {
			kind, prop, _ := strings.Cut(f, ":")
			bind := kind + ":" + tg + "/" + prop
			if kind == "text" {
				name, lang, _ := strings.Cut(prop, "|")
				bind = "text:" + tg + "/" + name + "|" + lang
			}
			b.set(bind, v)
		}
		if k.kind == "indicator" {
			b.act("add-object", tg+"/baseline")
			b.set("num:"+tg+"/baseline/value", "85")
			b.set("date:"+tg+"/baseline/date", "2018")
		}
	}
	b.waitFor(`__ed.host().getAttribute("data-valid") === "true"`, 10*time.Second)
	assert.Equal(t, "0", b.attr("data-problems"))

	b.act("screen", "edit")
	bundle := b.download("download", "bundle", "medborgarlofte-2019-0486.json")
	doc := b.download("download", "document", "medborgarlofte-dokument.json")
	for name, data := range map[string][]byte{"bundle.json": bundle, "document.json": doc} {
		out, code := command(t, validate, save(t, name, data))
		assert.Equal(t, 0, code, "%s: %s", name, out)
	}
	var got struct {
		Document struct {
			CitizenPromises []struct {
				Promises   []json.RawMessage
				Activities []struct {
					Targets []struct{ Kind string }
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(bundle, &got))
	require.Len(t, got.Document.CitizenPromises, 1)
	assert.Len(t, got.Document.CitizenPromises[0].Promises, 3)
	var seen []string
	for _, a := range got.Document.CitizenPromises[0].Activities {
		require.Len(t, a.Targets, 1)
		seen = append(seen, a.Targets[0].Kind)
	}
	assert.Equal(t, []string{"count", "milestone", "recurring", "continuous", "indicator"}, seen)
	assert.Empty(t, b.consoleErrors())
}
