package editore2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// axeSource returns axe-core's script, installed by make node.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_CORE")
	if path == "" {
		path = root + "/examples/tools/node/node_modules/axe-core/axe.min.js"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core: %v (install it with make node)", err)
	}
	return string(b)
}

// axe runs axe-core on the editor for WCAG 2.0 and 2.1, A and AA, and
// reports each violation as a test error.
func (b *tab) axe(t *testing.T, src, screen string) {
	t.Helper()
	if !eval[bool](b, "typeof axe === 'object'") {
		eval[bool](b, src+";true")
	}
	type violation struct {
		ID, Impact, Help string
		Targets          []string
	}
	res := eval[struct {
		Violations []violation
		Checked    int
	}](b, `axe.run(__ed.host(), {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		.then((r) => ({Checked: r.passes.reduce((n, p) => n + p.nodes.length, 0),
			Violations: r.violations.map((v) => ({ID: v.id, Impact: v.impact, Help: v.help, Targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target))}))}))`)
	// axe looked into the shadow root: the checks it passed are about the
	// editor's own elements.
	if res.Checked < 20 {
		t.Errorf("%s: axe checked only %d elements", screen, res.Checked)
	}
	for _, v := range res.Violations {
		t.Errorf("%s: %s (%s): %s %v", screen, v.ID, v.Impact, v.Help, v.Targets)
	}
}

// axe-core finds no violation of WCAG 2.1 A/AA on any screen of the editor,
// in Swedish or English, with problems shown beside fields.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	b := newTab(t, "")
	b.open()
	b.axe(t, src, "validate")
	b.upload("validate-file", root+"/examples/data/strangnas-2019.json")
	b.waitFor(`__ed.has('[data-key="open-validated"]')`, 30*time.Second)
	b.axe(t, src, "validate, a valid file")
	b.act("screen", "new")
	eval[bool](b, `(__ed.q('[data-key="create"]').click(), true)`) // an error: no municipality
	b.waitFor(`__ed.has("#new-kommun-error")`, 10*time.Second)
	b.axe(t, src, "new, with an error")
	b.act("screen", "validate")
	b.act("open-validated", "")
	cp := "/document/citizenPromises/0"
	b.act("select", cp)
	b.set("date:"+cp+"/signed", "2019-02-30")
	b.axe(t, src, "edit, citizen promise with an error")
	b.act("select", cp+"/activities/0")
	b.axe(t, src, "edit, activity")
	b.act("select", cp+"/activities/0/targets/0")
	b.axe(t, src, "edit, target")
	b.act("select", cp)
	b.set("date:"+cp+"/signed", "2019-02-08")
	b.act("screen", "followup")
	b.act("fu-load", "")
	b.set(eval[string](b, `__ed.cell("Strängnäs kommun och polisen ska informera i publika sammanhang, på sina webbplatser och via sociala medier om grannsamverkan", 1, "Resultat")`), "tjugo")
	b.axe(t, src, "follow-up rows, with an error")
	b.act("screen", "preview")
	b.set("at:", "2019-09-20")
	b.act("preview-at", "")
	b.axe(t, src, "preview")
	b.act("lang", "en")
	b.axe(t, src, "preview in English")
	b.act("screen", "edit")
	b.axe(t, src, "edit in English")
}

// Every control is reachable and usable by keyboard: Tab reaches each
// button and field of the first screen in order; Enter on a button acts;
// a new citizen promise can be made with the keyboard alone, and focus
// lands on what was made.
func TestKeyboard(t *testing.T) {
	b := newTab(t, "")
	b.open()
	var seen []string
	for range 20 {
		if err := chromedp.Do(b.timeout(10*time.Second), chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		f := eval[string](b, "__ed.focused()")
		if f != "" {
			seen = append(seen, f)
		}
	}
	all := strings.Join(seen, "\n")
	for _, want := range []string{"button|screen|validate", "button|screen|new", "button|screen|edit", "button|screen|followup", "button|screen|preview",
		"button|undo", "button|redo", "button|lang|en", "input||validate-file", "input||new:url", "button|fetch", "button|screen|new|Börja"} {
		assert.Contains(t, all, want, "Tab never reached %s:\n%s", want, all)
	}
	// The order follows the page: screens, tools, then the screen.
	require.NotEmpty(t, seen)
	assert.True(t, strings.HasPrefix(seen[0], "button|screen|validate"), "first: %s", seen[0])

	// Enter on a focused button acts: go to the new citizen promise.
	eval[bool](b, `(__ed.q('[data-key="start-new"]').focus(), true)`)
	if err := chromedp.Do(b.timeout(10*time.Second), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(`__ed.q(".editor").getAttribute("data-screen") === "new"`, 10*time.Second)
	// Fill the form with the keyboard alone: Tab to each field and type.
	eval[bool](b, `(__ed.q("#new-kommun").focus(), true)`)
	type step struct{ keys, focused string }
	for _, s := range []step{
		{"0486", "new:kommun"}, {"\t", ""}, {"Lokalpolisområde Eskilstuna/Strängnäs", "new:polis"}, {"\t", ""},
		{"2019-01-01", "new:start"}, {"\t", ""}, {"2019-12-31", "new:end"},
	} {
		if err := chromedp.Do(b.timeout(10*time.Second), chromedp.KeyEvent(s.keys)); err != nil {
			t.Fatal(err)
		}
		if s.focused != "" {
			assert.Contains(t, eval[string](b, "__ed.focused()"), s.focused)
		}
	}
	// Enter in a field submits the form; focus moves to the new citizen
	// promise's heading.
	if err := chromedp.Do(b.timeout(10*time.Second), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(`__ed.q(".editor").getAttribute("data-screen") === "edit"`, 10*time.Second)
	b.waitFor(`__ed.root().activeElement && __ed.root().activeElement.getAttribute("data-key") === "entity-heading"`, 10*time.Second)
	assert.Contains(t, eval[string](b, "__ed.root().activeElement.textContent"), "Medborgarlöfte 2019 för Strängnäs kommun")
	// Ctrl+Z outside a field undoes: the document goes away.
	if err := chromedp.Do(b.timeout(10*time.Second), chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	b.waitFor(`__ed.q(".editor").getAttribute("data-file") === "none"`, 10*time.Second)
	assert.Empty(t, b.consoleErrors())
	_ = fmt.Sprint
}
