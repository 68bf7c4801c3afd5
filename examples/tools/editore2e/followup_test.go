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

// openDocument validates a file of the repository in the editor's first
// screen and opens it.
func (b *tab) openFile(path string) {
	b.t.Helper()
	b.upload("validate-file", root+"/"+path)
	b.waitFor(`__ed.has('[data-key="open-validated"]')`, 30*time.Second)
	b.act("open-validated", "")
	b.waitFor(`__ed.host().shadowRoot.querySelector(".editor").getAttribute("data-screen") === "edit"`, 30*time.Second)
}

// A follow-up reported for one tertial changes the preview's statuses as
// followup/cmd/report says for the same files: the downloaded bundle, and
// the document with the downloaded report.
func TestFollowUpChangesPreview(t *testing.T) {
	b := newTab(t, "")
	b.open()
	b.openFile("examples/data/strangnas-2019.json")
	const at = "2019-05-20"
	before := b.previewStatuses(at)
	require.NotEmpty(t, before)

	b.act("screen", "followup")
	b.set("fu:period", "2019-01-01/2019-04-30")
	b.act("fu-load", "")
	b.waitFor(`__ed.has("table.rows")`, 30*time.Second)
	b.set(eval[string](b, `__ed.meta("Rapportdatum")`), "2019-05-15")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun och polisen ska informera i publika sammanhang, på sina webbplatser och via sociala medier om grannsamverkan", 1, "Resultat")`), "3 | 2019-04-30")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun kommer i samverkan med polisen att genomföra minst fyra", 1, "Tillfällen")`), "2019-04-24 | | Läggesta station")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun kommer att tillhandahålla", 1, "Bedömning")`), "Enligt plan")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun kommer att tillhandahålla", 1, "Motivering")`), "Lokaler vid två utbildningstillfällen.")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun och polisen ska träffas kontinuerligt", 1, "Bedömning")`), "Enligt plan")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun och polisen ska träffas kontinuerligt", 1, "Motivering")`), "Rådet har träffats en gång.")
	b.waitFor(`__ed.q("section.followup").getAttribute("data-report") === "valid"`, 10*time.Second)
	b.act("fu-save", "")
	b.waitFor(`__ed.host().getAttribute("data-valid") === "true"`, 10*time.Second)

	after := b.previewStatuses(at)
	changed := 0
	for id, s := range after {
		if before[id] != s {
			changed++
		}
	}
	assert.Positive(t, changed, "the report changed no status: %v", after)

	b.act("screen", "edit")
	bundle := save(t, "samling.json", b.download("download", "bundle", "strangnas-2019.json"))
	b.act("select", "/reports/0")
	rep := save(t, "rapport.json", b.download("download", "report:0", downloadName(t, b)))
	for _, f := range []string{bundle, rep} {
		out, code := command(t, validate, f)
		assert.Equal(t, 0, code, out)
	}
	assert.Equal(t, reportStatuses(t, at, bundle), after, "the preview says what the report command says of the bundle")
	assert.Equal(t, reportStatuses(t, at, root+"/examples/data/strangnas-2019.json", rep), after, "and of the document with the report")
	assert.Empty(t, b.consoleErrors())
}

// downloadName is the name the editor gives the report's file.
func downloadName(t *testing.T, b *tab) string {
	t.Helper()
	id := eval[string](b, `__ed.id()`)
	return "uppfoljning-" + id[:8] + ".json"
}

// A wrong value typed into a field is shown beside it, with the code and
// message schema/cmd/validate gives for the same file.
func TestFieldErrorBesideItsField(t *testing.T) {
	b := newTab(t, "")
	b.open()
	b.openFile("examples/data/strangnas-2019.json")
	cp := "/document/citizenPromises/0"
	b.act("select", cp)
	field := `[data-bind="date:` + cp + `/signed"]`
	// Typed with the keyboard: select what is there, type over it, leave
	// with Tab.
	if err := chromedp.Do(b.timeout(30*time.Second),
		chromedp.Focus(shadow(field)),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.SendKeys(shadow(field), "2019-02-30"),
		chromedp.KeyEvent("\t"),
	); err != nil {
		t.Fatal(err)
	}
	b.waitFor(`__ed.q(`+js(field)+`).getAttribute("aria-invalid") === "true"`, 10*time.Second)
	shown := eval[string](b, `(() => { const f = __ed.q(`+js(field)+`);
		return f.getAttribute("aria-describedby").split(" ").map((id) => __ed.root().getElementById(id).textContent).join(" "); })()`)
	assert.Contains(t, shown, `"2019-02-30" är inget riktigt datum`)
	// Beside the field: in the same field container.
	assert.True(t, eval[bool](b, `(() => { const f = __ed.q(`+js(field)+`); return f.parentElement.querySelector(".problem") !== null; })()`))
	assert.Equal(t, "false", b.attr("data-valid"))

	// The file downloaded anyway is refused by the validator, with the same
	// code and message at the same pointer.
	b.act("screen", "edit")
	data := b.download("download", "bundle", "strangnas-2019.json")
	assert.Contains(t, eval[string](b, `__ed.q(".notice").textContent`), "Obs: filen har 1 problem")
	out, code := command(t, validate, "-json", save(t, "fel.json", data))
	require.Equal(t, 1, code, out)
	var res struct {
		Files []struct {
			Problems []struct {
				Pointer, Code string
				Message       map[string]string
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res))
	require.Len(t, res.Files[0].Problems, 1)
	p := res.Files[0].Problems[0]
	assert.Equal(t, cp+"/signed", p.Pointer)
	assert.Contains(t, shown, p.Message["sv"])
	b.act("select", cp)
	assert.Equal(t, p.Code, eval[string](b, `__ed.q(".problem [data-code]").getAttribute("data-code")`))
}

// The draft in IndexedDB survives a reload.
func TestDraftSurvivesReload(t *testing.T) {
	b := newTab(t, t.TempDir())
	b.open()
	b.createStrangnas()
	cp := "/document/citizenPromises/0"
	b.set("str:"+cp+"/signedAt", "Strängnäs")
	b.set("text:"+cp+"/summary|sv", "Ett utkast som ska finnas kvar.")
	time.Sleep(time.Second) // the draft is written in the background
	b.open()
	assert.Equal(t, "Ditt utkast är återställt.", eval[string](b, `__ed.q(".notice").textContent`))
	b.act("select", cp)
	assert.Equal(t, "Ett utkast som ska finnas kvar.", eval[string](b, `__ed.q(`+js(`[data-bind="text:`+cp+`/summary|sv"]`)+`).value`))
	assert.Equal(t, "Strängnäs", eval[string](b, `__ed.q(`+js(`[data-bind="str:`+cp+`/signedAt"]`)+`).value`))
	// Undo still works after the reload? The draft holds the file, not the
	// history: undo has nothing to undo, and says so.
	b.act("undo", "")
	assert.Equal(t, "Inget att ångra.", eval[string](b, `__ed.q(".notice").textContent`))
	// Discarding the draft empties the editor, also after a reload.
	b.act("screen", "edit")
	assert.True(t, strings.Contains(eval[string](b, `__ed.q("main").textContent`), "Medborgarlöfte 2019"))
	assert.Empty(t, b.consoleErrors())
	_ = fmt.Sprint
}
