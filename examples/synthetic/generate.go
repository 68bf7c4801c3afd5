package synthetic

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// The $schema of the files the generator makes.
const (
	DocumentSchema = "https://medborgarlofte.se/schema/1/promise-document.schema.json"
	ReportSchema   = "https://medborgarlofte.se/schema/1/followup-report.schema.json"
	BundleSchema   = "https://medborgarlofte.se/schema/1/bundle.schema.json"
)

// FirstYear is the first calendar year of generated data.
const FirstYear = 2020

// MaxYears is the most years [Generate] makes; more are cut to it.
const MaxYears = 30

// Options say what [Generate] makes. The zero Options mean the defaults:
// seed 0, four years (2020–2023), one copy of the country, with follow-up
// reports.
type Options struct {
	// Seed selects the data: one seed always gives the same bundles,
	// byte for byte once encoded.
	Seed int64
	// Years is how many calendar years from [FirstYear] the data covers;
	// 0 (or less) means 4, and more than [MaxYears] means MaxYears.
	Years int
	// Scale is how many copies of the country to make, each with its
	// own ids and its own random draw, so that the size grows linearly;
	// 0 (or less) means 1.
	Scale int
	// NoReports leaves out the follow-up reports.
	NoReports bool
}

func (o Options) normalized() Options {
	if o.Years <= 0 {
		o.Years = 4
	}
	o.Years = min(o.Years, MaxYears)
	o.Scale = max(o.Scale, 1)
	return o
}

// AsOf returns the date the generated data describes: the last day of its
// last year. Reports exist for the reporting periods that ended before it
// and were published by it.
func (o Options) AsOf() promise.Date {
	o = o.normalized()
	return date(FirstYear+o.Years-1, time.December, 31)
}

// Generate returns one follow-up bundle per municipality, or per group of
// municipalities that share a lokalpolisområde and sign one citizen
// promise together, for every copy of the country that opt.Scale asks
// for. Bundles come in the order of their first municipality's kommunkod,
// copy after copy. Every document passes [promise.Document.Validate].
func Generate(opt Options) []followup.Bundle {
	opt = opt.normalized()
	root := newSource(uint64(opt.Seed), 0x6d656462_6f726761) // "medborga"
	var out []followup.Bundle
	for range opt.Scale {
		out = append(out, generateCountry(root.child(), opt)...)
	}
	return out
}

// country is what the bundles of one copy of the country share: the
// police and the municipalities as parties, with the same ids wherever
// they appear.
type country struct {
	agency  promise.Party
	regions map[string]*promise.Party // by police region name
	munis   []promise.Party           // parallel to municipalities
	areas   []*policeArea
}

// policeArea is a lokalpolisområde and the municipalities it serves.
// Joint areas sign one citizen promise with all of them.
type policeArea struct {
	party   promise.Party
	region  *promise.Party
	members []int // indexes into municipalities
	joint   bool
}

// policeRegions maps county codes to the police region that serves them.
var policeRegions = map[string]string{
	"01": "Stockholm", "09": "Stockholm",
	"03": "Mitt", "21": "Mitt", "22": "Mitt",
	"04": "Öst", "05": "Öst", "06": "Öst",
	"07": "Syd", "08": "Syd", "10": "Syd", "12": "Syd",
	"13": "Väst", "14": "Väst",
	"17": "Bergslagen", "18": "Bergslagen", "19": "Bergslagen", "20": "Bergslagen",
	"23": "Nord", "24": "Nord", "25": "Nord",
}

var regionOrder = []string{"Nord", "Mitt", "Stockholm", "Öst", "Väst", "Syd", "Bergslagen"}

// fixedAreas are police areas taken from the real documents in
// shared/realdocs and shared/seeds, so that the generated country holds
// their shapes whatever the seed.
var fixedAreas = []struct {
	name    string
	members []string
	joint   bool
}{
	{"Södra Fyrbodal", []string{"1415", "1419", "1421"}, true},
	{"Kungälv-Ale", []string{"1482", "1440"}, false},
	{"Eskilstuna/Strängnäs", []string{"0484", "0486"}, false},
	{"Södertälje", []string{"0181", "0140"}, false},
}

func generateCountry(s *source, opt Options) []followup.Bundle {
	registered := date(FirstYear-1, time.September, 1)
	c := &country{regions: make(map[string]*promise.Party, len(regionOrder))}
	c.agency = promise.Party{
		ID: s.id(registered), Kind: promise.Police,
		Name:        promise.Text{"sv": "Polismyndigheten", "en": "Swedish Police Authority"},
		Identifiers: promise.Identifiers{Organisationsnummer: "202100-0076"},
		Website:     "https://polisen.se",
	}
	for _, r := range regionOrder {
		c.regions[r] = &promise.Party{
			ID: s.id(registered), Kind: promise.Police, ParentID: c.agency.ID,
			Name: promise.Text{"sv": "Polisregion " + r, "en": "Police region " + r},
		}
	}
	c.munis = make([]promise.Party, len(municipalities))
	for i, m := range municipalities {
		c.munis[i] = promise.Party{
			ID: s.id(registered), Kind: promise.Municipality,
			Name:        promise.Text{"sv": m.Organisation},
			ShortName:   promise.Text{"sv": m.Name},
			Identifiers: promise.Identifiers{Kommunkod: m.Kommunkod},
			Website:     "https://" + m.domain(),
		}
	}
	c.groupPoliceAreas(s, registered)

	// One bundle per joint area, and one per municipality elsewhere,
	// each built from its own source so that bundles are independent.
	type spec struct {
		area    *policeArea
		members []int
	}
	var specs []spec
	for _, a := range c.areas {
		if a.joint {
			specs = append(specs, spec{a, a.members})
			continue
		}
		for _, m := range a.members {
			specs = append(specs, spec{a, []int{m}})
		}
	}
	slices.SortFunc(specs, func(a, b spec) int { return cmp.Compare(a.members[0], b.members[0]) })
	out := make([]followup.Bundle, len(specs))
	for i, sp := range specs {
		out[i] = newBuilder(s.child(), opt, c, sp.area, sp.members).bundle()
	}
	return out
}

// groupPoliceAreas assigns every municipality to a lokalpolisområde: the
// fixed areas first, then runs of one to three neighbours (by kommunkod)
// in the same county.
func (c *country) groupPoliceAreas(s *source, registered promise.Date) {
	byCode := make(map[string]int, len(municipalities))
	for i, m := range municipalities {
		byCode[m.Kommunkod] = i
	}
	assigned := make([]bool, len(municipalities))
	add := func(name string, members []int, joint bool) {
		m := municipalities[members[0]]
		region := c.regions[policeRegions[m.CountyCode()]]
		c.areas = append(c.areas, &policeArea{
			party: promise.Party{
				ID: s.id(registered), Kind: promise.Police, ParentID: region.ID,
				Name:      promise.Text{"sv": "Lokalpolisområde " + name, "en": "Local police area " + name},
				ShortName: promise.Text{"sv": "LPO " + name},
			},
			region: region, members: members, joint: joint,
		})
		for _, i := range members {
			assigned[i] = true
		}
	}
	for _, f := range fixedAreas {
		var members []int
		for _, code := range f.members {
			members = append(members, byCode[code])
		}
		add(f.name, members, f.joint)
	}
	for i := 0; i < len(municipalities); {
		if assigned[i] {
			i++
			continue
		}
		want := 1 + s.weighted([]int{50, 30, 20})
		if largeCities[municipalities[i].Kommunkod] {
			want = 1
		}
		members := []int{i}
		cities := isCity(municipalities[i])
		for j := i + 1; j < len(municipalities) && len(members) < want; j++ {
			m := municipalities[j]
			if m.CountyCode() != municipalities[i].CountyCode() || largeCities[m.Kommunkod] || cities && isCity(m) {
				break
			}
			if !assigned[j] {
				members = append(members, j)
				cities = cities || isCity(m)
			}
		}
		names := make([]string, len(members))
		for k, m := range members {
			names[k] = municipalities[m].Name
		}
		add(strings.Join(names, "-"), members, len(members) > 1 && s.chance(0.2))
		i++
	}
}

// largeCities have a police area of their own.
var largeCities = map[string]bool{
	"0180": true, "1480": true, "1280": true, "0380": true, "0580": true, "1880": true,
	"1980": true, "1283": true, "0581": true, "0680": true, "2480": true, "1281": true,
}

// isCity reports whether m was a city (stad) before the municipal reform:
// SCB gives those codes ending in 80 to 99. A police area serves at most
// one of them.
func isCity(m Municipality) bool { return m.Kommunkod[2:] >= "80" }
