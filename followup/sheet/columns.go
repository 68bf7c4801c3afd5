package sheet

import (
	"strings"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// FormatVersion is the version of the sheet's layout, written in its first
// row. A sheet of another major version is refused.
const FormatVersion = "1"

// formatName is the first cell of a sheet: what it is.
const formatName = "medborgarlofte-uppfoljning"

// label is a word of the sheet, a key of the catalog (package
// promise/words).
type label words.Key

func (l label) in(lang string) string { return words.Key(l).In(lang) }

// matches reports whether a header or key cell names l, in any language
// of the catalog: what comes before a parenthesis, without case or spaces.
func (l label) matches(cell string) bool {
	k := key(cell)
	for _, lang := range words.Languages() {
		if k == key(l.in(lang)) {
			return true
		}
	}
	return false
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
	colActivity:      {label: label("sheet.col.activity"), shown: true},
	colTarget:        {label: label("sheet.col.target"), shown: true, perTarget: true},
	colResults:       {label: label("sheet.col.results"), perTarget: true},
	colOccurrences:   {label: label("sheet.col.occurrences"), perTarget: true},
	colCompleted:     {label: label("sheet.col.completed")},
	colAssessment:    {label: label("sheet.col.assessment")},
	colJustification: {label: label("sheet.col.justification")},
	colNarrative:     {label: label("sheet.col.narrative")},
	colShortfall:     {label: label("sheet.col.shortfall")},
	colSubstitutes:   {label: label("sheet.col.substitutes")},
	colEvidence:      {label: label("sheet.col.evidence")},
	colActivityID:    {label: label("sheet.col.activityID")},
	colTargetID:      {label: label("sheet.col.targetID"), perTarget: true},
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
	metaFormat:           {label: label("sheet.meta.format")},
	metaHelp:             {label: label("sheet.meta.help"), shown: true},
	metaSubject:          {label: label("sheet.meta.subject"), shown: true},
	metaCitizenPromiseID: {label: label("sheet.meta.citizenPromiseID")},
	metaActionPlanID:     {label: label("sheet.meta.actionPlanID")},
	metaAgreementID:      {label: label("sheet.meta.agreementID")},
	metaReportID:         {label: label("sheet.meta.reportID")},
	metaTitle:            {label: label("sheet.meta.title")},
	metaPeriodStart:      {label: label("sheet.meta.periodStart")},
	metaPeriodEnd:        {label: label("sheet.meta.periodEnd")},
	metaPeriodLabel:      {label: label("sheet.meta.periodLabel")},
	metaDate:             {label: label("sheet.meta.date")},
	metaReportedBy:       {label: label("sheet.meta.reportedBy")},
	metaFinal:            {label: label("sheet.meta.final")},
	metaIllustrative:     {label: label("sheet.meta.illustrative")},
	metaSummary:          {label: label("sheet.meta.summary")},
}

var help = label("sheet.help")

// msg is a message of the catalog (package promise/words).
type msg words.Key

func (m msg) text(args ...any) promise.Text {
	return promise.Text(words.M(words.Key(m), args...).Text())
}
