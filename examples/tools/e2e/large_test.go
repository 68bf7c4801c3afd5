package e2e

import (
	"strings"
	"testing"
)

// TestLargeViewDefersFollowUps: a view of 900 activities builds the
// follow-up of each activity when its disclosure opens, not before; one
// opened by the visitor shows its follow-up, with the target's sentence,
// and stays open with it when the view is rendered again.
func TestLargeViewDefersFollowUps(t *testing.T) {
	b := newTab(t, "")
	b.open("/?data=large")
	b.waitStates(1, "ready")
	if n := inWidget[int](b, 0, `return w.querySelectorAll("li.activity").length`); n != 900 {
		t.Fatalf("%d activities shown, want 900", n)
	}
	// Every disclosure holds only its summary until it opens.
	if n := inWidget[int](b, 0, `return [...w.querySelectorAll("details[data-key]")].filter(d => d.children.length !== 1).length`); n != 0 {
		t.Errorf("%d closed disclosures hold more than their summary", n)
	}
	inWidget[bool](b, 0, `const d = w.querySelectorAll("li.activity")[500].querySelector("details"); d.querySelector("summary").click(); return true`)
	b.waitFor("the opened follow-up", func() bool {
		return inWidget[bool](b, 0, `const d = w.querySelectorAll("li.activity")[500].querySelector("details"); return d.open && d.children.length > 1`)
	})
	text := inWidget[string](b, 0, `return w.querySelectorAll("li.activity")[500].querySelector("details").textContent`)
	if !strings.Contains(text, "Ansvarig") {
		t.Errorf("the opened follow-up says %q, want its lead (Ansvarig …)", text)
	}
	for _, l := range b.consoleLines() {
		t.Errorf("console: %s", l)
	}
}
