package promise

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Validate checks the document's invariants and returns every violation
// found as [Violations], or nil when there is none:
//
//   - every entity has an id, unique in the document;
//   - every reference resolves, to the right kind of entity (a promise's
//     themes are themes, an activity's promises belong to its own citizen
//     promise);
//   - required texts are not blank, and texts are keyed by language tags;
//   - periods start before they end and last at most [MaxPeriodYears];
//     a missing start is named in notStated; activity windows and
//     milestone due dates lie inside their citizen promise's (or action
//     plan's) period;
//   - what notStated names is not given, what it does not name is (a
//     citizen promise's promises, an activity's leads); people, aliases,
//     involvements, duties, bodies, context and measurements are
//     well-formed and refer to the right things;
//   - targets are well-formed for their kind (N > 0, a baseline that is
//     not the target, no field that does not apply);
//   - each promise is given by at least one party of its citizen promise,
//     and signatories sign for a party that stands behind what they sign;
//   - links are absolute http(s) URLs; parent chains do not loop;
//   - the schemaVersion is one this package reads.
//
// Validate does not check what the JSON Schema checks about the form of the
// JSON itself (unknown properties, types); package schema does both.
func (d *Document) Validate() error {
	v := validator{d: d, ids: make(map[ID]entity, 64)}
	v.document()
	if v.dropped > 0 {
		v.out = append(v.out, Violation{Code: CodeTooMany, Message: msg("promise.tooMany").text(MaxViolations, v.dropped), Count: v.dropped})
	}
	if len(v.out) == 0 {
		return nil
	}
	return v.out
}

// MaxViolations is the most violations [Document.Validate] lists; one more
// says how many more there are. Each costs a message in every language:
// a document of a million empty entities must not cost a gigabyte in a
// resident's browser.
const MaxViolations = 1000

type kind uint8

const (
	kParty kind = iota + 1
	kPlace
	kTheme
	kSource
	kAgreement
	kCitizenPromise
	kBasis
	kPromise
	kActivity
	kTarget
	kPerson
	kActionPlan
	kBody
)

// kindNames are the catalog keys of the names of each kind of entity.
var kindNames = [...]words.Key{
	0:               "entity.document",
	kParty:          "entity.party",
	kPlace:          "entity.place",
	kTheme:          "entity.theme",
	kSource:         "entity.source",
	kAgreement:      "entity.agreement",
	kCitizenPromise: "entity.citizenPromise",
	kBasis:          "entity.basis",
	kPromise:        "entity.promise",
	kActivity:       "entity.activity",
	kTarget:         "entity.target",
	kPerson:         "entity.person",
	kActionPlan:     "entity.actionPlan",
	kBody:           "entity.body",
}

type entity struct {
	kind kind
	cp   int // the container that holds it (see validator.cp), or -1
	i    int // index in its list
	ptr  string
}

type validator struct {
	d   *Document
	out Violations
	ids map[ID]entity
	// cp is the container being checked: the index of a citizen
	// promise, or len(CitizenPromises) plus the index of an action plan.
	cp int
	// dropped counts the violations past MaxViolations.
	dropped int
}

var (
	mNoID         = msg("promise.noID")
	mNilRef       = msg("promise.nilRef")
	mTooLong      = msg("promise.tooLong")
	mTooBig       = msg("promise.tooBig")
	mMissing      = msg("promise.missing")
	mBlank        = msg("promise.blank")
	mDupID        = msg("promise.dupID")
	mDangling     = msg("promise.dangling")
	mWrongKind    = msg("promise.wrongKind")
	mOtherCP      = msg("promise.otherCP")
	mDupRef       = msg("promise.dupRef")
	mEmpty        = msg("promise.empty")
	mBadEnum      = msg("promise.badEnum")
	mEndBefore    = msg("promise.endBefore")
	mOutside      = msg("promise.outside")
	mNotParty     = msg("promise.notParty")
	mSignatory    = msg("promise.signatory")
	mCycle        = msg("promise.cycle")
	mBadLink      = msg("promise.badLink")
	mVersion      = msg("promise.version")
	mLang         = msg("promise.lang")
	mNotApplies   = msg("promise.notApplies")
	mNeeds        = msg("promise.needs")
	mPositive     = msg("promise.positive")
	mWhole        = msg("promise.whole")
	mSameBaseline = msg("promise.sameBaseline")
	mNotIncrease  = msg("promise.notIncrease")
	mNotDecrease  = msg("promise.notDecrease")
	mSplitSum     = msg("promise.splitSum")
	mIdent        = msg("promise.ident")
	mThreshold    = msg("promise.threshold")
	mDueBefore    = msg("promise.dueBefore")
	mNegative     = msg("promise.negative")
	mLineage      = msg("promise.lineage")
	mSelf         = msg("promise.self")
	mStatedToo    = msg("promise.statedToo")
	mUnstated     = msg("promise.unstated")
	mRefNeeds     = msg("promise.refNeeds")
	mDutyParty    = msg("promise.dutyParty")
	mDutyLaw      = msg("promise.dutyLaw")
	mNoPromisesIn = msg("promise.noPromisesIn")
)

func (v *validator) add(ptr string, code Code, m msg, args ...any) {
	if len(v.out) >= MaxViolations {
		v.dropped++
		return
	}
	v.addText(ptr, code, m.text(args...))
}

func (v *validator) addText(ptr string, code Code, t Text) {
	v.out = append(v.out, Violation{Pointer: ptr, Code: code, Message: t})
}

func idx(ptr string, i int) string { return ptr + "/" + strconv.Itoa(i) }

func (v *validator) document() {
	d := v.d
	if !SupportedVersion(d.SchemaVersion) {
		if d.SchemaVersion == "" {
			v.add("/schemaVersion", CodeMissing, mMissing, "schemaVersion")
		} else {
			v.add("/schemaVersion", CodeSchemaVersion, mVersion, d.SchemaVersion, majorVersion)
		}
	}
	if d.ID == nilID {
		v.add("/id", CodeMissing, mNoID)
	}
	v.text("/title", d.Title, false)
	v.register()
	if len(d.Parties) == 0 {
		v.add("/parties", CodeEmptyCollection, mEmpty, "parties")
	}
	for i := range d.Parties {
		v.party(idx("/parties", i), &d.Parties[i])
	}
	for i := range d.Places {
		v.place(idx("/places", i), &d.Places[i])
	}
	for i := range d.Themes {
		p := idx("/themes", i)
		t := &d.Themes[i]
		v.text(p+"/title", t.Title, true)
		v.text(p+"/description", t.Description, false)
		v.parent(p, t.ID, t.ParentID, kTheme, func(id ID) ID { return v.themeByID(id).ParentID })
	}
	for i := range d.Sources {
		v.source(idx("/sources", i), &d.Sources[i])
	}
	for i := range d.People {
		v.person(idx("/people", i), &d.People[i])
	}
	for i := range d.Agreements {
		v.cp = -1
		v.agreement(idx("/agreements", i), &d.Agreements[i])
	}
	for i := range d.ActionPlans {
		v.cp = len(d.CitizenPromises) + i
		v.actionPlan(idx("/actionPlans", i), &d.ActionPlans[i])
	}
	for i := range d.CitizenPromises {
		v.cp = i
		v.citizenPromise(idx("/citizenPromises", i), &d.CitizenPromises[i])
	}
}

const majorVersion = "1"

// Limits on values that no real document exceeds, and that would
// otherwise let a mistaken or hostile file cost minutes in the programs
// that evaluate it.
const (
	MaxPeriodYears = 100 // the longest closed period, in years
	MaxDueDays     = 366 // the most days after its period a report may be due
)

// SupportedVersion reports whether this package reads schemaVersion s: a
// version 1.x, MAJOR.MINOR with a minor of digits. A file of another major
// version is refused, never misread.
func SupportedVersion(s string) bool {
	major, minor, ok := strings.Cut(s, ".")
	if !ok || major != majorVersion || minor == "" {
		return false
	}
	return strings.Trim(minor, "0123456789") == ""
}

// register indexes every entity by id and reports duplicates.
func (v *validator) register() {
	d := v.d
	reg := func(ptr string, id ID, k kind, cp, i int) {
		if id == nilID {
			v.add(ptr+"/id", CodeMissing, mNoID)
			return
		}
		if first, ok := v.ids[id]; ok {
			v.add(ptr+"/id", CodeDuplicateID, mDupID, id, kindName(first.kind), first.ptr)
			return
		}
		v.ids[id] = entity{kind: k, cp: cp, i: i, ptr: ptr}
	}
	if d.ID != nilID {
		v.ids[d.ID] = entity{kind: 0, cp: -1, ptr: ""}
	}
	for i := range d.Parties {
		reg(idx("/parties", i), d.Parties[i].ID, kParty, -1, i)
	}
	for i := range d.Places {
		reg(idx("/places", i), d.Places[i].ID, kPlace, -1, i)
	}
	for i := range d.Themes {
		reg(idx("/themes", i), d.Themes[i].ID, kTheme, -1, i)
	}
	for i := range d.Sources {
		reg(idx("/sources", i), d.Sources[i].ID, kSource, -1, i)
	}
	for i := range d.People {
		reg(idx("/people", i), d.People[i].ID, kPerson, -1, i)
	}
	for i := range d.Agreements {
		a := &d.Agreements[i]
		p := idx("/agreements", i)
		reg(p, a.ID, kAgreement, -1, i)
		for j := range a.Bodies {
			reg(idx(p+"/bodies", j), a.Bodies[j].ID, kBody, -1, j)
		}
	}
	activities := func(p string, as []Activity, c int) {
		for j := range as {
			a := &as[j]
			ap := idx(p+"/activities", j)
			reg(ap, a.ID, kActivity, c, j)
			for k := range a.Targets {
				reg(idx(ap+"/targets", k), a.Targets[k].ID, kTarget, c, k)
			}
		}
	}
	for i := range d.ActionPlans {
		c := len(d.CitizenPromises) + i
		p := idx("/actionPlans", i)
		reg(p, d.ActionPlans[i].ID, kActionPlan, -1, i)
		activities(p, d.ActionPlans[i].Activities, c)
	}
	for i := range d.CitizenPromises {
		c := &d.CitizenPromises[i]
		p := idx("/citizenPromises", i)
		reg(p, c.ID, kCitizenPromise, -1, i)
		for j := range c.Basis {
			reg(idx(p+"/basis", j), c.Basis[j].ID, kBasis, i, j)
		}
		for j := range c.Promises {
			reg(idx(p+"/promises", j), c.Promises[j].ID, kPromise, i, j)
		}
		activities(p, c.Activities, i)
		if c.Effect != nil {
			for k := range c.Effect.Targets {
				reg(idx(p+"/expectedEffect/targets", k), c.Effect.Targets[k].ID, kTarget, i, k)
			}
		}
	}
}

func kindName(k kind) words.Key {
	if int(k) >= len(kindNames) {
		return kindNames[0]
	}
	return kindNames[k]
}

// ref checks that id names an entity of kind want. A zero id is reported
// as missing when required.
func (v *validator) ref(ptr string, id ID, want kind, required bool) {
	if id == nilID {
		if required {
			v.add(ptr, CodeMissing, mMissing, lastSegment(ptr))
		}
		return
	}
	e, ok := v.ids[id]
	if !ok {
		v.add(ptr, CodeDanglingRef, mDangling, lastSegment(ptr), id)
		return
	}
	if e.kind != want {
		v.add(ptr, CodeDanglingRef, mWrongKind, lastSegment(ptr), id, kindName(e.kind), kindName(want))
		return
	}
	if e.cp >= 0 && e.cp != v.cp {
		v.add(ptr, CodeDanglingRef, mOtherCP, lastSegment(ptr), id)
	}
}

// refs checks a list of references; it reports an empty list when
// required, and ids listed twice.
func (v *validator) refs(ptr string, ids []ID, want kind, required bool) {
	if len(ids) == 0 {
		if required {
			v.add(ptr, CodeEmptyCollection, mEmpty, lastSegment(ptr))
		}
		return
	}
	var seen map[ID]bool // for long lists only: short ones are compared in place
	if len(ids) > 16 {
		seen = make(map[ID]bool, len(ids))
	}
	for i, id := range ids {
		p := idx(ptr, i)
		if id == nilID {
			v.add(p, CodeDanglingRef, mNilRef, lastSegment(ptr))
			continue
		}
		v.ref(p, id, want, true)
		dup := false
		if seen != nil {
			dup, seen[id] = seen[id], true
		} else {
			dup = slices.Contains(ids[:i], id)
		}
		if dup {
			v.add(p, CodeDuplicateRef, mDupRef, lastSegment(ptr), id)
		}
	}
}

func lastSegment(ptr string) string {
	s := ptr[strings.LastIndexByte(ptr, '/')+1:]
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		// An array element: name the array instead.
		q := strings.TrimSuffix(ptr, "/"+s)
		s = q[strings.LastIndexByte(q, '/')+1:]
	}
	return s
}

// isLangTag reports whether s matches ^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$, the
// language tags the schema allows. It is written out, not a regexp: the
// widget links this package, and package regexp costs it 130 KB.
func isLangTag(s string) bool {
	lang, rest, _ := strings.Cut(s, "-")
	if len(lang) < 2 || len(lang) > 3 || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") != "" {
		return false
	}
	if rest == "" {
		return !strings.HasSuffix(s, "-")
	}
	for _, sub := range strings.Split(rest, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for i := 0; i < len(sub); i++ {
			c := sub[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				return false
			}
		}
	}
	return true
}

// isDigits reports whether s is n ASCII digits.
func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isKommunkod reports whether s has the form of a kommunkod, NNNN.
func isKommunkod(s string) bool { return isDigits(s, 4) }

// isOrgnr reports whether s has the form of an organisationsnummer,
// NNNNNN-NNNN.
func isOrgnr(s string) bool {
	return len(s) == 11 && s[6] == '-' && isDigits(s[:6], 6) && isDigits(s[7:], 4)
}

// text checks a [Text]: language tags as keys and, when required, some
// non-blank text.
func (v *validator) text(ptr string, t Text, required bool) {
	for k := range t {
		if !isLangTag(k) {
			v.add(ptr+"/"+escapePointer(k), CodeBadLanguage, mLang, k)
		}
	}
	if required && t.IsZero() {
		v.add(ptr, CodeMissing, mBlank, lastSegment(ptr))
	}
}

func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func (v *validator) link(ptr, u string) {
	if u != "" && !IsWebURL(u) {
		v.add(ptr, CodeBadLink, mBadLink, u)
	}
}

func (v *validator) enum(ptr, val string, allowed []string, required bool) {
	if val == "" {
		if required {
			v.add(ptr, CodeMissing, mMissing, lastSegment(ptr))
		}
		return
	}
	if slices.Contains(allowed, val) {
		return
	}
	v.add(ptr, CodeBadValue, mBadEnum, lastSegment(ptr), val, strings.Join(allowed, ", "))
}

var bounds = []string{StartBound, EndBound}

func (v *validator) period(ptr string, p Period) {
	v.notStated(ptr, p.NotStated, bounds, map[string]bool{StartBound: !p.Start.IsZero(), EndBound: !p.End.IsZero()})
	if p.Start.IsZero() && !p.StartUnknown() {
		v.add(ptr+"/start", CodeMissing, mUnstated, "start", "start")
	}
	if p.Closed() && p.Through().Before(p.From()) {
		v.add(ptr+"/end", CodeDateOrder, mEndBefore, p.End, p.Start)
	} else if p.Closed() && p.Through().After(p.From().AddMonths(12*MaxPeriodYears).AddDays(-1)) {
		v.add(ptr+"/end", CodeBadValue, mTooLong, p.Start, p.End, MaxPeriodYears)
	}
	v.text(ptr+"/label", p.Label, false)
}

// notStated checks a notStated list: known names, each once, and none of
// them given (given says which are).
func (v *validator) notStated(ptr string, names, allowed []string, given map[string]bool) {
	for i, n := range names {
		np := idx(ptr+"/notStated", i)
		v.enum(np, n, allowed, true)
		if slices.Contains(names[:i], n) {
			v.add(np, CodeDuplicateRef, mDupRef, "notStated", n)
		}
		if given[n] {
			v.add(ptr+"/"+n, CodeBadValue, mStatedToo, n)
		}
	}
}

// reference checks a [Reference]: at least one of id, url and title, an id
// without url naming an entity of kind want in this document.
func (v *validator) reference(ptr string, r *Reference, want kind) {
	if r == nil {
		return
	}
	if r.ID == nilID && r.URL == "" && r.Title.IsZero() {
		v.add(ptr, CodeMissing, mRefNeeds)
	}
	if r.ID != nilID && r.URL == "" {
		v.ref(ptr+"/id", r.ID, want, true)
	}
	v.link(ptr+"/url", r.URL)
	v.text(ptr+"/title", r.Title, false)
}

// parent checks a parentId and that following parents never loops.
func (v *validator) parent(ptr string, self, parent ID, k kind, next func(ID) ID) {
	if parent == nilID {
		return
	}
	v.ref(ptr+"/parentId", parent, k, true)
	seen := 0
	for id := parent; id != nilID; id = next(id) {
		if e, ok := v.ids[id]; !ok || e.kind != k {
			return
		}
		if id == self || seen > len(v.ids) {
			v.add(ptr+"/parentId", CodeCycle, mCycle, self)
			return
		}
		seen++
	}
}

func (v *validator) partyByID(id ID) *Party {
	return &v.d.Parties[v.ids[id].i]
}

func (v *validator) placeByID(id ID) *Place {
	return &v.d.Places[v.ids[id].i]
}

func (v *validator) themeByID(id ID) *Theme {
	return &v.d.Themes[v.ids[id].i]
}

var (
	partyKinds   = []string{string(Municipality), string(Police), string(RescueService), string(Region), string(HousingCompany), string(TransportAuthority), string(Association), string(Company), string(OtherParty)}
	placeKinds   = []string{string(PlaceMunicipality), string(PlaceTown), string(PlaceDistrict), string(PlaceSite), string(PlaceType), string(PlaceArea)}
	sourceKinds  = []string{string(SignedDocument), string(WebPage), string(PressRelease), string(FollowUpReport), string(Decision), string(Dataset), string(OtherSource)}
	basisKinds   = []string{string(CitizenDialogue), string(SituationPicture), string(Statistics), string(Survey), string(OtherBasis)}
	relations    = []string{string(Renews), string(Extends), string(CarriesOver), string(Replaces), string(SucceededBy)}
	aliasKinds   = []string{string(OtherName), string(FormerName), string(Spelling)}
	roles        = []string{string(Pictured), string(Quoted), string(Present), string(Contact)}
	bodyKinds    = []string{string(CrimePreventionCouncil), string(SteeringGroup), string(WorkingGroup), string(TrafficSafetyCouncil), string(OtherBody)}
	contextKinds = []string{string(Programme), string(Method), string(OtherContext)}
	qualifiers   = []string{string(AtLeastQualifier), string(OverQualifier), string(AboutQualifier), string(UnderQualifier), string(AtMostQualifier)}
	cadences     = []string{string(Daily), string(Weekly), string(Monthly), string(Quarterly), string(Tertially), string(HalfYear), string(Yearly)}
)

func (v *validator) party(p string, x *Party) {
	v.enum(p+"/kind", string(x.Kind), partyKinds, true)
	v.text(p+"/name", x.Name, true)
	v.text(p+"/shortName", x.ShortName, false)
	if k := x.Identifiers.Kommunkod; k != "" && !isKommunkod(k) {
		v.add(p+"/identifiers/kommunkod", CodeBadIdentifier, mIdent, "kommunkod", k, "NNNN")
	}
	if o := x.Identifiers.Organisationsnummer; o != "" && !isOrgnr(o) {
		v.add(p+"/identifiers/organisationsnummer", CodeBadIdentifier, mIdent, "organisationsnummer", o, "NNNNNN-NNNN")
	}
	v.link(p+"/website", x.Website)
	v.parent(p, x.ID, x.ParentID, kParty, func(id ID) ID { return v.partyByID(id).ParentID })
	v.aliases(p+"/aliases", x.Aliases)
	v.refs(p+"/servesIds", x.ServesIDs, kParty, false)
}

func (v *validator) aliases(p string, as []Alias) {
	for i := range as {
		ap := idx(p, i)
		if strings.TrimSpace(as[i].Name) == "" {
			v.add(ap+"/name", CodeMissing, mMissing, "name")
		}
		v.enum(ap+"/kind", string(as[i].Kind), aliasKinds, false)
		v.refs(ap+"/sourceIds", as[i].SourceIDs, kSource, false)
	}
}

func (v *validator) person(p string, x *Person) {
	if strings.TrimSpace(x.Name) == "" {
		v.add(p+"/name", CodeMissing, mMissing, "name")
	}
	v.ref(p+"/partyId", x.PartyID, kParty, false)
	v.text(p+"/title", x.Title, false)
	v.aliases(p+"/aliases", x.Aliases)
	v.refs(p+"/sourceIds", x.SourceIDs, kSource, false)
}

func (v *validator) people(p string, is []Involvement) {
	for i := range is {
		ip := idx(p, i)
		x := &is[i]
		v.ref(ip+"/personId", x.PersonID, kPerson, true)
		if len(x.Roles) == 0 {
			v.add(ip+"/roles", CodeEmptyCollection, mEmpty, "roles")
		}
		for j, r := range x.Roles {
			v.enum(idx(ip+"/roles", j), string(r), roles, true)
		}
		v.text(ip+"/quote", x.Quote, false)
		v.refs(ip+"/sourceIds", x.SourceIDs, kSource, false)
	}
}

func (v *validator) place(p string, x *Place) {
	v.enum(p+"/kind", string(x.Kind), placeKinds, true)
	v.text(p+"/name", x.Name, true)
	if k := x.Kommunkod; k != "" && !isKommunkod(k) {
		v.add(p+"/kommunkod", CodeBadIdentifier, mIdent, "kommunkod", k, "NNNN")
	}
	v.parent(p, x.ID, x.ParentID, kPlace, func(id ID) ID { return v.placeByID(id).ParentID })
}

func (v *validator) source(p string, x *Source) {
	v.enum(p+"/kind", string(x.Kind), sourceKinds, true)
	v.text(p+"/title", x.Title, true)
	v.link(p+"/url", x.URL)
	v.text(p+"/note", x.Note, false)
	v.ref(p+"/publisherId", x.PublisherID, kParty, false)
	if !x.Updated.IsZero() && !x.Published.IsZero() && x.Updated.Before(x.Published) {
		v.add(p+"/updated", CodeDateOrder, mEndBefore, x.Updated, x.Published)
	}
}

func (v *validator) signatories(p string, ss []Signatory, parties []ID) {
	for i := range ss {
		sp := idx(p, i)
		s := &ss[i]
		v.ref(sp+"/partyId", s.PartyID, kParty, true)
		if s.PartyID != nilID && !slices.Contains(parties, s.PartyID) {
			v.add(sp+"/partyId", CodeSignatoryParty, mSignatory, s.PartyID)
		}
		v.ref(sp+"/personId", s.PersonID, kPerson, false)
		v.text(sp+"/role", s.Role, false)
	}
}

func (v *validator) lineage(p string, self ID, ls []Lineage) {
	for i := range ls {
		lp := idx(p, i)
		l := &ls[i]
		v.enum(lp+"/relation", string(l.Relation), relations, true)
		if l.ID == nilID && l.URL == "" && l.Title.IsZero() {
			v.add(lp, CodeMissing, mLineage)
		}
		if l.ID != nilID && l.URL == "" {
			// An id without an address names an entity of this document.
			if l.ID == self {
				v.add(lp+"/id", CodeDanglingRef, mSelf)
			} else if _, ok := v.ids[l.ID]; !ok {
				v.add(lp+"/id", CodeDanglingRef, mDangling, "id", l.ID)
			}
		}
		v.link(lp+"/url", l.URL)
		v.text(lp+"/title", l.Title, false)
		v.text(lp+"/note", l.Note, false)
	}
}

func (v *validator) notes(p string, ns []Note) {
	for i := range ns {
		np := idx(p, i)
		v.text(np+"/text", ns[i].Text, true)
		v.refs(np+"/sourceIds", ns[i].SourceIDs, kSource, false)
	}
}

func (v *validator) agreement(p string, a *Agreement) {
	v.text(p+"/title", a.Title, true)
	if !a.Period.IsZero() {
		v.period(p+"/period", a.Period)
	}
	v.refs(p+"/partyIds", a.PartyIDs, kParty, true)
	v.signatories(p+"/signatories", a.Signatories, a.PartyIDs)
	v.text(p+"/summary", a.Summary, false)
	v.text(p+"/purpose", a.Purpose, false)
	v.refs(p+"/themeIds", a.ThemeIDs, kTheme, false)
	v.refs(p+"/placeIds", a.PlaceIDs, kPlace, false)
	laws := make([]string, 0, len(a.LegalBasis))
	for i := range a.LegalBasis {
		lp := idx(p+"/legalBasis", i)
		l := &a.LegalBasis[i]
		v.text(lp+"/title", l.Title, true)
		v.link(lp+"/url", l.URL)
		laws = append(laws, l.SFS)
	}
	for i := range a.Duties {
		dp := idx(p+"/duties", i)
		x := &a.Duties[i]
		v.ref(dp+"/partyId", x.PartyID, kParty, true)
		if x.PartyID != nilID && !slices.Contains(a.PartyIDs, x.PartyID) {
			v.add(dp+"/partyId", CodeSignatoryParty, mDutyParty, x.PartyID)
		}
		v.text(dp+"/text", x.Text, true)
		if x.LegalBasis != "" && !slices.Contains(laws, x.LegalBasis) {
			v.add(dp+"/legalBasis", CodeDanglingRef, mDutyLaw, x.LegalBasis)
		}
		v.refs(dp+"/sourceIds", x.SourceIDs, kSource, false)
	}
	for i := range a.Bodies {
		bp := idx(p+"/bodies", i)
		b := &a.Bodies[i]
		v.enum(bp+"/kind", string(b.Kind), bodyKinds, true)
		v.text(bp+"/name", b.Name, true)
		v.refs(bp+"/partyIds", b.PartyIDs, kParty, false)
		v.text(bp+"/description", b.Description, false)
		v.refs(bp+"/sourceIds", b.SourceIDs, kSource, false)
	}
	v.people(p+"/people", a.People)
	v.refs(p+"/sourceIds", a.SourceIDs, kSource, false)
	v.lineage(p+"/lineage", a.ID, a.Lineage)
	v.notes(p+"/notes", a.Notes)
}

func (v *validator) actionPlan(p string, a *ActionPlan) {
	v.ref(p+"/agreementId", a.AgreementID, kAgreement, false)
	v.reference(p+"/agreementRef", a.AgreementRef, kAgreement)
	v.text(p+"/title", a.Title, true)
	v.period(p+"/period", a.Period)
	v.refs(p+"/partyIds", a.PartyIDs, kParty, true)
	v.text(p+"/summary", a.Summary, false)
	v.refs(p+"/themeIds", a.ThemeIDs, kTheme, false)
	v.refs(p+"/placeIds", a.PlaceIDs, kPlace, false)
	for i := range a.Activities {
		ap := idx(p+"/activities", i)
		if len(a.Activities[i].PromiseIDs) > 0 {
			v.add(ap+"/promiseIds", CodeNotApplicable, mNoPromisesIn)
		}
		v.activity(ap, a.Period, &a.Activities[i])
	}
	v.reporting(p+"/reporting", a.Reporting, a.Period)
	v.thresholds(p+"/thresholds", a.Thresholds)
	v.people(p+"/people", a.People)
	v.refs(p+"/sourceIds", a.SourceIDs, kSource, false)
	v.lineage(p+"/lineage", a.ID, a.Lineage)
	v.notes(p+"/notes", a.Notes)
}

func (v *validator) citizenPromise(p string, c *CitizenPromise) {
	v.ref(p+"/agreementId", c.AgreementID, kAgreement, false)
	v.reference(p+"/agreementRef", c.AgreementRef, kAgreement)
	v.ref(p+"/actionPlanId", c.ActionPlanID, kActionPlan, false)
	v.text(p+"/title", c.Title, true)
	v.period(p+"/period", c.Period)
	v.refs(p+"/partyIds", c.PartyIDs, kParty, true)
	v.signatories(p+"/signatories", c.Signatories, c.PartyIDs)
	v.text(p+"/summary", c.Summary, false)
	v.text(p+"/purpose", c.Purpose, false)
	for i := range c.Basis {
		bp := idx(p+"/basis", i)
		b := &c.Basis[i]
		v.enum(bp+"/kind", string(b.Kind), basisKinds, true)
		v.text(bp+"/description", b.Description, true)
		if b.Period != nil {
			v.period(bp+"/period", *b.Period)
		}
		for j := range b.Measurements {
			v.measurement(idx(bp+"/measurements", j), &b.Measurements[j])
		}
		v.links(bp+"/links", b.Links)
		v.refs(bp+"/sourceIds", b.SourceIDs, kSource, false)
	}
	for i := range c.Context {
		xp := idx(p+"/context", i)
		x := &c.Context[i]
		v.enum(xp+"/kind", string(x.Kind), contextKinds, true)
		v.text(xp+"/name", x.Name, true)
		v.text(xp+"/description", x.Description, false)
		v.refs(xp+"/partyIds", x.PartyIDs, kParty, false)
		v.links(xp+"/links", x.Links)
		v.refs(xp+"/sourceIds", x.SourceIDs, kSource, false)
	}
	v.notStated(p, c.NotStated, []string{PromisesField}, map[string]bool{PromisesField: len(c.Promises) > 0})
	for i, n := range c.Incomplete {
		v.enum(idx(p+"/incomplete", i), n, []string{PromisesField, ActivitiesField}, true)
	}
	if len(c.Promises) == 0 && !slices.Contains(c.NotStated, PromisesField) {
		v.add(p+"/promises", CodeEmptyCollection, mUnstated, "promises", PromisesField)
	}
	for i := range c.Promises {
		v.promise(idx(p+"/promises", i), c, &c.Promises[i])
	}
	for i := range c.Activities {
		v.activity(idx(p+"/activities", i), c.Period, &c.Activities[i])
	}
	if c.Effect != nil {
		v.text(p+"/expectedEffect/description", c.Effect.Description, true)
		for i := range c.Effect.Targets {
			v.target(idx(p+"/expectedEffect/targets", i), c.Period, &c.Effect.Targets[i])
		}
	}
	v.text(p+"/evaluationPlan", c.EvaluationPlan, false)
	v.reporting(p+"/reporting", c.Reporting, c.Period)
	v.thresholds(p+"/thresholds", c.Thresholds)
	v.people(p+"/people", c.People)
	v.refs(p+"/sourceIds", c.SourceIDs, kSource, false)
	v.lineage(p+"/lineage", c.ID, c.Lineage)
	v.notes(p+"/notes", c.Notes)
}

func (v *validator) links(p string, ls []Link) {
	for j := range ls {
		v.link(idx(p, j)+"/url", ls[j].URL)
		v.text(idx(p, j)+"/title", ls[j].Title, false)
	}
}

func (v *validator) measurement(p string, m *Measurement) {
	if m.Date.IsZero() {
		v.add(p+"/date", CodeMissing, mMissing, "date")
	}
	if math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
		v.add(p+"/value", CodeTargetValue, mPositive, "value", m.Value)
	}
	v.enum(p+"/qualifier", string(m.Qualifier), qualifiers, false)
	v.text(p+"/unit", m.Unit, false)
	v.text(p+"/description", m.Description, false)
	v.ref(p+"/placeId", m.PlaceID, kPlace, false)
	v.ref(p+"/sourceId", m.SourceID, kSource, false)
}

func (v *validator) thresholds(p string, t *Thresholds) {
	if _, ok := t.Resolved(); !ok {
		v.add(p, CodeBadValue, mThreshold)
	}
}

func (v *validator) reporting(p string, r *Reporting, period Period) {
	if r != nil {
		v.enum(p+"/cadence", string(r.Cadence), []string{string(Monthly), string(Quarterly), string(Tertially), string(HalfYear), string(Yearly)}, false)
		if r.DueDays < 0 {
			v.add(p+"/dueDays", CodeBadValue, mNegative, "dueDays", r.DueDays)
		} else if r.DueDays > MaxDueDays {
			v.add(p+"/dueDays", CodeBadValue, mTooBig, "dueDays", r.DueDays, MaxDueDays)
		}
		for i := range r.Periods {
			rp := idx(p+"/periods", i)
			q := &r.Periods[i]
			v.period(rp+"/period", q.Period)
			if q.Period.End.IsZero() {
				v.add(rp+"/period/end", CodeMissing, mMissing, "end")
			} else if !q.Period.Within(period) {
				v.add(rp+"/period", CodeOutsidePeriod, mOutside, "period", q.Period, period)
			}
			if q.Due.IsZero() {
				v.add(rp+"/due", CodeMissing, mMissing, "due")
			} else if !q.Period.End.IsZero() && q.Due.Last().Before(q.Period.Through()) {
				v.add(rp+"/due", CodeDateOrder, mDueBefore, q.Due, q.Period.End)
			}
		}
	}
}

func (v *validator) promise(p string, c *CitizenPromise, x *Promise) {
	v.text(p+"/text", x.Text, true)
	v.refs(p+"/givenBy", x.GivenBy, kParty, true)
	v.wordings(p+"/wordings", x.Wordings)
	if len(x.GivenBy) > 0 {
		ok := false
		for _, id := range x.GivenBy {
			ok = ok || slices.Contains(c.PartyIDs, id)
		}
		if !ok {
			v.add(p+"/givenBy", CodeNotAParty, mNotParty)
		}
	}
	v.refs(p+"/themeIds", x.ThemeIDs, kTheme, false)
	v.refs(p+"/basisIds", x.BasisIDs, kBasis, false)
	v.refs(p+"/placeIds", x.PlaceIDs, kPlace, false)
	v.refs(p+"/sourceIds", x.SourceIDs, kSource, false)
	v.lineage(p+"/lineage", x.ID, x.Lineage)
	v.notes(p+"/notes", x.Notes)
	v.withdrawal(p+"/withdrawn", x.Withdrawn)
}

func (v *validator) withdrawal(p string, w *Withdrawal) {
	if w == nil {
		return
	}
	if w.Date.IsZero() {
		v.add(p+"/date", CodeMissing, mMissing, "date")
	}
	v.text(p+"/reason", w.Reason, true)
}

func (v *validator) wordings(p string, ws []Wording) {
	for i := range ws {
		wp := idx(p, i)
		v.text(wp+"/text", ws[i].Text, true)
		v.refs(wp+"/sourceIds", ws[i].SourceIDs, kSource, true)
	}
}

// activity checks an activity of a citizen promise or action plan whose
// period is period.
func (v *validator) activity(p string, period Period, a *Activity) {
	v.text(p+"/text", a.Text, true)
	v.wordings(p+"/wordings", a.Wordings)
	v.refs(p+"/promiseIds", a.PromiseIDs, kPromise, false)
	v.refs(p+"/themeIds", a.ThemeIDs, kTheme, false)
	v.notStated(p, a.NotStated, []string{LeadsField}, map[string]bool{LeadsField: len(a.LeadIDs) > 0})
	v.refs(p+"/leadIds", a.LeadIDs, kParty, false)
	if len(a.LeadIDs) == 0 && !slices.Contains(a.NotStated, LeadsField) {
		v.add(p+"/leadIds", CodeEmptyCollection, mUnstated, "leadIds", LeadsField)
	}
	v.refs(p+"/partnerIds", a.PartnerIDs, kParty, false)
	for i, t := range a.OtherPartners {
		v.text(idx(p+"/otherPartners", i), t, true)
	}
	for i := range a.LeadsBySource {
		lp := idx(p+"/leadsBySource", i)
		v.refs(lp+"/leadIds", a.LeadsBySource[i].LeadIDs, kParty, true)
		v.refs(lp+"/sourceIds", a.LeadsBySource[i].SourceIDs, kSource, true)
	}
	v.refs(p+"/placeIds", a.PlaceIDs, kPlace, false)
	v.refs(p+"/sourceIds", a.SourceIDs, kSource, false)
	window := period
	if a.Window != nil {
		v.period(p+"/window", *a.Window)
		if !a.Window.Within(period) {
			v.add(p+"/window", CodeOutsidePeriod, mOutside, "window", a.Window, period)
		}
		window = *a.Window
	}
	for i := range a.Targets {
		v.target(idx(p+"/targets", i), window, &a.Targets[i])
	}
	v.lineage(p+"/lineage", a.ID, a.Lineage)
	v.notes(p+"/notes", a.Notes)
	v.withdrawal(p+"/withdrawn", a.Withdrawn)
}

func (v *validator) target(p string, window Period, t *Target) {
	v.enum(p+"/kind", string(t.Kind), targetKindNames, true)
	v.text(p+"/description", t.Description, false)
	v.text(p+"/unit", t.Unit, false)
	spec := kindSpecOf(t.Kind)
	if spec != nil {
		for _, f := range targetFields {
			switch set := f.present(t); {
			case set && !slices.Contains(spec.fields, f.name):
				v.add(p+"/"+f.name, CodeNotApplicable, mNotApplies, f.name, t.Kind)
			case !set && slices.Contains(spec.needs, f.name):
				v.add(p+"/"+f.name, CodeMissing, mNeeds, t.Kind, f.name)
			}
		}
	}
	v.enum(p+"/comparison", string(t.Comparison), []string{string(AtLeast), string(Exactly)}, false)
	v.enum(p+"/scope", string(t.Scope), []string{string(WholePeriod), string(EachYear)}, false)
	v.enum(p+"/direction", string(t.Direction), []string{string(Increase), string(Decrease)}, false)
	v.enum(p+"/every", string(t.Every), cadences, false)
	v.refs(p+"/placeIds", t.PlaceIDs, kPlace, false)
	if spec != nil && spec.check != nil {
		spec.check(v, p, window, t)
	}
}
