package app

import (
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// The editor's words are the catalog's (package promise/words): its own
// under "editor.", the format's properties under "prop." and the values of
// its enums under "enum." (statuses, outcomes and qualifiers share the
// followup's words).

type wordKey string

const (
	wTitle          wordKey = "title"
	wUnnamed        wordKey = "unnamed"
	wValidate       wordKey = "validate"
	wNew            wordKey = "new"
	wEdit           wordKey = "edit"
	wFollowUp       wordKey = "followup"
	wPreview        wordKey = "preview"
	wSave           wordKey = "save"
	wUndo           wordKey = "undo"
	wRedo           wordKey = "redo"
	wLanguage       wordKey = "language"
	wValidateIntro  wordKey = "validate-intro"
	wChooseFile     wordKey = "choose-file"
	wDropHere       wordKey = "drop-here"
	wURL            wordKey = "url"
	wFetch          wordKey = "fetch"
	wValid          wordKey = "valid"
	wInvalid        wordKey = "invalid"
	wProblemsCount  wordKey = "problems-count"
	wOpenInEditor   wordKey = "open-in-editor"
	wStartNew       wordKey = "start-new"
	wMunicipality   wordKey = "municipality"
	wMunicipalityH  wordKey = "municipality-help"
	wPoliceArea     wordKey = "police-area"
	wPoliceAreaH    wordKey = "police-area-help"
	wPeriodStart    wordKey = "period-start"
	wPeriodEnd      wordKey = "period-end"
	wSignatories    wordKey = "signatories"
	wSignatoryName  wordKey = "signatory-name"
	wSignatoryRole  wordKey = "signatory-role"
	wSignatoryParty wordKey = "signatory-party"
	wCreate         wordKey = "create"
	wUnknownKommun  wordKey = "unknown-kommun"
	wNoDocument     wordKey = "no-document"
	wAdd            wordKey = "add"
	wRemove         wordKey = "remove"
	wOpen           wordKey = "open"
	wMore           wordKey = "more"
	wNone           wordKey = "none"
	wChoose         wordKey = "choose"
	wProblems       wordKey = "problems"
	wNoProblems     wordKey = "no-problems"
	wProblemsHere   wordKey = "problems-here"
	wDocument       wordKey = "document"
	wDownloadBundle wordKey = "download-bundle"
	wDownloadDoc    wordKey = "download-doc"
	wDownloadReport wordKey = "download-report"
	wDownloadCSV    wordKey = "download-csv"
	wImportCSV      wordKey = "import-csv"
	wSavedInvalid   wordKey = "saved-invalid"
	wDraftRestored  wordKey = "draft-restored"
	wDiscardDraft   wordKey = "discard-draft"
	wAt             wordKey = "at"
	wShowStatus     wordKey = "show-status"
	wNoPreview      wordKey = "no-preview"
	wReportFor      wordKey = "report-for"
	wPeriod         wordKey = "period"
	wAllParties     wordKey = "all-parties"
	wParty          wordKey = "party"
	wCitizenPromise wordKey = "citizen-promise"
	wSaveReport     wordKey = "save-report"
	wReportSaved    wordKey = "report-saved"
	wRow            wordKey = "row"
	wNoPeriods      wordKey = "no-periods"
	wNothingToUndo  wordKey = "nothing-to-undo"
	wUndone         wordKey = "undone"
	wRedone         wordKey = "redone"
	wOpened         wordKey = "opened"
	wFileTooLarge   wordKey = "file-too-large"
	wSkip           wordKey = "skip"
	wSwedish        wordKey = "swedish"
	wFixFirst       wordKey = "fix-first"
	wRequired       wordKey = "required"
	wReports        wordKey = "reports"
	wStatusesAt     wordKey = "statuses-at"
	wGoTo           wordKey = "go-to"
	wNewReport      wordKey = "new-report"
	wCreated        wordKey = "created"
	wLoadPeriod     wordKey = "load-period"
	wDateHint       wordKey = "date-hint"
	wSelectItem     wordKey = "select-item"
	wIDs            wordKey = "ids"
	wLines          wordKey = "lines"
	wNoTarget       wordKey = "no-target"
	wAddNoTarget    wordKey = "add-no-target"
)

// w returns a word in the editor's language.
func (e *Editor) w(k wordKey) string { return words.Key("editor." + string(k)).In(e.lang) }

// label returns the words for property prop of definition holder: the
// catalog's "prop.<holder>.<prop>", else "prop.<prop>", else the property's
// own name (one the format gained since).
func (e *Editor) label(holder, prop string) string {
	if s, ok := words.Lookup(words.Key("prop."+holder+"."+prop), e.lang); ok {
		return s
	}
	if s, ok := words.Lookup(words.Key("prop."+prop), e.lang); ok {
		return s
	}
	return prop
}

// enumLabel returns the words for value v of property prop, or v.
func (e *Editor) enumLabel(prop, v string) string {
	var k words.Key
	switch prop {
	case "status":
		k = words.Key("status." + v)
	case "outcome", "qualifier":
		k = words.Key(prop + "." + v)
	case "cadence":
		k = words.Key("enum.every." + v)
	default:
		k = words.Key("enum." + prop + "." + v)
	}
	if s, ok := words.Lookup(k, e.lang); ok {
		return s
	}
	return v
}

// count is a word with a number.
func (e *Editor) count(k wordKey, n int) string {
	return words.M(words.Key("editor."+string(k)), itoa(n)).In(e.lang)
}
