package data

// The pages in testdata/facts were extracted by hand, in a neutral form
// that is not this project's format, from real pages that other
// municipalities and police areas published (a copy of the workspace's
// shared/realdocs/facts, so that the test runs on a clean clone). A
// transcription in this directory is complete when every fact there has a
// proper field here with the same value: TestFacts checks that, fact by
// fact. Where the format has no field for a fact, or where this
// transcription reads the page otherwise than the extract does, the test
// says so (see gaps) and checks what the transcription holds instead.

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// transcriptions names, for each file of facts, the files in this
// directory that transcribe its page.
var transcriptions = map[string][]string{
	"ale-3yr-promise-and-2024-promise.json":          {"ale-3yr.json", "ale-2024.json"},
	"kungsor-2015-promise.json":                      {"kungsor-2015.json"},
	"laxa-2018-2020-promise.json":                    {"laxa-2018-2020.json"},
	"nykvarn-2019-agreement-promise.json":            {"nykvarn-2019.json"},
	"stenungsund-orust-tjorn-2023-2024-promise.json": {"stenungsund-orust-tjorn-2023-2024.json"},
}

// gaps are the facts the test checks otherwise than by the same value in
// the same kind of field, each with the reason. The key is the facts
// file, then the entity's key (or what it is) and the fact.
var gaps = map[string]string{
	"ale-3yr-promise-and-2024-promise.json P3 givenBy": "the page says \"Det här lovar vi\": we, the police area and the municipality, give every promise; " +
		"the housing companies and the rescue service association take part in the activity under the heading (partners), they do not promise",
	"ale-3yr-promise-and-2024-promise.json A2 unit":                   "a milestone target has no unit in the format; the unit is in the target's description",
	"laxa-2018-2020-promise.json A2 count":                            "\"ett antal planerade insatser\": a count target needs a number, which the page does not give; the target is of kind none and its description says \"ett antal\"",
	"kungsor-2015-promise.json A1 composition":                        "the format has no field for what one counted thing consists of; the activity's text says it",
	"stenungsund-orust-tjorn-2023-2024-promise.json presentAtSigning": "the page's caption only says the four are in the picture (\"På bilden\"); they are involved with the role pictured, not present",
	"stenungsund-orust-tjorn-2023-2024-promise.json legalReference":   "a citizen promise has no legal basis in the format (an agreement has); the summary holds the page's words",
	"nykvarn-2019-agreement-promise.json agreement basis":             "an agreement has no basis in the format; the citizen promise's basis holds it (the same priorities)",
	"themes": "a citizen promise has no themes of its own in the format; the themes the page states are checked in its summary, purpose, promises, basis and context",
}

// gapsUsed records which gaps the test met, so that TestFacts can say
// when one no longer applies.
var gapsUsed = map[string]bool{}

// gap logs why a fact is checked otherwise, and fails when that is not
// documented in gaps.
func gap(t *testing.T, key string) {
	t.Helper()
	reason, ok := gaps[key]
	if !assert.True(t, ok, "gap %q is not documented in gaps", key) {
		return
	}
	gapsUsed[key] = true
	t.Logf("%s: %s", key, reason)
}

type factsFile struct {
	Source          string      `json:"source"`
	AlsoSources     []string    `json:"alsoSources"`
	Kind            []string    `json:"kind"` // agreement, citizen_promise
	Municipalities  []string    `json:"municipalities"`
	PoliceArea      string      `json:"policeArea"`
	OtherParties    []factParty `json:"otherParties"`
	Published       string      `json:"published"`
	Agreement       *factAgree  `json:"agreement"`
	CitizenPromise  *factCP     `json:"citizenPromise"`
	CitizenPromises []factCP    `json:"citizenPromises"`
	Promises        []factProm  `json:"promises"`
	Activities      []factAct   `json:"activities"`
	ModelChallenges []string    `json:"modelChallenges"` // commentary
	TextComplete    *bool       `json:"textComplete"`
}

type factParty struct {
	Name string `json:"name"`
	Role string `json:"role"` // signatory, actor, partner
	Note string `json:"note"` // commentary
}

type factPeriod struct {
	Start       *string `json:"start"`
	End         *string `json:"end"`
	OpenEnded   bool    `json:"openEnded"`
	LengthYears int     `json:"lengthYears"`
	Note        string  `json:"note"` // commentary
}

type factPerson struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Org   string `json:"org"`
}

type factAgree struct {
	Name         string       `json:"name"`
	Type         string       `json:"type"` // always samverkansöverenskommelse: an agreement
	Parties      []string     `json:"parties"`
	Signed       string       `json:"signed"`
	SignedNote   string       `json:"signedNote"` // commentary
	Period       *factPeriod  `json:"period"`
	People       []factPerson `json:"people"`
	FocusAreas   []string     `json:"focusAreas"`
	Basis        []string     `json:"basis"`
	Organisation string       `json:"organisation"`
	Lineage      string       `json:"lineage"`
	Notes        string       `json:"notes"` // commentary
}

type factCP struct {
	Key              string       `json:"key"`
	SourceSection    string       `json:"sourceSection"` // [1]: source, [2]: alsoSources[0]
	GivenBy          []string     `json:"givenBy"`
	GivenByNote      string       `json:"givenByNote"` // commentary
	Period           factPeriod   `json:"period"`
	Signed           string       `json:"signed"`
	SignedNote       string       `json:"signedNote"` // commentary
	SignedPlace      string       `json:"signedPlace"`
	Signatories      []factPerson `json:"signatories"`
	PresentAtSigning []factPerson `json:"presentAtSigning"`
	Basis            []string     `json:"basis"`
	Themes           []string     `json:"themes"`
	LegalReference   string       `json:"legalReference"`
	Lineage          string       `json:"lineage"`
	Notes            string       `json:"notes"` // commentary
}

type factProm struct {
	Key            string   `json:"key"`
	CitizenPromise string   `json:"citizenPromise"`
	GivenBy        []string `json:"givenBy"`
	GivenByNote    string   `json:"givenByNote"` // commentary
	Text           string   `json:"text"`
	Theme          string   `json:"theme"` // the extractor's keyword, not the page's words: not checked
}

type factAct struct {
	Key                 string     `json:"key"`
	Promises            []string   `json:"promises"`
	Lead                string     `json:"lead"`
	LeadNote            string     `json:"leadNote"`            // "not stated in text"
	ResponsibilityLabel string     `json:"responsibilityLabel"` // the page's "(Polis)": the lead is checked
	Partners            []string   `json:"partners"`
	Text                string     `json:"text"`
	Target              factTarget `json:"target"`
	Places              []string   `json:"places"`
	Truncated           bool       `json:"truncated"`
	Note                string     `json:"note"` // commentary
}

type factTarget struct {
	Kind        string   `json:"kind"`
	N           *float64 `json:"n"`
	Comparator  string   `json:"comparator"`
	Unit        string   `json:"unit"`
	Per         string   `json:"per"` // whole_period, year
	PeriodYears int      `json:"periodYears"`
	Recurring   bool     `json:"recurring"`
	Scope       string   `json:"scope"` // the set the target reaches, in words
	Direction   string   `json:"direction"`
	Window      *struct {
		Label string `json:"label"`
		Note  string `json:"note"` // commentary
	} `json:"window"`
	Composition []string `json:"composition"`
	Note        string   `json:"note"` // commentary
}

// corpus is the transcription of one page: its documents, and their
// entities by id.
type corpus struct {
	name    string
	docs    []*promise.Document
	parties map[uuid.UUID]*promise.Party
	people  map[uuid.UUID]*promise.Person
	places  map[uuid.UUID]*promise.Place
	sources map[uuid.UUID]*promise.Source
	cps     []*promise.CitizenPromise
}

func TestFacts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "facts", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	seen := map[string]bool{}
	for _, path := range files {
		name := filepath.Base(path)
		seen[name] = true
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			docs, ok := transcriptions[name]
			require.True(t, ok, "%s has no transcription in this directory: add it to transcriptions", name)
			f := readFacts(t, path)
			c := load(t, name, docs)
			c.check(t, f)
		})
	}
	for name := range transcriptions {
		assert.True(t, seen[name], "transcriptions names %s, which is not in testdata/facts", name)
	}
	// With every page checked (no subtest filter), every documented gap
	// must have been met.
	if run := flag.Lookup("test.run"); !t.Failed() && (run == nil || !strings.Contains(run.Value.String(), "/")) {
		for key := range gaps {
			assert.True(t, gapsUsed[key], "gap %q no longer applies: remove it", key)
		}
	}
}

func readFacts(t *testing.T, path string) *factsFile {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields() // a kind of fact this test does not know fails it
	var f factsFile
	require.NoError(t, dec.Decode(&f), path)
	return &f
}

// load decodes and validates the transcription's files.
func load(t *testing.T, name string, files []string) *corpus {
	t.Helper()
	c := &corpus{name: name, parties: map[uuid.UUID]*promise.Party{}, people: map[uuid.UUID]*promise.Person{},
		places: map[uuid.UUID]*promise.Place{}, sources: map[uuid.UUID]*promise.Source{}}
	for _, file := range files {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		f, problems := schema.Decode(b, schema.Options{})
		require.False(t, problems.Invalid(), "%s: %v", file, problems)
		require.NotNil(t, f.Document, "%s is not a promise document", file)
		d := f.Document
		c.docs = append(c.docs, d)
		for i := range d.Parties {
			c.parties[d.Parties[i].ID] = &d.Parties[i]
		}
		for i := range d.People {
			c.people[d.People[i].ID] = &d.People[i]
		}
		for i := range d.Places {
			c.places[d.Places[i].ID] = &d.Places[i]
		}
		for i := range d.Sources {
			c.sources[d.Sources[i].ID] = &d.Sources[i]
		}
		for i := range d.CitizenPromises {
			c.cps = append(c.cps, &d.CitizenPromises[i])
		}
	}
	return c
}

func (c *corpus) check(t *testing.T, f *factsFile) {
	t.Run("sources", func(t *testing.T) {
		for _, u := range append([]string{f.Source}, f.AlsoSources...) {
			s := c.sourceAt(u)
			if assert.NotNil(t, s, "no source has the address %s", u) && u == f.Source && f.Published != "" {
				assert.Equal(t, f.Published, s.Published.String(), "published")
			}
		}
	})
	t.Run("kinds", func(t *testing.T) {
		for _, k := range f.Kind {
			switch k {
			case "agreement":
				assert.True(t, slices.ContainsFunc(c.docs, func(d *promise.Document) bool { return len(d.Agreements) > 0 }), "no agreement")
			case "citizen_promise":
				assert.NotEmpty(t, c.cps, "no citizen promise")
			default:
				t.Errorf("unknown kind %q", k)
			}
		}
	})
	t.Run("parties", func(t *testing.T) {
		var munis []uuid.UUID
		for _, m := range f.Municipalities {
			p := c.partyNamed(m)
			if assert.NotNil(t, p, "municipality %q", m) {
				assert.Equal(t, promise.Municipality, p.Kind, m)
				munis = append(munis, p.ID)
			}
		}
		if f.PoliceArea != "" {
			p := c.partyNamed(f.PoliceArea)
			if assert.NotNil(t, p, "police area %q", f.PoliceArea) {
				assert.Equal(t, promise.Police, p.Kind)
				assert.ElementsMatch(t, munis, p.ServesIDs, "the municipalities %s serves", f.PoliceArea)
			}
		}
		for _, o := range f.OtherParties {
			for _, n := range splitNames(o.Name) {
				p := c.partyNamed(n)
				switch {
				case o.Role == "signatory":
					if assert.NotNil(t, p, "signing party %q", n) {
						assert.True(t, c.inSomeAgreement(p.ID), "%q is in no agreement's partyIds", n)
					}
				case p == nil:
					assert.True(t, c.inOtherPartners(n), "%q is neither a party nor a partner in words", n)
				}
			}
		}
	})
	if f.Agreement != nil {
		t.Run("agreement", func(t *testing.T) { c.checkAgreement(t, f.Agreement) })
	}
	cps := f.CitizenPromises
	if f.CitizenPromise != nil {
		cps = []factCP{*f.CitizenPromise}
	}
	byKey := map[string]*promise.CitizenPromise{}
	for i := range cps {
		fc := &cps[i]
		cp := c.citizenPromise(t, f, fc)
		if cp == nil {
			continue
		}
		byKey[fc.Key] = cp
		t.Run(strings.TrimSpace("citizen promise "+fc.Key), func(t *testing.T) { c.checkCP(t, f, fc, cp, byKey) })
	}
	proms := map[string]*promise.Promise{}
	promCP := map[string]*promise.CitizenPromise{}
	for _, fp := range f.Promises {
		cp := byKey[fp.CitizenPromise]
		require.NotNil(t, cp, "promise %s: citizen promise %q", fp.Key, fp.CitizenPromise)
		t.Run("promise "+fp.Key, func(t *testing.T) {
			p := findPromise(cp, fp.Text)
			if !assert.NotNil(t, p, "no promise has the text %q", fp.Text) {
				return
			}
			proms[fp.Key], promCP[fp.Key] = p, cp
			var want []uuid.UUID
			if _, ok := gaps[c.name+" "+fp.Key+" givenBy"]; ok {
				gap(t, c.name+" "+fp.Key+" givenBy")
				want = cp.PartyIDs
			} else {
				want = c.resolve(t, fp.GivenBy, cp.PartyIDs)
			}
			assert.ElementsMatch(t, want, p.GivenBy, "givenBy")
		})
	}
	for _, fa := range f.Activities {
		t.Run("activity "+fa.Key, func(t *testing.T) {
			var cp *promise.CitizenPromise
			for _, k := range fa.Promises {
				cp = promCP[k]
			}
			if !assert.NotNil(t, cp, "the activity's promises %v were not found", fa.Promises) {
				return
			}
			c.checkActivity(t, fa, cp, proms)
		})
	}
}

func (c *corpus) checkAgreement(t *testing.T, fa *factAgree) {
	var a *promise.Agreement
	for _, d := range c.docs {
		for i := range d.Agreements {
			if fa.Name == "" || strings.EqualFold(d.Agreements[i].Title.String(), fa.Name) {
				require.Nil(t, a, "more than one agreement could be %q", fa.Name)
				a = &d.Agreements[i]
			}
		}
	}
	require.NotNil(t, a, "no agreement %q", fa.Name)
	if fa.Parties != nil {
		assert.ElementsMatch(t, c.resolve(t, fa.Parties, a.PartyIDs), a.PartyIDs, "partyIds")
	}
	assert.Equal(t, fa.Signed, a.Signed.String(), "signed")
	if fa.Period == nil || (fa.Period.Start == nil && fa.Period.End == nil && !fa.Period.OpenEnded) {
		// "No dates in text", "not stated": the agreement has no period,
		// or one whose bounds are both unknown.
		assert.True(t, a.Period.IsZero() || (a.Period.StartUnknown() && a.Period.EndUnknown()), "period %v", a.Period)
	} else {
		checkPeriod(t, *fa.Period, a.Period)
	}
	for _, fp := range fa.People {
		p := c.personNamed(fp.Name)
		if !assert.NotNil(t, p, "person %q", fp.Name) {
			continue
		}
		c.checkPerson(t, fp, p, a.PartyIDs)
		assert.True(t, slices.ContainsFunc(a.People, func(i promise.Involvement) bool { return i.PersonID == p.ID }), "%s is not among the agreement's people", fp.Name)
	}
	var themes []string
	for _, id := range a.ThemeIDs {
		for _, d := range c.docs {
			for _, th := range d.Themes {
				if th.ID == id {
					themes = append(themes, th.Title.String())
				}
			}
		}
	}
	for _, fa := range fa.FocusAreas {
		assert.True(t, slices.ContainsFunc(themes, func(s string) bool { return similar(fa, s) == 1 }), "focus area %q is none of the agreement's themes %q", fa, themes)
	}
	if len(fa.Basis) > 0 {
		gap(t, c.name+" agreement basis")
		var texts []string
		for _, cp := range c.cps {
			texts = append(texts, basisTexts(cp)...)
		}
		for _, b := range fa.Basis {
			assert.GreaterOrEqual(t, similar(b, texts...), 0.8, "basis %q in %q", b, texts)
		}
	}
	if fa.Organisation != "" {
		assert.NotEmpty(t, a.Bodies, "the organisation has no body")
		texts := []string{a.Summary.String()}
		for _, b := range a.Bodies {
			texts = append(texts, b.Name.String(), b.Description.String())
		}
		assert.GreaterOrEqual(t, similar(fa.Organisation, texts...), 0.8, "organisation %q in the agreement's summary and bodies %q", fa.Organisation, texts)
	}
	if fa.Lineage != "" {
		var texts []string
		for _, l := range a.Lineage {
			texts = append(texts, l.Title.String(), l.Note.String())
		}
		assert.GreaterOrEqual(t, similar(fa.Lineage, texts...), 0.8, "lineage %q in %q", fa.Lineage, texts)
	}
}

// citizenPromise finds the transcription of a citizen promise: the one
// whose sources include the page's section, or the only one there is.
func (c *corpus) citizenPromise(t *testing.T, f *factsFile, fc *factCP) *promise.CitizenPromise {
	t.Helper()
	if fc.SourceSection == "" {
		require.Len(t, c.cps, 1, "which citizen promise is the page's?")
		return c.cps[0]
	}
	// "[1]" is the source, "[2]" the first of alsoSources, and so on.
	n, err := strconv.Atoi(strings.Trim(fc.SourceSection, "[]"))
	require.NoError(t, err, fc.SourceSection)
	urls := append([]string{f.Source}, f.AlsoSources...)
	require.True(t, n >= 1 && n <= len(urls), fc.SourceSection)
	url := urls[n-1]
	s := c.sourceAt(url)
	require.NotNil(t, s, "no source has the address %s", url)
	var found *promise.CitizenPromise
	for _, cp := range c.cps {
		if slices.Contains(cp.SourceIDs, s.ID) {
			require.Nil(t, found, "two citizen promises come from %s", url)
			found = cp
		}
	}
	assert.NotNil(t, found, "no citizen promise comes from %s", url)
	return found
}

func (c *corpus) checkCP(t *testing.T, f *factsFile, fc *factCP, cp *promise.CitizenPromise, byKey map[string]*promise.CitizenPromise) {
	assert.ElementsMatch(t, c.resolve(t, fc.GivenBy, cp.PartyIDs), cp.PartyIDs, "partyIds")
	checkPeriod(t, fc.Period, cp.Period)
	if fc.Period.LengthYears == 3 {
		// "under en treårsperiod", in the period's label or, where the
		// heading says otherwise ("2024 och tillsvidare"), the summary.
		assert.True(t, strings.Contains(cp.Period.Label.String(), "treårsperiod") || strings.Contains(cp.Summary.String(), "treårsperiod"), "three years")
	}
	assert.Equal(t, fc.Signed, cp.Signed.String(), "signed")
	assert.Equal(t, fc.SignedPlace, cp.SignedAt, "signedAt")
	assert.Len(t, cp.Signatories, len(fc.Signatories), "signatories")
	for _, fs := range fc.Signatories {
		i := slices.IndexFunc(cp.Signatories, func(s promise.Signatory) bool { return s.Name == fs.Name })
		if !assert.GreaterOrEqual(t, i, 0, "signatory %q", fs.Name) {
			continue
		}
		s := cp.Signatories[i]
		title, acting := actingTitle(fs.Title)
		assert.True(t, strings.EqualFold(title, s.Role.String()), "%s signed as %q, want %q", fs.Name, s.Role.String(), title)
		assert.Equal(t, acting, s.Acting, "%s acting", fs.Name)
		assert.ElementsMatch(t, c.resolve(t, []string{fs.Org}, cp.PartyIDs), []uuid.UUID{s.PartyID}, "%s signed for", fs.Name)
		if p := c.people[s.PersonID]; assert.NotNil(t, p, "%s is not among the document's people", fs.Name) {
			c.checkPerson(t, fs, p, cp.PartyIDs)
		}
	}
	if len(fc.PresentAtSigning) > 0 {
		gap(t, c.name+" presentAtSigning")
	}
	for _, fp := range fc.PresentAtSigning {
		p := c.personNamed(fp.Name)
		if !assert.NotNil(t, p, "person %q", fp.Name) {
			continue
		}
		c.checkPerson(t, fp, p, cp.PartyIDs)
		i := slices.IndexFunc(cp.People, func(i promise.Involvement) bool { return i.PersonID == p.ID })
		if assert.GreaterOrEqual(t, i, 0, "%s is not among the citizen promise's people", fp.Name) {
			assert.Contains(t, cp.People[i].Roles, promise.Pictured, fp.Name)
		}
	}
	texts := basisTexts(cp)
	for _, b := range fc.Basis {
		assert.GreaterOrEqual(t, similar(b, texts...), 0.8, "basis %q in %q", b, texts)
	}
	if len(fc.Themes) > 0 {
		gap(t, "themes")
		texts := []string{cp.Summary.String(), cp.Purpose.String()}
		for _, p := range cp.Promises {
			texts = append(texts, p.Text.String())
		}
		for _, x := range cp.Context {
			texts = append(texts, x.Name.String(), x.Description.String())
		}
		texts = append(texts, basisTexts(cp)...)
		for _, th := range fc.Themes {
			assert.GreaterOrEqual(t, similar(th, texts...), 0.8, "theme %q", th)
		}
	}
	if fc.LegalReference != "" {
		gap(t, c.name+" legalReference")
		assert.Contains(t, cp.Summary.String(), fc.LegalReference)
	}
	if fc.Lineage != "" {
		// "Follows CP1 on the same polisen.se section (different URL)."
		prev := byKey["CP1"]
		require.NotNil(t, prev)
		src := c.sourceAt(f.Source)
		require.NotNil(t, src)
		i := slices.IndexFunc(cp.Lineage, func(l promise.Lineage) bool {
			return l.Relation == promise.Renews && l.ID == prev.ID && l.URL == src.URL
		})
		assert.GreaterOrEqual(t, i, 0, "no lineage renews %s at %s", prev.ID, src.URL)
	}
	if f.TextComplete != nil && !*f.TextComplete {
		assert.True(t, len(cp.Incomplete) > 0 || len(cp.NotStated) > 0, "the page is cut off, but the citizen promise says nothing is missing")
	}
}

func (c *corpus) checkActivity(t *testing.T, fa factAct, cp *promise.CitizenPromise, proms map[string]*promise.Promise) {
	i := slices.IndexFunc(cp.Activities, func(a promise.Activity) bool { return sameText(fa.Text, a.Text, a.Wordings) })
	if !assert.GreaterOrEqual(t, i, 0, "no activity has the text %q", fa.Text) {
		return
	}
	a := &cp.Activities[i]
	var want []uuid.UUID
	for _, k := range fa.Promises {
		if p := proms[k]; assert.NotNil(t, p, "promise %s", k) {
			want = append(want, p.ID)
		}
	}
	assert.ElementsMatch(t, want, a.PromiseIDs, "promiseIds")
	switch {
	case fa.Lead != "":
		assert.ElementsMatch(t, c.resolve(t, []string{fa.Lead}, cp.PartyIDs), a.LeadIDs, "leadIds")
	case fa.LeadNote != "":
		assert.Empty(t, a.LeadIDs, "leadIds")
		assert.Contains(t, a.NotStated, promise.LeadsField, "the lead is not stated")
	}
	for _, p := range fa.Partners {
		if ids, ok := c.tryResolve(p, cp.PartyIDs); ok {
			for _, id := range ids {
				assert.Contains(t, a.PartnerIDs, id, "partner %q", p)
			}
			continue
		}
		var words []string
		for _, o := range a.OtherPartners {
			words = append(words, o.String())
		}
		assert.True(t, slices.ContainsFunc(words, func(w string) bool { return similar(p, w) == 1 }), "partner %q is not among %q", p, words)
	}
	var places []string
	for _, id := range a.PlaceIDs {
		if p := c.places[id]; assert.NotNil(t, p) {
			places = append(places, p.Name.String())
		}
	}
	for _, p := range fa.Places {
		assert.True(t, slices.ContainsFunc(places, func(s string) bool { return similar(p, s) == 1 }), "place %q is not among %q", p, places)
	}
	if fa.Truncated {
		assert.True(t, strings.HasSuffix(a.Text.String(), "[…]"), "the cut is not marked: %q", a.Text.String())
		assert.Contains(t, cp.Incomplete, promise.ActivitiesField, "the activities are cut off")
	}
	if !assert.Len(t, a.Targets, 1, "targets") {
		return
	}
	c.checkTarget(t, fa, a, &a.Targets[0], places)
}

func (c *corpus) checkTarget(t *testing.T, fa factAct, a *promise.Activity, tg *promise.Target, places []string) {
	ft := fa.Target
	unit := func() {
		if ft.Unit != "" {
			assert.Equal(t, 1.0, similar(ft.Unit, tg.Unit.String()), "unit %q, want %q", tg.Unit.String(), ft.Unit)
		}
	}
	scope := func() {
		switch ft.Per {
		case "whole_period":
			assert.Equal(t, promise.WholePeriod, tg.Scope, "scope")
		case "year":
			assert.Equal(t, promise.EachYear, tg.Scope, "scope")
		case "":
		default:
			t.Errorf("unknown per %q", ft.Per)
		}
	}
	switch ft.Kind {
	case "count":
		if ft.N == nil {
			gap(t, c.name+" "+fa.Key+" count")
			assert.Equal(t, promise.Unmeasurable, tg.Kind, "kind")
			assert.Contains(t, strings.ToLower(tg.Description.String()), "ett antal")
			break
		}
		assert.Equal(t, promise.Count, tg.Kind, "kind")
		if assert.NotNil(t, tg.Value, "value") {
			assert.Equal(t, *ft.N, *tg.Value, "value")
		}
		switch ft.Comparator {
		case "at_least":
			assert.Equal(t, promise.AtLeast, tg.Comparison, "comparison")
		case "exactly", "":
			assert.Equal(t, promise.Exactly, tg.Comparison, "comparison")
		default:
			t.Errorf("unknown comparator %q", ft.Comparator)
		}
		unit()
		scope()
	case "milestone":
		assert.Equal(t, promise.Milestone, tg.Kind, "kind")
		scope()
		if ft.Unit != "" {
			gap(t, c.name+" "+fa.Key+" unit")
			assert.GreaterOrEqual(t, similar(ft.Unit, tg.Description.String()), 1.0, "the unit %q in the description %q", ft.Unit, tg.Description.String())
		}
	case "coverage":
		assert.Equal(t, promise.Coverage, tg.Kind, "kind")
		unit()
		scope()
	case "continuous":
		assert.Equal(t, promise.Continuous, tg.Kind, "kind")
	case "none":
		switch ft.Direction {
		case "up":
			assert.Equal(t, promise.Indicator, tg.Kind, "kind")
			assert.Equal(t, promise.Increase, tg.Direction, "direction")
			assert.Nil(t, tg.Value, "a direction-only indicator has no value")
		case "":
			assert.Equal(t, promise.Unmeasurable, tg.Kind, "kind")
		default:
			t.Errorf("unknown direction %q", ft.Direction)
		}
	default:
		t.Errorf("unknown target kind %q", ft.Kind)
	}
	if ft.Scope != "" {
		// The set the target reaches: where the activity happens, or the
		// target's unit.
		assert.GreaterOrEqual(t, similar(ft.Scope, append(places, tg.Unit.String())...), 0.8, "scope %q in %q and %q", ft.Scope, places, tg.Unit.String())
	}
	if ft.Window != nil {
		if assert.NotNil(t, a.Window, "window") {
			assert.Equal(t, ft.Window.Label, a.Window.Label.String(), "window label")
		}
	}
	if len(ft.Composition) > 0 {
		gap(t, c.name+" "+fa.Key+" composition")
		for _, x := range ft.Composition {
			assert.Contains(t, a.Text.String(), x)
		}
	}
}

func checkPeriod(t *testing.T, fp factPeriod, p promise.Period) {
	t.Helper()
	if fp.Start != nil {
		assert.Equal(t, *fp.Start, p.Start.String(), "period start")
	} else {
		assert.True(t, p.StartUnknown(), "the period's start is not stated, but %v", p)
	}
	switch {
	case fp.OpenEnded:
		assert.True(t, p.Open(), "the period is open, but %v", p)
	case fp.End != nil:
		assert.Equal(t, *fp.End, p.End.String(), "period end")
	default:
		assert.True(t, p.EndUnknown(), "the period's end is not stated, but %v", p)
	}
}

// checkPerson checks a person's title and party.
func (c *corpus) checkPerson(t *testing.T, fp factPerson, p *promise.Person, ctx []uuid.UUID) {
	t.Helper()
	assert.True(t, strings.EqualFold(fp.Title, p.Title.String()), "%s's title %q, want %q", fp.Name, p.Title.String(), fp.Title)
	if fp.Org != "" {
		assert.ElementsMatch(t, c.resolve(t, []string{fp.Org}, ctx), []uuid.UUID{p.PartyID}, "%s's party", fp.Name)
	}
}

// actingTitle splits "tf. kommundirektör" into the role and acting.
func actingTitle(s string) (string, bool) {
	for _, p := range []string{"tf. ", "t.f. ", "T.f. ", "Tf. "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}

func basisTexts(cp *promise.CitizenPromise) []string {
	var texts []string
	for _, b := range cp.Basis {
		texts = append(texts, b.Description.String())
		for _, m := range b.Measurements {
			texts = append(texts, m.Description.String(), m.Unit.String())
		}
	}
	return texts
}

// resolve returns the parties that names (each possibly "A och B") name,
// among all parties of the transcription; ctx are the parties of what the
// names appear in, for "kommunen", "kommunerna" and "polisen".
func (c *corpus) resolve(t *testing.T, names []string, ctx []uuid.UUID) []uuid.UUID {
	t.Helper()
	var out []uuid.UUID
	for _, list := range names {
		for _, n := range splitNames(list) {
			ids, ok := c.tryResolve(n, ctx)
			if assert.True(t, ok, "no party is %q", n) {
				out = append(out, ids...)
			}
		}
	}
	return out
}

func (c *corpus) tryResolve(name string, ctx []uuid.UUID) ([]uuid.UUID, bool) {
	of := func(k promise.PartyKind) []uuid.UUID {
		var ids []uuid.UUID
		for _, id := range ctx {
			if p := c.parties[id]; p != nil && p.Kind == k {
				ids = append(ids, id)
			}
		}
		return ids
	}
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "kommunen", "kommun":
		ids := of(promise.Municipality)
		return ids, len(ids) == 1
	case "kommunerna":
		ids := of(promise.Municipality)
		return ids, len(ids) > 1
	case "polisen", "polis":
		ids := of(promise.Police)
		return ids, len(ids) == 1
	}
	if p := c.partyNamed(name); p != nil {
		return []uuid.UUID{p.ID}, true
	}
	return nil, false
}

var parenthesis = regexp.MustCompile(`\s*\([^)]*\)`)

// splitNames splits "A, B och C (gemensamt)" into A, B and C.
func splitNames(s string) []string {
	s = parenthesis.ReplaceAllString(s, "")
	var out []string
	for _, part := range strings.Split(s, ",") {
		for _, n := range strings.Split(part, " och ") {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// partyNamed returns the party whose name, short name or alias is name.
func (c *corpus) partyNamed(name string) *promise.Party {
	for _, d := range c.docs {
		for i := range d.Parties {
			p := &d.Parties[i]
			names := []string{p.Name.String(), p.ShortName.String()}
			for _, a := range p.Aliases {
				names = append(names, a.Name)
			}
			if slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, name) }) {
				return p
			}
		}
	}
	return nil
}

func (c *corpus) personNamed(name string) *promise.Person {
	for _, p := range c.people {
		if p.Name == name {
			return p
		}
	}
	return nil
}

func (c *corpus) sourceAt(url string) *promise.Source {
	for _, s := range c.sources {
		if s.URL == url {
			return s
		}
	}
	return nil
}

func (c *corpus) inSomeAgreement(id uuid.UUID) bool {
	for _, d := range c.docs {
		for _, a := range d.Agreements {
			if slices.Contains(a.PartyIDs, id) {
				return true
			}
		}
	}
	return false
}

func (c *corpus) inOtherPartners(name string) bool {
	for _, cp := range c.cps {
		for _, a := range cp.Activities {
			for _, o := range a.OtherPartners {
				if similar(name, o.String()) == 1 {
					return true
				}
			}
		}
	}
	return false
}

func findPromise(cp *promise.CitizenPromise, text string) *promise.Promise {
	for i := range cp.Promises {
		if sameText(text, cp.Promises[i].Text, cp.Promises[i].Wordings) {
			return &cp.Promises[i]
		}
	}
	return nil
}

// sameText says whether the extract's text is the text, or one of the
// wordings, once both are normalised: lower case, the extract's markers
// of cut and omitted text ("[list]", "[v ...]", "[…]") removed, dashes
// and spaces unified, and a final colon or full stop dropped.
func sameText(extract string, text promise.Text, wordings []promise.Wording) bool {
	want := normalise(extract)
	if normalise(text.String()) == want {
		return true
	}
	return slices.ContainsFunc(wordings, func(w promise.Wording) bool { return normalise(w.Text.String()) == want })
}

var (
	bracketed = regexp.MustCompile(`\[[^\]]*\]`)
	spaces    = regexp.MustCompile(`\s+`)
)

func normalise(s string) string {
	s = bracketed.ReplaceAllString(s, "")
	s = strings.NewReplacer("…", "", "–", "-", "—", "-", "\u00a0", " ").Replace(s)
	s = spaces.ReplaceAllString(strings.ToLower(s), " ")
	return strings.TrimRight(strings.TrimSpace(s), ".: ")
}

// stop are the words similar does not count.
var stop = map[string]bool{"och": true, "att": true, "för": true, "med": true, "mot": true, "den": true, "det": true,
	"som": true, "till": true, "på": true, "om": true, "en": true, "ett": true, "de": true, "vid": true, "av": true,
	"i": true, "samt": true, "eller": true, "under": true, "the": true, "not": true, "named": true}

// similar returns the share of fact's words that appear in texts, a word
// counting as present when a word of texts begins with it, or it begins
// with a word of texts of five letters or more (Swedish inflects by
// ending: "tillfälle" is in "tillfällen", "lokala lägesbilden" in "lokal
// lägesbild"). Words in parentheses are the extractor's remarks and are
// left out. It is 0 for a fact without words.
func similar(fact string, texts ...string) float64 {
	want := words(parenthesis.ReplaceAllString(fact, ""))
	if len(want) == 0 {
		return 0
	}
	var have []string
	for _, s := range texts {
		have = append(have, words(s)...)
	}
	n := 0
	for _, w := range want {
		if slices.ContainsFunc(have, func(h string) bool {
			return strings.HasPrefix(h, w) || (len([]rune(h)) >= 5 && strings.HasPrefix(w, h))
		}) {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !stop[w] {
			out = append(out, w)
		}
	}
	return out
}
