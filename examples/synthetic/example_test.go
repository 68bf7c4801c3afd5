package synthetic_test

import (
	"fmt"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
)

func ExampleGenerate() {
	bundles := synthetic.Generate(synthetic.Options{Seed: 1, Years: 1})
	c := synthetic.Count(bundles)
	fmt.Println("bundles:", c.Bundles)
	fmt.Println("municipalities:", c.Municipalities)
	fmt.Println("citizen promises:", c.CitizenPromises)
	fmt.Println("promises:", c.Promises)
	fmt.Println("activities:", c.Activities)
	fmt.Println("targets:", c.Targets)
	fmt.Println("reports:", c.Reports)

	b := bundles[0]
	fmt.Println(synthetic.BundleName(b), "valid:", b.Document.Validate() == nil)
	cp := b.Document.CitizenPromises[0]
	fmt.Println(cp.Title["sv"], cp.Period)
	fmt.Println(cp.Promises[0].Text["sv"])
	// Output:
	// bundles: 270
	// municipalities: 290
	// citizen promises: 270
	// promises: 993
	// activities: 1740
	// targets: 2003
	// reports: 635
	// 0114-upplands-vasby valid: true
	// Medborgarlöfte 2020 för Upplands Väsby 2020-01-01/2020-12-31
	// Upplands Väsby kommun och polisen lovar att öka närvaron på platser som upplevs som otrygga, särskilt Upplands Väsby station.
}

func ExampleMunicipalities() {
	for _, m := range synthetic.Municipalities()[:3] {
		fmt.Println(m.Kommunkod, m.Organisation, "–", m.County)
	}
	fmt.Println(len(synthetic.Municipalities()), "municipalities")
	// Output:
	// 0114 Upplands Väsby kommun – Stockholms län
	// 0115 Vallentuna kommun – Stockholms län
	// 0117 Österåkers kommun – Stockholms län
	// 290 municipalities
}
