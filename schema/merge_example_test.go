package schema_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

// Merge a promise document and a follow-up report into a bundle; a report
// about a citizen promise the document lacks is refused with its place.
func ExampleMerge() {
	doc, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	report, err := os.ReadFile("testdata/minimal-report.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	merged, problems := schema.Merge([]schema.Input{
		{Name: "medborgarlofte-2019.json", Data: doc},
		{Name: "tertial-1.json", Data: report},
	}, schema.MergeOptions{})
	for _, p := range problems {
		fmt.Println(p.Format("en"))
	}
	fmt.Println(len(merged.Bundle.Reports), "report,", len(merged.JSON) > 0)

	wrong := bytes.Replace(report, []byte(`"citizenPromiseId": "0193a1c2-7d4e-7f00-8a3b-000000000010"`),
		[]byte(`"citizenPromiseId": "0193a1c2-7d4e-7f00-8a3b-000000000099"`), 1)
	_, problems = schema.Merge([]schema.Input{
		{Name: "medborgarlofte-2019.json", Data: doc},
		{Name: "tertial-1.json", Data: wrong},
	}, schema.MergeOptions{})
	for _, p := range problems {
		fmt.Println(p.Format("en"))
	}
	// Output:
	// 1 report, true
	// tertial-1.json:5:3: /citizenPromiseId: citizenPromiseId 0193a1c2-7d4e-7f00-8a3b-000000000099 names no citizen promise of the document
}
