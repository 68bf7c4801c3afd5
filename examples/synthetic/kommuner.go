package synthetic

import (
	_ "embed"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// kommunerTSV lists Sweden's 290 municipalities, one a line: SCB's
// kommunkod, the municipality's name, the organisation's name, the seat
// (centralort) and the county (län). Lines starting with # are comments.
//
//go:embed kommuner.tsv
var kommunerTSV string

// Municipality is one of Sweden's 290 municipalities (kommuner).
type Municipality struct {
	// Kommunkod is SCB's four-digit municipality code ("0486"); its first
	// two digits are the county's code (länskod).
	Kommunkod string
	// Name is the municipality's name as SCB lists it ("Strängnäs").
	Name string
	// Organisation is the name the municipality signs with ("Strängnäs
	// kommun", "Stockholms stad", "Region Gotland").
	Organisation string
	// Seat is the municipality's seat (centralort): usually its name,
	// but "Visby" for Gotland and "Henån" for Orust.
	Seat string
	// County is the county (län) the municipality lies in ("Södermanlands
	// län").
	County string
}

// municipalities is parsed once from the embedded table.
var municipalities = parseMunicipalities(kommunerTSV)

func parseMunicipalities(tsv string) []Municipality {
	var ms []Municipality
	for line := range strings.Lines(tsv) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			panic("synthetic: kommuner.tsv: want 5 fields, got: " + line)
		}
		ms = append(ms, Municipality{Kommunkod: f[0], Name: f[1], Organisation: f[2], Seat: f[3], County: f[4]})
	}
	return ms
}

// Municipalities returns Sweden's 290 municipalities in the order of their
// kommunkod. The slice is a copy; changing it changes nothing here.
func Municipalities() []Municipality {
	return append([]Municipality(nil), municipalities...)
}

// CountyCode returns the two-digit county code (länskod), the first two
// digits of the kommunkod.
func (m Municipality) CountyCode() string { return m.Kommunkod[:2] }

// Slug returns the municipality's name in lower-case ASCII with hyphens
// for spaces ("upplands-vasby", "ostra-goinge"), as used in file names.
func (m Municipality) Slug() string { return slug(m.Name) }

// BundleName names a bundle's file, without extension: the kommunkod of
// its first municipality and the slugs of all of them,
// "0486-strangnas", "1415-stenungsund-tjorn-orust".
func BundleName(b followup.Bundle) string {
	var code string
	var slugs []string
	for _, p := range b.Document.Parties {
		if k := p.Identifiers.Kommunkod; k != "" && p.Kind == promise.Municipality {
			if code == "" {
				code = k
			}
			slugs = append(slugs, slug(p.ShortName.String()))
		}
	}
	return code + "-" + strings.Join(slugs, "-")
}

// slug folds Swedish letters to ASCII (å, ä → a; ö → o; é → e), lowers
// the case and turns spaces into hyphens. Other characters are dropped.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == 'å' || r == 'ä':
			b.WriteByte('a')
		case r == 'ö':
			b.WriteByte('o')
		case r == 'é':
			b.WriteByte('e')
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// domain is the host of the municipality's website as the generator
// spells it: "www.strangnas.se", "www.upplandsvasby.se",
// "www.upplands-bro.se". It is derived from the name, not looked up.
func (m Municipality) domain() string {
	if m.Kommunkod == "0643" { // Habo; habo.se is Håbo's
		return "www.habokommun.se"
	}
	return "www." + slug(strings.ReplaceAll(m.Name, " ", "")) + ".se"
}

// countySlug is the county as polisen.se spells it in paths:
// "Västra Götalands län" → "vastra-gotaland".
func countySlug(county string) string {
	base := strings.TrimSuffix(county, " län")
	base = strings.TrimSuffix(base, "s")
	return slug(base)
}
