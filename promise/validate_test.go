package promise

import (
	"errors"
	"fmt"
	"regexp"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func id(n int) ID { return ID(uuid.MustParse(fmt.Sprintf("0193a1c2-7d4e-7f00-8a3b-%012d", n))) }

func f(x float64) *float64 { return &x }

// valid returns a small valid document; each test case breaks one thing.
func valid() *Document {
	return &Document{
		Schema:        "https://medborgarlofte.se/schema/1/promise-document.schema.json",
		SchemaVersion: "1.0",
		ID:            id(1),
		Parties: []Party{
			{ID: id(2), Kind: Municipality, Name: Text{"sv": "Strängnäs kommun"}, Identifiers: Identifiers{Kommunkod: "0486"}},
			{ID: id(3), Kind: Police, Name: Text{"sv": "LPO Eskilstuna/Strängnäs"}, ParentID: id(9)},
			{ID: id(9), Kind: Police, Name: Text{"sv": "Polisregion Öst"}},
		},
		Places:  []Place{{ID: id(4), Kind: PlaceSite, Name: Text{"sv": "Läggesta station"}}},
		Themes:  []Theme{{ID: id(5), Title: Text{"sv": "Trygg trafikmiljö"}}},
		Sources: []Source{{ID: id(6), Kind: WebPage, Title: Text{"sv": "Samverkan"}, URL: "https://www.strangnas.se/"}},
		Agreements: []Agreement{{
			ID: id(7), Title: Text{"sv": "Samverkansöverenskommelse 2019–2022"},
			Period:   Period{Start: MustParseDate("2019-01-01"), End: MustParseDate("2022-12-31")},
			PartyIDs: []ID{id(2), id(3)},
		}},
		CitizenPromises: []CitizenPromise{{
			ID: id(10), AgreementID: id(7), Title: Text{"sv": "Medborgarlöfte 2019"},
			Period:      Period{Start: MustParseDate("2019-01-01"), End: MustParseDate("2019-12-31")},
			PartyIDs:    []ID{id(2), id(3)},
			Signatories: []Signatory{{PartyID: id(2), Name: "Lars Ekström"}},
			Basis:       []Basis{{ID: id(14), Kind: CitizenDialogue, Description: Text{"sv": "Medborgardialoger 2018"}}},
			Promises: []Promise{{
				ID: id(11), Text: Text{"sv": "Polisen lovar …"}, GivenBy: []ID{id(3)},
				ThemeIDs: []ID{id(5)}, BasisIDs: []ID{id(14)},
			}},
			Activities: []Activity{{
				ID: id(12), Text: Text{"sv": "Minst fyra trygghetsvandringar"},
				PromiseIDs: []ID{id(11)}, LeadIDs: []ID{id(2)}, PartnerIDs: []ID{id(3)},
				PlaceIDs: []ID{id(4)},
				Targets: []Target{
					{ID: id(13), Kind: Count, Comparison: AtLeast, Value: f(4), Unit: Text{"sv": "vandringar"}},
					{ID: id(15), Kind: Indicator, Value: f(80), Direction: Increase, Baseline: &Measurement{Value: 72, Date: MustParseDate("2018-10-01")}},
					{ID: id(16), Kind: Milestone, Due: MustParseDate("2019-06-30")},
					{ID: id(17), Kind: Recurring, Value: f(1), Every: Monthly},
					{ID: id(18), Kind: Coverage, PlaceIDs: []ID{id(4)}},
				},
			}},
		}},
	}
}

func TestValidateValid(t *testing.T) {
	assert.NoError(t, valid().Validate())
}

// TestValidateFormat11 checks that what format 1.1 adds validates when it
// is used as meant: facts as precise and as silent as the source.
func TestValidateFormat11(t *testing.T) {
	d := valid()
	d.SchemaVersion = "1.1"
	d.People = []Person{{ID: id(30), Name: "Lars Ekström", PartyID: id(2), Title: Text{"sv": "Kommundirektör"},
		Aliases: []Alias{{Name: "Lars Ekstrom", Kind: Spelling, SourceIDs: []ID{id(6)}}}}}
	d.Parties[1].Aliases = []Alias{{Name: "Närpolisområde Strängnäs", Kind: FormerName}}
	d.Parties[1].ServesIDs = []ID{id(2)}
	a := &d.Agreements[0]
	a.Period = Period{Start: MustParseDate("2016-12"), NotStated: []string{EndBound}}
	a.LegalBasis = []LegalBasis{{Title: Text{"sv": "Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete"}, SFS: "2023:196"}}
	a.Duties = []Duty{{PartyID: id(2), Text: Text{"sv": "Ta fram en lägesbild"}, LegalBasis: "2023:196"}}
	a.Bodies = []Body{{ID: id(31), Kind: CrimePreventionCouncil, Name: Text{"sv": "Brå"}, PartyIDs: []ID{id(2), id(3)}}}
	d.ActionPlans = []ActionPlan{{ID: id(40), AgreementID: id(7), Title: Text{"sv": "Åtgärdsplan 2019"},
		Period: Period{Start: MustParseDate("2019"), End: MustParseDate("2019")}, PartyIDs: []ID{id(2)},
		Activities: []Activity{{ID: id(41), Text: Text{"sv": "Trafikkontroller"}, NotStated: []string{LeadsField},
			Targets: []Target{{ID: id(42), Kind: Rate, Value: f(1), Every: Daily, Unit: Text{"sv": "trafikkontroller"}}}}}}}
	c := &d.CitizenPromises[0]
	c.ActionPlanID = id(40)
	c.Signed = MustParseDate("2019-02")
	c.Signatories[0].PersonID, c.Signatories[0].Acting = id(30), true
	c.People = []Involvement{{PersonID: id(30), Roles: []PersonRole{Pictured, Quoted}, Quote: Text{"sv": "Vi lovar."}}}
	c.Context = []ContextItem{{Kind: Method, Name: Text{"sv": "EST"}}}
	c.Basis[0].Measurements = []Measurement{{Value: 92, Qualifier: AboutQualifier, Unit: Text{"sv": "procent trygga"}, Date: MustParseDate("2018"), PlaceID: id(4)}}
	c.Incomplete = []string{ActivitiesField}
	c.Activities[0].OtherPartners = []Text{{"sv": "andra myndigheter"}}
	c.Activities[0].LeadsBySource = []SourcedLead{{LeadIDs: []ID{id(3)}, SourceIDs: []ID{id(6)}}}
	c.Activities[0].Targets = append(c.Activities[0].Targets,
		Target{ID: id(19), Kind: Indicator, Direction: Decrease, Unit: Text{"sv": "trafikolyckor"}},
		Target{ID: id(22), Kind: Coverage, Unit: Text{"sv": "skolor"}})
	c.Promises[0].Wordings = []Wording{{Text: Text{"sv": "Polisen lovar att …"}, SourceIDs: []ID{id(6)}}}
	c.Lineage = []Lineage{{Relation: SucceededBy, URL: "https://www.strangnas.se/medborgarlofte-2020", Unchanged: true}}
	assert.NoError(t, d.Validate())

	// A citizen promise whose source gives no promises says so.
	c.Promises, c.NotStated = nil, []string{PromisesField}
	c.Activities[0].PromiseIDs = nil
	assert.NoError(t, d.Validate())
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		break_  func(d *Document)
		code    Code
		pointer string
	}{
		{"unsupported version", func(d *Document) { d.SchemaVersion = "2.0" }, CodeSchemaVersion, "/schemaVersion"},
		{"missing id", func(d *Document) { d.Places[0].ID = nilID }, CodeMissing, "/places/0/id"},
		{"duplicate id", func(d *Document) { d.Themes[0].ID = id(4) }, CodeDuplicateID, "/themes/0/id"},
		{"duplicate id of a target", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[1].ID = id(11) }, CodeDuplicateID, "/citizenPromises/0/activities/0/targets/1/id"},
		{"nil UUID in a reference list", func(d *Document) { d.CitizenPromises[0].PartyIDs[1] = nilID }, CodeDanglingRef, "/citizenPromises/0/partyIds/1"},
		{"nil UUID as id", func(d *Document) { d.CitizenPromises[0].ID = nilID }, CodeMissing, "/citizenPromises/0/id"},
		{"dangling reference", func(d *Document) { d.CitizenPromises[0].Promises[0].ThemeIDs[0] = id(99) }, CodeDanglingRef, "/citizenPromises/0/promises/0/themeIds/0"},
		{"reference to the wrong kind", func(d *Document) { d.CitizenPromises[0].Activities[0].PlaceIDs[0] = id(5) }, CodeDanglingRef, "/citizenPromises/0/activities/0/placeIds/0"},
		{"reference listed twice", func(d *Document) {
			a := &d.CitizenPromises[0].Activities[0]
			a.PartnerIDs = append(a.PartnerIDs, id(3))
		}, CodeDuplicateRef, "/citizenPromises/0/activities/0/partnerIds/1"},
		{"agreement that is not there", func(d *Document) { d.CitizenPromises[0].AgreementID = id(98) }, CodeDanglingRef, "/citizenPromises/0/agreementId"},
		{"blank text", func(d *Document) { d.Parties[0].Name = Text{"sv": " "} }, CodeMissing, "/parties/0/name"},
		{"bad language key", func(d *Document) { d.Themes[0].Title["Svenska"] = "x" }, CodeBadLanguage, "/themes/0/title/Svenska"},
		{"end before start", func(d *Document) { d.Agreements[0].Period.End = MustParseDate("2018-12-31") }, CodeDateOrder, "/agreements/0/period/end"},
		{"period of more than a hundred years", func(d *Document) { d.Agreements[0].Period.End = MustParseDate("9999-12-31") }, CodeBadValue, "/agreements/0/period/end"},
		{"report due more than a year after its period", func(d *Document) { d.CitizenPromises[0].Reporting = &Reporting{DueDays: 1000} }, CodeBadValue, "/citizenPromises/0/reporting/dueDays"},
		{"missing start", func(d *Document) { d.CitizenPromises[0].Period.Start = Date{} }, CodeMissing, "/citizenPromises/0/period/start"},
		{"window outside the period", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Window = &Period{Start: MustParseDate("2019-09-01"), End: MustParseDate("2020-01-31")}
		}, CodeOutsidePeriod, "/citizenPromises/0/activities/0/window"},
		{"milestone due outside the window", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Targets[2].Due = MustParseDate("2020-06-30")
		}, CodeOutsidePeriod, "/citizenPromises/0/activities/0/targets/2/due"},
		{"count of zero", func(d *Document) { *d.CitizenPromises[0].Activities[0].Targets[0].Value = 0 }, CodeTargetValue, "/citizenPromises/0/activities/0/targets/0/value"},
		{"fractional count", func(d *Document) { *d.CitizenPromises[0].Activities[0].Targets[0].Value = 2.5 }, CodeTargetValue, "/citizenPromises/0/activities/0/targets/0/value"},
		{"count without value", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[0].Value = nil }, CodeMissing, "/citizenPromises/0/activities/0/targets/0/value"},
		{"baseline equals target", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[1].Baseline.Value = 80 }, CodeTargetValue, "/citizenPromises/0/activities/0/targets/1/value"},
		{"indicator against its direction", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[1].Direction = Decrease }, CodeTargetValue, "/citizenPromises/0/activities/0/targets/1/value"},
		{"field that does not apply", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[0].Every = Weekly }, CodeNotApplicable, "/citizenPromises/0/activities/0/targets/0/every"},
		{"recurring without interval", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[3].Every = "" }, CodeMissing, "/citizenPromises/0/activities/0/targets/3/every"},
		{"coverage of nothing", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[4].PlaceIDs = nil }, CodeMissing, "/citizenPromises/0/activities/0/targets/4"},
		{"split over the target", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Targets[0].Split = []Share{{PlaceID: id(4), Value: 5}}
		}, CodeTargetValue, "/citizenPromises/0/activities/0/targets/0/split"},
		{"unknown target kind", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[0].Kind = "lots" }, CodeBadValue, "/citizenPromises/0/activities/0/targets/0/kind"},
		{"promise given by no party of its citizen promise", func(d *Document) {
			d.CitizenPromises[0].Promises[0].GivenBy = []ID{id(9)}
		}, CodeNotAParty, "/citizenPromises/0/promises/0/givenBy"},
		{"promise given by nobody", func(d *Document) { d.CitizenPromises[0].Promises[0].GivenBy = nil }, CodeEmptyCollection, "/citizenPromises/0/promises/0/givenBy"},
		{"activity without lead", func(d *Document) { d.CitizenPromises[0].Activities[0].LeadIDs = nil }, CodeEmptyCollection, "/citizenPromises/0/activities/0/leadIds"},
		{"signatory for a party that did not sign", func(d *Document) { d.CitizenPromises[0].Signatories[0].PartyID = id(9) }, CodeSignatoryParty, "/citizenPromises/0/signatories/0/partyId"},
		{"parent cycle", func(d *Document) { d.Parties[2].ParentID = id(3) }, CodeCycle, "/parties/1/parentId"},
		{"javascript link", func(d *Document) { d.Sources[0].URL = "javascript:alert(1)" }, CodeBadLink, "/sources/0/url"},
		{"bad kommunkod", func(d *Document) { d.Parties[0].Identifiers.Kommunkod = "486" }, CodeBadIdentifier, "/parties/0/identifiers/kommunkod"},
		{"no parties", func(d *Document) { d.Parties = nil }, CodeEmptyCollection, "/parties"},
		{"thresholds out of order", func(d *Document) { d.CitizenPromises[0].Thresholds = &Thresholds{OnTrack: 0.5, AtRisk: 0.7} }, CodeBadValue, "/citizenPromises/0/thresholds"},
		{"reporting due before the period ends", func(d *Document) {
			d.CitizenPromises[0].Reporting = &Reporting{Periods: []ReportingPeriod{{
				Period: Period{Start: MustParseDate("2019-01-01"), End: MustParseDate("2019-04-30")}, Due: MustParseDate("2019-04-01"),
			}}}
		}, CodeDateOrder, "/citizenPromises/0/reporting/periods/0/due"},
		{"activity of another citizen promise", func(d *Document) {
			other := d.CitizenPromises[0]
			other.ID, other.Promises, other.Activities, other.Basis = id(20), []Promise{{ID: id(21), Text: Text{"sv": "x"}, GivenBy: []ID{id(2)}}}, nil, nil
			other.Lineage = []Lineage{{Relation: Renews, ID: id(10)}}
			d.CitizenPromises = append(d.CitizenPromises, other)
			d.CitizenPromises[0].Activities[0].PromiseIDs = []ID{id(21)}
		}, CodeDanglingRef, "/citizenPromises/0/activities/0/promiseIds/0"},
		{"lineage with neither id nor url", func(d *Document) { d.CitizenPromises[0].Lineage = []Lineage{{Relation: Renews}} }, CodeMissing, "/citizenPromises/0/lineage/0"},
		{"lineage to itself", func(d *Document) { d.CitizenPromises[0].Lineage = []Lineage{{Relation: Extends, ID: id(10)}} }, CodeDanglingRef, "/citizenPromises/0/lineage/0/id"},
		{"withdrawn without reason", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Withdrawn = &Withdrawal{Date: MustParseDate("2019-05-01")}
		}, CodeMissing, "/citizenPromises/0/activities/0/withdrawn/reason"},
		{"101 years to the day", func(d *Document) {
			d.Agreements[0].Period = Period{Start: MustParseDate("1900-01-01"), End: MustParseDate("2000-12-31")}
		}, CodeBadValue, "/agreements/0/period/end"},
		{"101 years by the month", func(d *Document) {
			d.Agreements[0].Period = Period{Start: MustParseDate("1900-01"), End: MustParseDate("2000-01")}
		}, CodeBadValue, "/agreements/0/period/end"},
		{"end month before start month", func(d *Document) {
			d.CitizenPromises[0].Period = Period{Start: MustParseDate("2019-03"), End: MustParseDate("2019-02")}
		}, CodeDateOrder, "/citizenPromises/0/period/end"},
		{"no start without saying so", func(d *Document) { d.CitizenPromises[0].Period = Period{End: MustParseDate("2019-12-31")} }, CodeMissing, "/citizenPromises/0/period/start"},
		{"end both given and not stated", func(d *Document) { d.CitizenPromises[0].Period.NotStated = []string{EndBound} }, CodeBadValue, "/citizenPromises/0/period/end"},
		{"unknown bound name", func(d *Document) { d.CitizenPromises[0].Period.NotStated = []string{"middle"} }, CodeBadValue, "/citizenPromises/0/period/notStated/0"},
		{"no promises without saying so", func(d *Document) { d.CitizenPromises[0].Promises = nil }, CodeEmptyCollection, "/citizenPromises/0/promises"},
		{"promises given and not stated", func(d *Document) { d.CitizenPromises[0].NotStated = []string{PromisesField} }, CodeBadValue, "/citizenPromises/0/promises"},
		{"lead given and not stated", func(d *Document) { d.CitizenPromises[0].Activities[0].NotStated = []string{LeadsField} }, CodeBadValue, "/citizenPromises/0/activities/0/leadIds"},
		{"incomplete list of nothing known", func(d *Document) { d.CitizenPromises[0].Incomplete = []string{"themes"} }, CodeBadValue, "/citizenPromises/0/incomplete/0"},
		{"signatory who is not a person", func(d *Document) { d.CitizenPromises[0].Signatories[0].PersonID = id(2) }, CodeDanglingRef, "/citizenPromises/0/signatories/0/personId"},
		{"involvement without roles", func(d *Document) {
			d.People = []Person{{ID: id(30), Name: "Lars Ekström", PartyID: id(2)}}
			d.CitizenPromises[0].People = []Involvement{{PersonID: id(30)}}
		}, CodeEmptyCollection, "/citizenPromises/0/people/0/roles"},
		{"unknown role", func(d *Document) {
			d.People = []Person{{ID: id(30), Name: "Lars Ekström", PartyID: id(2)}}
			d.CitizenPromises[0].People = []Involvement{{PersonID: id(30), Roles: []PersonRole{"signed"}}}
		}, CodeBadValue, "/citizenPromises/0/people/0/roles/0"},
		{"person of no party", func(d *Document) { d.People = []Person{{ID: id(30), Name: "Lars Ekström", PartyID: id(99)}} }, CodeDanglingRef, "/people/0/partyId"},
		{"person without name", func(d *Document) { d.People = []Person{{ID: id(30), Name: " "}} }, CodeMissing, "/people/0/name"},
		{"alias without name", func(d *Document) { d.Parties[1].Aliases = []Alias{{Kind: FormerName}} }, CodeMissing, "/parties/1/aliases/0/name"},
		{"police area serving a place", func(d *Document) { d.Parties[1].ServesIDs = []ID{id(4)} }, CodeDanglingRef, "/parties/1/servesIds/0"},
		{"duty of a party outside the agreement", func(d *Document) {
			d.Agreements[0].Duties = []Duty{{PartyID: id(9), Text: Text{"sv": "x"}}}
		}, CodeSignatoryParty, "/agreements/0/duties/0/partyId"},
		{"duty under a law the agreement does not name", func(d *Document) {
			d.Agreements[0].Duties = []Duty{{PartyID: id(2), Text: Text{"sv": "x"}, LegalBasis: "2023:196"}}
		}, CodeDanglingRef, "/agreements/0/duties/0/legalBasis"},
		{"body of an unknown kind", func(d *Document) {
			d.Agreements[0].Bodies = []Body{{ID: id(31), Kind: "club", Name: Text{"sv": "Brå"}}}
		}, CodeBadValue, "/agreements/0/bodies/0/kind"},
		{"action plan activity serving a promise", func(d *Document) {
			d.ActionPlans = []ActionPlan{{ID: id(40), AgreementID: id(7), Title: Text{"sv": "Åtgärdsplan 2019"},
				Period: Period{Start: MustParseDate("2019"), End: MustParseDate("2019")}, PartyIDs: []ID{id(2)},
				Activities: []Activity{{ID: id(41), Text: Text{"sv": "x"}, LeadIDs: []ID{id(2)}, PromiseIDs: []ID{id(11)}}}}}
		}, CodeNotApplicable, "/actionPlans/0/activities/0/promiseIds"},
		{"citizen promise part of no action plan", func(d *Document) { d.CitizenPromises[0].ActionPlanID = id(7) }, CodeDanglingRef, "/citizenPromises/0/actionPlanId"},
		{"agreement reference to nothing", func(d *Document) { d.CitizenPromises[0].AgreementRef = &Reference{} }, CodeMissing, "/citizenPromises/0/agreementRef"},
		{"agreement reference to a party", func(d *Document) { d.CitizenPromises[0].AgreementRef = &Reference{ID: id(2)} }, CodeDanglingRef, "/citizenPromises/0/agreementRef/id"},
		{"wording without source", func(d *Document) {
			d.CitizenPromises[0].Promises[0].Wordings = []Wording{{Text: Text{"sv": "Polisen lovar …"}}}
		}, CodeEmptyCollection, "/citizenPromises/0/promises/0/wordings/0/sourceIds"},
		{"lead by source of no party", func(d *Document) {
			d.CitizenPromises[0].Activities[0].LeadsBySource = []SourcedLead{{LeadIDs: []ID{id(6)}, SourceIDs: []ID{id(6)}}}
		}, CodeDanglingRef, "/citizenPromises/0/activities/0/leadsBySource/0/leadIds/0"},
		{"blank partner in words", func(d *Document) { d.CitizenPromises[0].Activities[0].OtherPartners = []Text{{"sv": ""}} }, CodeMissing, "/citizenPromises/0/activities/0/otherPartners/0"},
		{"context of an unknown kind", func(d *Document) {
			d.CitizenPromises[0].Context = []ContextItem{{Kind: "project", Name: Text{"sv": "EST"}}}
		}, CodeBadValue, "/citizenPromises/0/context/0/kind"},
		{"measurement of an unknown place", func(d *Document) {
			d.CitizenPromises[0].Basis[0].Measurements = []Measurement{{Value: 92, Date: MustParseDate("2018"), PlaceID: id(5)}}
		}, CodeDanglingRef, "/citizenPromises/0/basis/0/measurements/0/placeId"},
		{"rate of zero", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Targets[3] = Target{ID: id(17), Kind: Rate, Value: f(0), Every: Daily}
		}, CodeTargetValue, "/citizenPromises/0/activities/0/targets/3/value"},
		{"rate without interval", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Targets[3] = Target{ID: id(17), Kind: Rate, Value: f(1)}
		}, CodeMissing, "/citizenPromises/0/activities/0/targets/3/every"},
		{"indicator value without baseline", func(d *Document) { d.CitizenPromises[0].Activities[0].Targets[1].Baseline = nil }, CodeMissing, "/citizenPromises/0/activities/0/targets/1/baseline"},
		{"indicator without direction", func(d *Document) {
			d.CitizenPromises[0].Activities[0].Targets[1] = Target{ID: id(15), Kind: Indicator}
		}, CodeMissing, "/citizenPromises/0/activities/0/targets/1/direction"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := valid()
			tc.break_(d)
			err := d.Validate()
			require.Error(t, err)
			var vs Violations
			require.True(t, errors.As(err, &vs))
			for _, v := range vs {
				if v.Code == tc.code && v.Pointer == tc.pointer {
					assert.NotEmpty(t, v.Message["sv"])
					assert.NotEmpty(t, v.Message["en"])
					return
				}
			}
			t.Errorf("Validate() = %v, want %s at %s", err, tc.code, tc.pointer)
		})
	}
}

func ExampleDocument_Validate() {
	d := &Document{SchemaVersion: "1.0", ID: ID(uuid.MustParse("0193a1c2-7d4e-7f00-8a3b-000000000001"))}
	err := d.Validate()
	var vs Violations
	if errors.As(err, &vs) {
		for _, v := range vs {
			fmt.Printf("%s %s: %s\n", v.Code, v.Pointer, v.Message["en"])
		}
	}
	// Output:
	// empty /parties: parties is empty: it needs at least one entry
}

// The hand-written checks agree with the patterns of the JSON Schema.
func TestFormsMatchTheSchemaPatterns(t *testing.T) {
	lang := regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
	kod := regexp.MustCompile(`^[0-9]{4}$`)
	org := regexp.MustCompile(`^[0-9]{6}-[0-9]{4}$`)
	for _, s := range []string{
		"", "s", "sv", "swe", "svee", "sv-", "-sv", "sv-FI", "sv-fi-x", "sv--FI", "sv-123456789", "sv-12345678",
		"SV", "sv_FI", "sv-Ä", "en-GB-oxendict", "zh-Hant-TW", "0486", "486", "04860", "04a6", "212000-0308",
		"2120000308", "212000-030", "212000_0308", "a212000-0308", "212000-0308 ",
	} {
		assert.Equal(t, lang.MatchString(s), isLangTag(s), "isLangTag(%q)", s)
		assert.Equal(t, kod.MatchString(s), isKommunkod(s), "isKommunkod(%q)", s)
		assert.Equal(t, org.MatchString(s), isOrgnr(s), "isOrgnr(%q)", s)
	}
}

func FuzzLangTag(f *testing.F) {
	lang := regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
	for _, s := range []string{"sv", "sv-FI", "zh-Hant-TW", "x-", "sv--a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if lang.MatchString(s) != isLangTag(s) {
			t.Fatalf("isLangTag(%q) = %v, the pattern says %v", s, isLangTag(s), !isLangTag(s))
		}
	})
}

// TestValidateIsBounded: a document of a hundred thousand broken entities
// gets MaxViolations violations and one that counts the rest.
func TestValidateIsBounded(t *testing.T) {
	d := valid()
	for range 100000 {
		d.Places = append(d.Places, Place{})
	}
	var vs Violations
	require.ErrorAs(t, d.Validate(), &vs)
	require.Len(t, vs, MaxViolations+1)
	last := vs[len(vs)-1]
	assert.Equal(t, CodeTooMany, last.Code)
	assert.Contains(t, last.Message["en"], "more violations than the 1,000 shown")
}
