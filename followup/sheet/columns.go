package sheet

import (
	"fmt"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

// FormatVersion is the version of the sheet's layout, written in its first
// row. A sheet of another major version is refused.
const FormatVersion = "1"

// formatName is the first cell of a sheet: what it is.
const formatName = "medborgarlofte-uppfoljning"

// label is a word of the sheet in Swedish and English.
type label struct{ sv, en string }

func (l label) in(lang string) string {
	if lang == "en" {
		return l.en
	}
	return l.sv
}

// matches reports whether a header or key cell names l, in either
// language: what comes before a parenthesis, without case or spaces.
func (l label) matches(cell string) bool {
	k := key(cell)
	return k == key(l.sv) || k == key(l.en)
}

func key(s string) string {
	if i := strings.IndexByte(s, '('); i >= 0 {
		s = s[:i]
	}
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(s, "'")), " "))
}

// The columns of the table, in the order they are written. A column holds
// a value of the activity (written on its first row) or of one target
// (written on the target's row; the row without target holds what belongs
// to no target).
type columnID uint8

const (
	colActivity columnID = iota
	colTarget
	colResults
	colOccurrences
	colCompleted
	colAssessment
	colJustification
	colNarrative
	colShortfall
	colSubstitutes
	colEvidence
	colActivityID
	colTargetID
	numColumns
)

type column struct {
	label     label
	perTarget bool // a value of the target's row, not of the activity
	shown     bool // shown for reading, ignored when read back
}

var columns = [numColumns]column{
	colActivity:      {label: label{"Aktivitet", "Activity"}, shown: true},
	colTarget:        {label: label{"Mål", "Target"}, shown: true, perTarget: true},
	colResults:       {label: label{"Resultat (värde | datum | enhet | beskrivning)", "Results (value | date | unit | description)"}, perTarget: true},
	colOccurrences:   {label: label{"Tillfällen (datum | antal | plats | anteckning)", "Occurrences (date | count | place | note)"}, perTarget: true},
	colCompleted:     {label: label{"Klart (datum)", "Completed (date)"}},
	colAssessment:    {label: label{"Bedömning", "Assessment"}},
	colJustification: {label: label{"Motivering", "Justification"}},
	colNarrative:     {label: label{"Berättelse", "Narrative"}},
	colShortfall:     {label: label{"Skäl till avvikelse", "Reasons for a shortfall"}},
	colSubstitutes:   {label: label{"Ersättande aktiviteter (datum | text)", "Substitute activities (date | text)"}},
	colEvidence:      {label: label{"Belägg (länk | titel)", "Evidence (link | title)"}},
	colActivityID:    {label: label{"Aktivitets-id (ändra inte)", "Activity id (do not change)"}},
	colTargetID:      {label: label{"Mål-id (ändra inte)", "Target id (do not change)"}, perTarget: true},
}

// Column says what a column of the table is, for a program that shows
// the sheet: one of the columns to read (the activity and the target),
// one of the ids to leave alone, or one to fill in.
type Column struct {
	// Shown is true for the columns that are there to be read.
	Shown bool
	// ID is true for the ids of the activity and the target.
	ID bool
	// Assessment is true for the column of the assessment, whose values
	// are statuses ([followup.Status.Label]).
	Assessment bool
	// PerTarget is true for values of the row's target; the others are
	// the activity's.
	PerTarget bool
}

// ColumnOf returns what the column of a header cell is, in either
// language; false when it is no column of the sheet.
func ColumnOf(header string) (Column, bool) {
	for c := range numColumns {
		if columns[c].label.matches(header) {
			return Column{Shown: columns[c].shown, ID: c == colActivityID || c == colTargetID,
				Assessment: c == colAssessment, PerTarget: columns[c].perTarget}, true
		}
	}
	return Column{}, false
}

// KeyOf returns whether the key cell of a row above the table is one of
// the sheet's values, and whether it is there to be read only (the format,
// the guide, the title of what the report follows up, and the ids).
func KeyOf(key string) (readOnly, ok bool) {
	for m := range numMeta {
		if metaKeys[m].label.matches(key) {
			return metaKeys[m].shown || m == metaFormat || m == metaCitizenPromiseID || m == metaActionPlanID || m == metaAgreementID || m == metaReportID, true
		}
	}
	return false, false
}

// The keys of the rows above the table: the report's own values.
type metaID uint8

const (
	metaFormat metaID = iota
	metaHelp
	metaSubject
	metaCitizenPromiseID
	metaActionPlanID
	metaAgreementID
	metaReportID
	metaTitle
	metaPeriodStart
	metaPeriodEnd
	metaPeriodLabel
	metaDate
	metaReportedBy
	metaFinal
	metaIllustrative
	metaSummary
	numMeta
)

var metaKeys = [numMeta]struct {
	label label
	shown bool // shown for reading, ignored when read back
}{
	metaFormat:           {label: label{"Format", "Format"}},
	metaHelp:             {label: label{"Så fyller du i", "How to fill it in"}, shown: true},
	metaSubject:          {label: label{"Följer upp", "Follows up"}, shown: true},
	metaCitizenPromiseID: {label: label{"Medborgarlöftets id (ändra inte)", "Citizen promise id (do not change)"}},
	metaActionPlanID:     {label: label{"Åtgärdsplanens id (ändra inte)", "Action plan id (do not change)"}},
	metaAgreementID:      {label: label{"Överenskommelsens id (ändra inte)", "Agreement id (do not change)"}},
	metaReportID:         {label: label{"Rapportens id (ändra inte)", "Report id (do not change)"}},
	metaTitle:            {label: label{"Rubrik", "Title"}},
	metaPeriodStart:      {label: label{"Period från", "Period from"}},
	metaPeriodEnd:        {label: label{"Period till", "Period to"}},
	metaPeriodLabel:      {label: label{"Periodens namn", "Name of the period"}},
	metaDate:             {label: label{"Rapportdatum (eller okänt)", "Date of the report (or unknown)"}},
	metaReportedBy:       {label: label{"Rapporteras av (en part per rad)", "Reported by (one party a line)"}},
	metaFinal:            {label: label{"Slutrapport (ja/nej)", "Final report (yes/no)"}},
	metaIllustrative:     {label: label{"Exempel, inte verklig (ja/nej)", "Example, not real (yes/no)"}},
	metaSummary:          {label: label{"Sammanfattning", "Summary"}},
}

var help = label{
	"En rad per aktivitet och mål. Fyll i de kolumner som gäller; lämna en rad tom om ni inte rapporterar aktiviteten. " +
		"Flera poster i en cell: en per rad (Alt+Retur), fälten åtskilda med |. Datum som ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ), tal med decimalkomma. " +
		"Ett värde kan ha ett ord före (minst, drygt, cirka, knappt, högst) eller vara ett utfall (genomfört, delvis genomfört, ej genomfört), " +
		"och ett utfall kan stå inom parentes efter talet: 300 (genomfört). Ett resultat för en period: 2019-05-01/2019-07-31 som datum. " +
		"Ändra inte kolumnerna med id; kopiera en rad med dess id:n om ni behöver en till.",
	"One row per activity and target. Fill in the columns that apply; leave a row empty if you do not report the activity. " +
		"Several entries in a cell: one a line (Alt+Enter), fields separated by |. Dates as YYYY-MM-DD (or YYYY-MM, YYYY), numbers with a decimal comma. " +
		"A value may have a word before it (at least, over, about, under, at most) or be an outcome (done, partly done, not done), " +
		"and an outcome may follow the number in parentheses: 300 (done). A result over a period: 2019-05-01/2019-07-31 as its date. " +
		"Do not change the id columns; copy a row with its ids if you need another.",
}

// msg is a message in English and Swedish with the same arguments.
type msg struct{ en, sv string }

func (m msg) text(args ...any) promise.Text {
	return promise.Text{"en": fmt.Sprintf(m.en, args...), "sv": fmt.Sprintf(m.sv, args...)}
}
