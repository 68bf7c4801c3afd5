package sheet_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// Export an empty sheet for the second tertial, fill in a row as someone
// in Excel would, and read it back.
func Example() {
	data, err := os.ReadFile("../../schema/testdata/minimal.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	f, problems := schema.Decode(data, schema.Options{})
	if f == nil {
		fmt.Println(problems)
		return
	}
	doc := f.Document
	cp := &doc.CitizenPromises[0]
	period := promise.Period{Start: promise.MustParseDate("2019-05-01"), End: promise.MustParseDate("2019-08-31")}
	r := sheet.NewReport(cp.ID, period, promise.MustParseDate("2019-09-10"), cp.PartyIDs[:1])
	var buf bytes.Buffer
	if _, err := sheet.Export(&buf, doc, r, sheet.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(buf.String(), "\r\n")
	fmt.Println(lines[15])
	fmt.Println(lines[16])

	// Two walks, one of them at Läggesta station, and a result.
	row := strings.Replace(lines[16], "trygghetsvandringar;;;", "trygghetsvandringar;2 | 2019-08-31;\"2019-05-20\n2019-06-12 | 1 | Läggesta station\";", 1)
	filled := strings.Replace(buf.String(), lines[16], row, 1)
	back, problems := sheet.Import([]byte(filled), doc, sheet.Options{})
	for _, p := range problems {
		fmt.Println(p.Message.In("en"))
	}
	u := back.Updates[0]
	fmt.Println(len(u.Occurrences), "occurrences,", *u.Results[0].Value, "as of", u.Results[0].Date)

	// A date that is none is placed by row and column.
	bad := strings.Replace(filled, "2019-06-12", "2019-06-31", 1)
	_, problems = sheet.Import([]byte(bad), doc, sheet.Options{})
	for _, p := range problems {
		fmt.Println(p.Message.In("en"))
	}
	// Output:
	// Aktivitet;Mål;Resultat (värde | datum | enhet | beskrivning);Tillfällen (datum | antal | plats | anteckning);Klart (datum);Bedömning;Motivering;Berättelse;Skäl till avvikelse;Ersättande aktiviteter (datum | text);Belägg (länk | titel);Aktivitets-id (ändra inte);Mål-id (ändra inte)
	// Minst fyra trygghetsvandringar under 2019.;minst 4 trygghetsvandringar;;;;;;;;;;0193a1c2-7d4e-7f00-8a3b-000000000012;0193a1c2-7d4e-7f00-8a3b-000000000013
	// 2 occurrences, 2 as of 2019-08-31
	// row 17, column D (Tillfällen): "2019-06-31" is not a date that exists: check the day and month
}
