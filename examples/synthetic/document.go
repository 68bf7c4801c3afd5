package synthetic

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// builder makes the bundle of one municipality, or of the municipalities
// of a joint police area.
type builder struct {
	s       *source
	opt     Options
	asOf    promise.Date
	created promise.Date // when the document's first entities were made
	c       *country
	area    *policeArea
	ms      []Municipality
	members []int       // indexes into municipalities
	munis   []uuid.UUID // the municipalities' party ids
	local   []localPlaces
	doc     promise.Document

	third    *promise.Party // a party that signs beside police and municipalities, or nil
	partners map[role]uuid.UUID
	signers  map[uuid.UUID]signer // who currently signs for each party

	themes   []*theme // the agreement's focus areas
	themeIDs map[string]uuid.UUID
	pages    []uuid.UUID // the parties' web pages about their promises
	cps      []*cpState
}

// signer is an official who signs for a party.
type signer struct{ name, role string }

// placeRef is a place of the document with its name, for texts.
type placeRef struct {
	id   uuid.UUID
	name string
}

// localPlaces are the places of one municipality.
type localPlaces struct {
	muni    placeRef
	seat    placeRef
	areas   []placeRef // the seat, then other towns and districts
	sites   []placeRef
	schools []placeRef
	kinds   placeRef // "Skolor och förskolor i …", a kind of place
}

func newBuilder(s *source, opt Options, c *country, area *policeArea, members []int) *builder {
	b := &builder{
		s: s, opt: opt, asOf: opt.AsOf(), c: c, area: area,
		partners: map[role]uuid.UUID{},
		signers:  map[uuid.UUID]signer{},
		themeIDs: map[string]uuid.UUID{},
	}
	// Documents are set up in the autumn before the first year.
	b.created = date(FirstYear-1, time.Month(s.between(9, 11)), s.between(1, 28))
	for _, i := range members {
		b.members = append(b.members, i)
		b.ms = append(b.ms, municipalities[i])
		b.munis = append(b.munis, c.munis[i].ID)
	}
	return b
}

// bundle builds the document and, unless turned off, its reports.
func (b *builder) bundle() followup.Bundle {
	names := make([]string, len(b.ms))
	for i, m := range b.ms {
		names[i] = m.Name
	}
	b.doc = promise.Document{
		Schema: DocumentSchema, SchemaVersion: promise.SchemaVersion,
		ID:       b.s.id(b.created),
		Title:    promise.Text{"sv": "Medborgarlöften i " + join(names) + " " + years(yearPeriod(FirstYear, b.opt.Years)), "en": "Citizen promises in " + join(names)},
		Language: "sv",
	}
	b.addParties()
	b.places()
	b.focusAreas()
	b.webPages()
	b.agreementsAndPromises()
	var reports []followup.Report
	if !b.opt.NoReports {
		for _, cp := range b.cps {
			reports = append(reports, b.reports(cp)...)
		}
	}
	b.doc.Updated = b.created
	for _, c := range b.doc.CitizenPromises {
		b.doc.Updated = maxDate(b.doc.Updated, c.Signed)
	}
	for _, r := range reports {
		b.doc.Updated = maxDate(b.doc.Updated, r.Date)
	}
	return followup.Bundle{Schema: BundleSchema, SchemaVersion: promise.SchemaVersion, Document: b.doc, Reports: reports}
}

func (b *builder) addParties() {
	for _, i := range b.members {
		b.doc.Parties = append(b.doc.Parties, b.c.munis[i])
	}
	b.doc.Parties = append(b.doc.Parties, b.area.party, *b.area.region, b.c.agency)
	if b.s.chance(0.25) {
		r := rRescue
		if b.s.chance(0.4) {
			r = rHousing
		}
		third := *b.partyFor(r) // a copy: later parties move the slice
		b.third = &third
	}
}

var transportAuthorities = map[string]string{
	"01": "Storstockholms Lokaltrafik (SL)", "03": "UL", "04": "Sörmlandstrafiken", "05": "Östgötatrafiken",
	"06": "Jönköpings länstrafik", "07": "Länstrafiken Kronoberg", "08": "Kalmar länstrafik", "09": "Region Gotlands kollektivtrafik",
	"10": "Blekingetrafiken", "12": "Skånetrafiken", "13": "Hallandstrafiken", "14": "Västtrafik", "17": "Värmlandstrafik",
	"18": "Länstrafiken Örebro", "19": "Västmanlands Lokaltrafik (VL)", "20": "Dalatrafik", "21": "X-trafik", "22": "Din Tur",
	"23": "Länstrafiken i Jämtlands län", "24": "Länstrafiken i Västerbotten", "25": "Länstrafiken i Norrbotten",
}

// partyFor returns the party of a role that is neither police nor
// municipality, adding it to the document the first time.
func (b *builder) partyFor(r role) *promise.Party {
	if id, ok := b.partners[r]; ok {
		for i := range b.doc.Parties {
			if b.doc.Parties[i].ID == id {
				return &b.doc.Parties[i]
			}
		}
	}
	seat := b.ms[0].Seat
	p := promise.Party{ID: b.s.id(b.created)}
	switch r {
	case rRescue:
		p.Kind, p.Name = promise.RescueService, promise.Text{"sv": "Räddningstjänsten " + seat}
	case rHousing:
		p.Kind, p.Name = promise.HousingCompany, promise.Text{"sv": "Bostadsbolaget i " + seat}
	case rAssoc:
		p.Kind, p.Name = promise.Association, promise.Text{"sv": "Nattvandrarna i " + seat}
	case rTransport:
		p.Kind, p.Name = promise.TransportAuthority, promise.Text{"sv": transportAuthorities[b.ms[0].CountyCode()]}
	default:
		panic("synthetic: no party for role " + strconv.Itoa(int(r)))
	}
	b.partners[r] = p.ID
	b.doc.Parties = append(b.doc.Parties, p)
	return &b.doc.Parties[len(b.doc.Parties)-1]
}

// orgName is the name the i-th municipality of the bundle signs with.
func (b *builder) orgName(i int) string { return b.ms[i].Organisation }

// signingParties are the parties that sign agreements and citizen
// promises: the police area, the municipalities and the third party.
func (b *builder) signingParties() []uuid.UUID {
	ids := append([]uuid.UUID{b.area.party.ID}, b.munis...)
	if b.third != nil {
		ids = append(ids, b.third.ID)
	}
	return ids
}

func (b *builder) places() {
	for i, m := range b.ms {
		var l localPlaces
		add := func(kind promise.PlaceKind, name string, parent uuid.UUID) placeRef {
			p := promise.Place{ID: b.s.id(b.created), Kind: kind, Name: promise.Text{"sv": name}, ParentID: parent, Kommunkod: m.Kommunkod}
			b.doc.Places = append(b.doc.Places, p)
			return placeRef{p.ID, name}
		}
		l.muni = add(promise.PlaceMunicipality, b.orgName(i), uuid.Nil)
		l.seat = add(promise.PlaceTown, m.Seat, l.muni.id)
		l.areas = []placeRef{l.seat}
		towns := []placeRef{l.seat}
		used := map[string]bool{m.Seat: true, m.Name: true}
		for range b.s.between(1, 5) {
			if b.s.chance(0.5) {
				name := b.townName(used)
				t := add(promise.PlaceTown, name, l.muni.id)
				l.areas = append(l.areas, t)
				towns = append(towns, t)
			} else {
				name := pick(b.s, districts)
				for used[name] {
					name = pick(b.s, districts)
				}
				used[name] = true
				l.areas = append(l.areas, add(promise.PlaceDistrict, name, l.seat.id))
			}
		}
		// The first site is where buses and trains stop; the others are
		// squares, centres, harbours.
		l.sites = []placeRef{add(promise.PlaceSite, fmt.Sprintf(pick(b.s, hubs), m.Seat), l.seat.id)}
		for _, site := range choose(b.s, sites, b.s.between(1, 3)) {
			town := l.seat
			if b.s.chance(0.4) {
				town = pick(b.s, towns)
			}
			l.sites = append(l.sites, add(promise.PlaceSite, fmt.Sprintf(site, town.name), town.id))
		}
		for _, school := range choose(b.s, schools, b.s.between(2, 5)) {
			l.schools = append(l.schools, add(promise.PlaceSite, school, pick(b.s, towns).id))
		}
		l.kinds = add(promise.PlaceType, "Skolor och förskolor i "+m.Name, l.muni.id)
		b.local = append(b.local, l)
	}
}

// townName returns a new fictitious town name not in used.
func (b *builder) townName(used map[string]bool) string {
	for {
		name := pick(b.s, townHeads) + pick(b.s, townTails)
		if !used[name] {
			used[name] = true
			return name
		}
	}
}

// focusAreas picks the agreement's themes, three to five, sometimes with
// a sub-area.
func (b *builder) focusAreas() {
	b.themes = choose(b.s, themes, b.s.between(3, 5))
	for _, t := range b.themes {
		id := b.s.id(b.created)
		b.doc.Themes = append(b.doc.Themes, promise.Theme{ID: id, Title: promise.Text{"sv": t.sv, "en": t.en}, Description: promise.Text{"sv": t.descr}})
		b.themeIDs[t.key] = id
		if t.sub != nil && b.s.chance(0.5) {
			sid := b.s.id(b.created)
			b.doc.Themes = append(b.doc.Themes, promise.Theme{ID: sid, Title: promise.Text{"sv": t.sub.sv, "en": t.sub.en}, ParentID: id})
			b.themeIDs[t.sub.key] = sid
		}
	}
}

// themeID returns the id of a theme key in this document: the sub-area's
// own, or its parent's when the document does not use the sub-area.
func (b *builder) themeID(key string) uuid.UUID {
	if id, ok := b.themeIDs[key]; ok {
		return id
	}
	for _, t := range themes {
		if t.sub != nil && t.sub.key == key {
			return b.themeIDs[t.key]
		}
	}
	return uuid.Nil
}

// source adds a source document and returns its id.
func (b *builder) source(kind promise.SourceKind, title, url string, published promise.Date, publisher uuid.UUID) uuid.UUID {
	src := promise.Source{ID: b.s.id(published), Kind: kind, Title: promise.Text{"sv": title}, URL: url, Published: published, PublisherID: publisher}
	b.doc.Sources = append(b.doc.Sources, src)
	return src.ID
}

// webPages adds the pages on polisen.se and the municipalities' sites
// that present the promises, updated over the years.
func (b *builder) webPages() {
	page := func(title, url string, publisher uuid.UUID) {
		id := b.source(promise.WebPage, title, url, b.created, publisher)
		last := date(FirstYear+b.opt.Years-1, time.Month(b.s.between(1, 12)), b.s.between(1, 28))
		b.doc.Sources[len(b.doc.Sources)-1].Updated = last
		b.pages = append(b.pages, id)
	}
	for i, m := range b.ms {
		page("Medborgarlöften i "+m.Name, "https://"+m.domain()+"/trygghet-och-sakerhet/medborgarloften.html", b.munis[i])
	}
	m := b.ms[0]
	page(m.Name+" – medborgarlöften", fmt.Sprintf("https://polisen.se/om-polisen/medborgarloften-och-lokal-samverkan/medborgarloften/%s/%s/", countySlug(m.County), m.Slug()), b.c.agency.ID)
}

// signatories returns one signatory per party, dated signed: mostly the
// official who signed last time.
func (b *builder) signatories(parties []uuid.UUID, signed promise.Date) []promise.Signatory {
	out := make([]promise.Signatory, 0, len(parties))
	for _, id := range parties {
		who, ok := b.signers[id]
		if !ok || b.s.chance(0.15) {
			who = signer{b.s.person(), b.roleOf(id)}
			b.signers[id] = who
		}
		out = append(out, promise.Signatory{PartyID: id, Name: who.name, Role: promise.Text{"sv": who.role}, Signed: signed})
	}
	return out
}

// roleOf is the title of the official who signs for a party.
func (b *builder) roleOf(id uuid.UUID) string {
	switch {
	case id == b.area.party.ID:
		return "Lokalpolisområdeschef"
	case b.third != nil && id == b.third.ID && b.third.Kind == promise.RescueService:
		return "Räddningschef"
	case b.third != nil && id == b.third.ID:
		return "Verkställande direktör"
	case b.s.chance(0.3):
		return "Kommunstyrelsens ordförande"
	}
	return "Kommundirektör"
}

// agreementsAndPromises adds agreements of at most four years covering
// the data's years, each renewing the one before, and under them the
// citizen promises.
func (b *builder) agreementsAndPromises() {
	parties := b.signingParties()
	names := make([]string, len(b.ms))
	for i := range b.ms {
		names[i] = b.orgName(i)
	}
	var prev uuid.UUID
	var prevCP *cpState
	for y := FirstYear; y < FirstYear+b.opt.Years; y += 4 {
		n := min(4, FirstYear+b.opt.Years-y)
		period := yearPeriod(y, n)
		signed := date(y-1, time.Month(b.s.between(10, 12)), b.s.between(1, 28))
		if b.s.chance(0.1) { // signed after it began
			signed = date(y, time.Month(b.s.between(1, 3)), b.s.between(1, 28))
		}
		url := fmt.Sprintf("https://%s/download/samverkansoverenskommelse-%s.pdf", b.ms[0].domain(), years(period))
		src := b.source(promise.SignedDocument, "Samverkansöverenskommelse "+years(period), url, signed, b.munis[0])
		a := promise.Agreement{
			ID:          b.s.id(signed),
			Title:       promise.Text{"sv": "Samverkansöverenskommelse mellan " + join(append(names, "Polisen")) + " " + years(period)},
			Period:      period,
			PartyIDs:    slices.Clone(parties),
			Signatories: b.signatories(parties, signed),
			Signed:      signed,
			Summary:     promise.Text{"sv": "Överenskommelsen ger struktur åt parternas gemensamma brottsförebyggande och trygghetsskapande arbete och tydliggör vilka åtaganden parterna tar på sig."},
			SourceIDs:   []uuid.UUID{src},
		}
		for _, t := range b.themes {
			a.ThemeIDs = append(a.ThemeIDs, b.themeIDs[t.key])
		}
		if prev != uuid.Nil {
			a.Lineage = []promise.Lineage{{Relation: promise.Renews, ID: prev}}
		} else if b.s.chance(0.5) {
			a.Lineage = []promise.Lineage{{Relation: promise.Renews, URL: fmt.Sprintf("https://%s/download/samverkansoverenskommelse-%d-%d.pdf", b.ms[0].domain(), y-4, y-1), Title: promise.Text{"sv": fmt.Sprintf("Samverkansöverenskommelse %d–%d", y-4, y-1)}}}
		}
		b.doc.Agreements = append(b.doc.Agreements, a)
		prev = a.ID

		// Citizen promises for one or two years at a time, never
		// across two agreements.
		twoYears := []float64{0, 0.5, 1}[b.s.between(0, 2)]
		for cy := y; cy < y+n; {
			span := 1
			if cy+1 < y+n && b.s.chance(twoYears) {
				span = 2
			}
			prevCP = b.citizenPromise(a.ID, yearPeriod(cy, span), prevCP)
			b.cps = append(b.cps, prevCP)
			cy += span
		}
	}
}
