package schema_test

import (
	"fmt"
	"os"

	"github.com/medborgarlofte/medborgarlofte/schema"
)

// Decode a promise document and walk its promises and activities.
func ExampleDecode() {
	data, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	file, problems := schema.Decode(data, schema.Options{})
	if problems.Invalid() {
		for _, p := range problems {
			fmt.Println(p.Error())
		}
		return
	}
	for _, cp := range file.Document.CitizenPromises {
		fmt.Printf("%s (%s)\n", cp.Title.In("sv"), cp.Period)
		for _, p := range cp.Promises {
			fmt.Println("  löfte:", p.Text.In("sv"))
		}
		for _, a := range cp.Activities {
			fmt.Println("  aktivitet:", a.Text.In("sv"))
			for _, t := range a.Targets {
				fmt.Printf("    mål: %s %v %s\n", t.Comparison, *t.Value, t.Unit.In("sv"))
			}
		}
	}
	// Output:
	// Medborgarlöfte 2019 (2019-01-01/2019-12-31)
	//   löfte: Polisen lovar tillsammans med Strängnäs kommun att arbeta med tryggheten.
	//   aktivitet: Minst fyra trygghetsvandringar under 2019.
	//     mål: atLeast 4 trygghetsvandringar
}

// Problems say where (line, column, JSON pointer) and what, in Swedish and
// English.
func ExampleDecode_problems() {
	data := []byte(`{
  "$schema": "https://medborgarlofte.se/schema/1/promise-document.schema.json",
  "schemaVersion": "1.0",
  "id": "0193a1c2-7d4e-7f00-8a3b-000000000001",
  "parties": [],
  "publisher": "Strängnäs"
}`)
	_, problems := schema.Decode(data, schema.Options{})
	for _, p := range problems {
		fmt.Printf("%d:%d: %s: %s\n", p.Line, p.Column, p.Pointer, p.Message.In("en"))
		fmt.Printf("%d:%d: %s: %s\n", p.Line, p.Column, p.Pointer, p.Message.In("sv"))
	}
	// Output:
	// 5:3: /parties: the list is empty: add at least one entry
	// 5:3: /parties: listan är tom: lägg till minst en post
	// 6:3: /publisher: "publisher" is not a known property here: check the spelling, or move your own data into "extensions"
	// 6:3: /publisher: "publisher" är ingen känd egenskap här: kontrollera stavningen, eller flytta egna uppgifter till "extensions"
}
