package synthetic

import (
	"regexp"
	"testing"
)

func TestMunicipalities(t *testing.T) {
	ms := Municipalities()
	if len(ms) != 290 {
		t.Fatalf("len(Municipalities()) = %d, want 290", len(ms))
	}
	code := regexp.MustCompile(`^[0-9]{4}$`)
	ascii := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	codes := map[string]bool{}
	domains := map[string]bool{}
	counties := map[string]string{} // county code → county name
	for i, m := range ms {
		if !code.MatchString(m.Kommunkod) {
			t.Errorf("%q: kommunkod %q is not four digits", m.Name, m.Kommunkod)
		}
		if codes[m.Kommunkod] {
			t.Errorf("kommunkod %s is listed twice", m.Kommunkod)
		}
		codes[m.Kommunkod] = true
		if i > 0 && m.Kommunkod <= ms[i-1].Kommunkod {
			t.Errorf("%s comes after %s: want the order of kommunkod", m.Kommunkod, ms[i-1].Kommunkod)
		}
		if m.Name == "" || m.Organisation == "" || m.Seat == "" || m.County == "" {
			t.Errorf("%s: a field is empty: %+v", m.Kommunkod, m)
		}
		if s := m.Slug(); !ascii.MatchString(s) {
			t.Errorf("%s: slug %q is not lower-case ASCII", m.Kommunkod, s)
		}
		// Håbo and Habo share a slug, not a domain.
		if d := m.domain(); domains[d] {
			t.Errorf("%s: domain %q is used twice", m.Kommunkod, d)
		} else {
			domains[d] = true
		}
		if c, ok := counties[m.CountyCode()]; ok && c != m.County {
			t.Errorf("%s: county code %s is both %q and %q", m.Kommunkod, m.CountyCode(), c, m.County)
		}
		counties[m.CountyCode()] = m.County
	}
	if len(counties) != 21 {
		t.Errorf("%d counties, want 21", len(counties))
	}

	// Some municipalities as SCB lists them.
	want := []Municipality{
		{"0114", "Upplands Väsby", "Upplands Väsby kommun", "Upplands Väsby", "Stockholms län"},
		{"0163", "Sollentuna", "Sollentuna kommun", "Sollentuna", "Stockholms län"},
		{"0180", "Stockholm", "Stockholms stad", "Stockholm", "Stockholms län"},
		{"0486", "Strängnäs", "Strängnäs kommun", "Strängnäs", "Södermanlands län"},
		{"0980", "Gotland", "Region Gotland", "Visby", "Gotlands län"},
		{"1407", "Öckerö", "Öckerö kommun", "Öckerö", "Västra Götalands län"},
		{"1415", "Stenungsund", "Stenungsunds kommun", "Stenungsund", "Västra Götalands län"},
		{"1421", "Orust", "Orust kommun", "Henån", "Västra Götalands län"},
		{"1440", "Ale", "Ale kommun", "Nödinge-Nol", "Västra Götalands län"},
		{"1860", "Laxå", "Laxå kommun", "Laxå", "Örebro län"},
		{"2080", "Falun", "Falu kommun", "Falun", "Dalarnas län"},
		{"2584", "Kiruna", "Kiruna kommun", "Kiruna", "Norrbottens län"},
	}
	byCode := map[string]Municipality{}
	for _, m := range ms {
		byCode[m.Kommunkod] = m
	}
	for _, w := range want {
		if got := byCode[w.Kommunkod]; got != w {
			t.Errorf("municipality %s = %+v, want %+v", w.Kommunkod, got, w)
		}
	}
}

func TestMunicipalitiesIsACopy(t *testing.T) {
	Municipalities()[0].Name = "changed"
	if got := Municipalities()[0].Name; got != "Upplands Väsby" {
		t.Errorf("Municipalities()[0].Name = %q after changing a copy, want %q", got, "Upplands Väsby")
	}
}

func TestSlugAndDomain(t *testing.T) {
	tests := []struct {
		name, slug, domain, countySlug string
	}{
		{"Strängnäs", "strangnas", "www.strangnas.se", "sodermanland"},
		{"Upplands Väsby", "upplands-vasby", "www.upplandsvasby.se", "stockholm"},
		{"Upplands-Bro", "upplands-bro", "www.upplands-bro.se", "stockholm"},
		{"Östra Göinge", "ostra-goinge", "www.ostragoinge.se", "skane"},
		{"Malung-Sälen", "malung-salen", "www.malung-salen.se", "dalarna"},
		{"Öckerö", "ockero", "www.ockero.se", "vastra-gotaland"},
		{"Kalmar", "kalmar", "www.kalmar.se", "kalmar"},
		{"Håbo", "habo", "www.habo.se", "uppsala"},
		{"Habo", "habo", "www.habokommun.se", "jonkoping"},
	}
	byName := map[string]Municipality{}
	for _, m := range Municipalities() {
		byName[m.Name] = m
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := byName[tc.name]
			if !ok {
				t.Fatalf("no municipality %q", tc.name)
			}
			if got := m.Slug(); got != tc.slug {
				t.Errorf("Slug() = %q, want %q", got, tc.slug)
			}
			if got := m.domain(); got != tc.domain {
				t.Errorf("domain() = %q, want %q", got, tc.domain)
			}
			if got := countySlug(m.County); got != tc.countySlug {
				t.Errorf("countySlug(%q) = %q, want %q", m.County, got, tc.countySlug)
			}
		})
	}
}
