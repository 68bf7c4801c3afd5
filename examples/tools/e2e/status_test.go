package e2e

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// reportStatuses returns the status token of every citizen promise,
// promise and activity of an example bundle at a date, by id, as
// `go run ./followup/cmd/report -at DATE -format json FILE` prints them.
func reportStatuses(t *testing.T, name string, at promise.Date) map[string]string {
	t.Helper()
	cmd := exec.Command("go", "run", "./followup/cmd/report", "-at", at.String(), "-format", "json",
		filepath.Join("examples", "data", "bundles", name))
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("report %s -at %s: %v", name, at, err)
	}
	type status struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	var ev struct {
		At              string `json:"at"`
		CitizenPromises []struct {
			status
			Promises   []status `json:"promises"`
			Activities []status `json:"activities"`
		} `json:"citizenPromises"`
	}
	if err := json.Unmarshal(out, &ev); err != nil {
		t.Fatalf("report %s: %v", name, err)
	}
	if ev.At != at.String() {
		t.Fatalf("report at %s, want %s", ev.At, at)
	}
	m := map[string]string{}
	for _, cs := range ev.CitizenPromises {
		m[cs.ID] = cs.Status
		for _, p := range cs.Promises {
			m[p.ID] = p.Status
		}
		for _, a := range cs.Activities {
			m[a.ID] = a.Status
		}
	}
	if len(m) == 0 {
		t.Fatalf("report %s: no statuses", name)
	}
	return m
}

// TestStatusesMatchReport: each widget of the demo page shows, for every
// citizen promise, promise and activity, the status the report command
// gives for the same bundle at the date the widget says it shows ("Status
// per …", the datetime of its time element).
func TestStatusesMatchReport(t *testing.T) {
	for _, path := range []string{"/", "/?lang=en"} {
		t.Run(path, func(t *testing.T) {
			b := newTab(t, "")
			b.open(path)
			b.waitStates(2, "ready")
			for i, name := range []string{"strangnas-2019.json", "strangnas-2022-2023.json"} {
				dates := inWidget[[]string](b, i, `return [...w.querySelectorAll(".as-of time:first-of-type")].map((e) => e.getAttribute("datetime"))`)
				if len(dates) == 0 {
					t.Fatalf("widget %d: no status date shown", i)
				}
				at, err := promise.ParseDate(dates[0])
				if err != nil {
					t.Fatalf("widget %d: status date %q: %v", i, dates[0], err)
				}
				if i == 0 && dates[0] != "2020-01-31" {
					t.Errorf("widget 0: status per %s, want the page's at, 2020-01-31", dates[0])
				}
				want := reportStatuses(t, name, at)
				got := inWidget[[][2]string](b, i, `return [...w.querySelectorAll("[data-id]")].map((e) => [e.dataset.id, e.dataset.status ?? ""])`)
				seen := map[string]bool{}
				for _, g := range got {
					id, status := g[0], g[1]
					w, ok := want[id]
					switch {
					case !ok:
						t.Errorf("widget %d (%s): data-id %s is not in the report", i, name, id)
					case status != w:
						t.Errorf("widget %d (%s) at %s: %s has data-status %q, the report %q", i, name, at, id, status, w)
					}
					seen[id] = true
				}
				for id := range want {
					if !seen[id] {
						t.Errorf("widget %d (%s): %s of the report is not shown", i, name, id)
					}
				}
			}
		})
	}
}
