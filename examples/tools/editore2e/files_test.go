package editore2e

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A file at an address the user gives is fetched and validated; the rows of
// a period go to a CSV file for Excel and come back from it into the
// editor.
func TestURLAndSpreadsheet(t *testing.T) {
	b := newTab(t, "")
	b.open()
	b.set("new:url", baseURL+"/data/strangnas-2019.json")
	b.act("fetch", "")
	b.waitFor(`__ed.has('[data-key="open-validated"]')`, 30*time.Second)
	assert.Equal(t, "true", eval[string](b, `__ed.q('[data-key="validation"]').getAttribute("data-valid")`))
	b.act("open-validated", "")
	b.waitFor(`__ed.q(".editor").getAttribute("data-screen") === "edit"`, 30*time.Second)
	require.Equal(t, "true", b.attr("data-valid"))

	b.act("screen", "followup")
	b.act("fu-load", "")
	b.waitFor(`__ed.has("table.rows")`, 30*time.Second)
	b.set(eval[string](b, `__ed.rowCell(0, 1, "Resultat")`), "drygt 3 (genomfört) | 2019-04")
	csv := b.download("fu-csv", "", "uppfoljning.csv")
	assert.True(t, bytes.HasPrefix(csv, []byte("\xEF\xBB\xBFFormat;medborgarlofte-uppfoljning 1\r\n")), "a sheet for Swedish Excel")
	assert.Contains(t, string(csv), ";drygt 3 (genomfört) | 2019-04;")

	// As if edited in Excel: another figure, and a wrong date.
	edited := strings.Replace(string(csv), ";drygt 3 (genomfört) | 2019-04;", ";5 | 2019-04-31;", 1)
	path := save(t, "uppfoljning.csv", []byte(edited))
	b.upload("fu-csv-file", path)
	b.waitFor(`__ed.has("section.followup ol.problems")`, 30*time.Second)
	assert.Contains(t, eval[string](b, `__ed.q("section.followup ol.problems").textContent`), `uppfoljning.csv:17:3: /updates/0/results/0/date: rad 17, kolumn C (Resultat): "2019-04-31" är inget datum`)
	edited = strings.Replace(edited, "5 | 2019-04-31", "5 | 2019-04-30", 1)
	b.upload("fu-csv-file", save(t, "uppfoljning2.csv", []byte(edited)))
	b.waitFor(`!__ed.has("section.followup ol.problems") && __ed.q(__ed.bind(__ed.rowCell(0, 1, "Resultat"))).value === "5 | 2019-04-30"`, 30*time.Second)
	b.act("fu-save", "")
	b.waitFor(`__ed.host().getAttribute("data-valid") === "true"`, 10*time.Second)
	assert.Empty(t, b.consoleErrors())
}
