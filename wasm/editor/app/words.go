package app

import "strings"

// The editor's own words, in Swedish and English: one home, so that a test
// can check that every key has both.

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
	wEnglish        wordKey = "english"
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

var words = map[wordKey][2]string{
	wTitle:          {"Redigera medborgarlöften", "Edit citizen promises"},
	wUnnamed:        {"namnlös", "unnamed"},
	wValidate:       {"Validera", "Validate"},
	wNew:            {"Nytt medborgarlöfte", "New citizen promise"},
	wEdit:           {"Redigera", "Edit"},
	wFollowUp:       {"Uppföljning", "Follow-up"},
	wPreview:        {"Förhandsvisning", "Preview"},
	wSave:           {"Spara", "Save"},
	wUndo:           {"Ångra", "Undo"},
	wRedo:           {"Gör om", "Redo"},
	wLanguage:       {"In English", "På svenska"},
	wValidateIntro:  {"Välj en fil (ett löftesdokument, en uppföljningsrapport eller en samlingsfil), släpp den här eller ange en adress. Filen läses i din webbläsare och skickas ingenstans.", "Choose a file (a promise document, a follow-up report or a bundle), drop it here or give an address. The file is read in your browser and sent nowhere."},
	wChooseFile:     {"Välj fil", "Choose file"},
	wDropHere:       {"Släpp en fil här", "Drop a file here"},
	wURL:            {"Adress till en fil", "Address of a file"},
	wFetch:          {"Hämta", "Fetch"},
	wValid:          {"Filen är giltig.", "The file is valid."},
	wInvalid:        {"Filen är inte giltig.", "The file is not valid."},
	wProblemsCount:  {"%d problem", "%d problems"},
	wOpenInEditor:   {"Öppna i redigeraren", "Open in the editor"},
	wStartNew:       {"Börja ett nytt medborgarlöfte", "Start a new citizen promise"},
	wMunicipality:   {"Kommun (namn eller kommunkod)", "Municipality (name or municipality code)"},
	wMunicipalityH:  {"Till exempel Strängnäs eller 0486.", "For example Strängnäs or 0486."},
	wPoliceArea:     {"Lokalpolisområde", "Local police area"},
	wPoliceAreaH:    {"Till exempel Lokalpolisområde Eskilstuna/Strängnäs.", "For example Lokalpolisområde Eskilstuna/Strängnäs."},
	wPeriodStart:    {"Perioden börjar", "The period starts"},
	wPeriodEnd:      {"Perioden slutar (tomt: tills vidare)", "The period ends (empty: until further notice)"},
	wSignatories:    {"Undertecknare", "Signatories"},
	wSignatoryName:  {"Namn", "Name"},
	wSignatoryRole:  {"Roll", "Role"},
	wSignatoryParty: {"För", "For"},
	wCreate:         {"Skapa", "Create"},
	wUnknownKommun:  {"%q är ingen kommun: skriv kommunens namn eller dess fyrsiffriga kommunkod", "%q is no municipality: write its name or its four-digit code"},
	wNoDocument:     {"Inget dokument är öppet: validera och öppna en fil, eller börja ett nytt medborgarlöfte.", "No document is open: validate and open a file, or start a new citizen promise."},
	wAdd:            {"Lägg till", "Add"},
	wRemove:         {"Ta bort", "Remove"},
	wOpen:           {"Öppna", "Open"},
	wMore:           {"Fler uppgifter", "More"},
	wNone:           {"(ingen)", "(none)"},
	wChoose:         {"Välj …", "Choose …"},
	wProblems:       {"Problem", "Problems"},
	wNoProblems:     {"Inga problem: filen är giltig.", "No problems: the file is valid."},
	wProblemsHere:   {"Problem här", "Problems here"},
	wDocument:       {"Dokumentet", "The document"},
	wDownloadBundle: {"Ladda ner samlingsfilen", "Download the bundle"},
	wDownloadDoc:    {"Ladda ner löftesdokumentet", "Download the promise document"},
	wDownloadReport: {"Ladda ner rapporten", "Download the report"},
	wDownloadCSV:    {"Ladda ner som kalkylark (CSV)", "Download as a spreadsheet (CSV)"},
	wImportCSV:      {"Läs in ett kalkylark (CSV)", "Import a spreadsheet (CSV)"},
	wSavedInvalid:   {"Obs: filen har %d problem och är inte giltig. Den laddades ner ändå; rätta problemen innan du lämnar den vidare.", "Note: the file has %d problems and is not valid. It was downloaded anyway; correct the problems before you pass it on."},
	wDraftRestored:  {"Ditt utkast är återställt.", "Your draft was restored."},
	wDiscardDraft:   {"Släng utkastet", "Discard the draft"},
	wAt:             {"Status per datum", "Status as of"},
	wShowStatus:     {"Visa", "Show"},
	wNoPreview:      {"Förhandsvisningen visas när filen är giltig.", "The preview shows when the file is valid."},
	wReportFor:      {"Rapport för", "Report for"},
	wPeriod:         {"Rapportperiod", "Reporting period"},
	wAllParties:     {"Alla parter", "All parties"},
	wParty:          {"Rapporterande part", "Reporting party"},
	wCitizenPromise: {"Medborgarlöfte", "Citizen promise"},
	wSaveReport:     {"Spara rapporten i samlingen", "Save the report in the bundle"},
	wReportSaved:    {"Rapporten är sparad i samlingen.", "The report is saved in the bundle."},
	wRow:            {"Rad", "Row"},
	wNoPeriods:      {"Medborgarlöftet anger ingen rapporteringskalender; rapportera för hela perioden.", "The citizen promise states no reporting calendar; report for the whole period."},
	wNothingToUndo:  {"Inget att ångra.", "Nothing to undo."},
	wUndone:         {"Ångrat.", "Undone."},
	wRedone:         {"Gjort om.", "Redone."},
	wOpened:         {"%s är öppnad.", "%s is open."},
	wFileTooLarge:   {"Filen är för stor (högst 16 MiB).", "The file is too large (at most 16 MiB)."},
	wSkip:           {"Hoppa till innehållet", "Skip to the content"},
	wEnglish:        {"engelska", "English"},
	wSwedish:        {"svenska", "Swedish"},
	wFixFirst:       {"Rätta problemen i rapporten först.", "Correct the problems of the report first."},
	wRequired:       {"(obligatorisk)", "(required)"},
	wReports:        {"Uppföljningsrapporter", "Follow-up reports"},
	wStatusesAt:     {"Status per %s", "Status as of %s"},
	wGoTo:           {"Gå till", "Go to"},
	wNewReport:      {"Ny rapport", "New report"},
	wCreated:        {"Medborgarlöftet är skapat. Lägg till löften och aktiviteter.", "The citizen promise is created. Add promises and activities."},
	wLoadPeriod:     {"Visa raderna", "Show the rows"},
	wDateHint:       {"ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ", "YYYY-MM-DD, YYYY-MM or YYYY"},
	wSelectItem:     {"Välj något att redigera i listan.", "Choose something to edit in the list."},
	wIDs:            {"Id", "Id"},
	wLines:          {"en per rad", "one a line"},
	wNoTarget:       {"(inget av målen)", "(none of the targets)"},
	wAddNoTarget:    {"+ rad utan mål", "+ row without target"},
}

// w returns a word in the editor's language.
func (e *Editor) w(k wordKey) string {
	if e.lang == "en" {
		return words[k][1]
	}
	return words[k][0]
}

// propLabels are the words for the format's properties, by definition and
// property, or by property alone. A property without words here (one the
// format gained) is shown by its name.
var propLabels = map[string][2]string{
	"title": {"Rubrik", "Title"}, "name": {"Namn", "Name"}, "shortName": {"Kortnamn", "Short name"},
	"text": {"Text", "Text"}, "description": {"Beskrivning", "Description"}, "summary": {"Sammanfattning", "Summary"},
	"purpose": {"Syfte", "Purpose"}, "kind": {"Slag", "Kind"}, "language": {"Språk", "Language"},
	"updated": {"Uppdaterad", "Updated"}, "published": {"Publicerad", "Published"},
	"parties": {"Parter", "Parties"}, "people": {"Personer", "People"}, "places": {"Platser", "Places"},
	"themes": {"Fokusområden", "Focus areas"}, "sources": {"Källor", "Sources"},
	"agreements": {"Samverkansöverenskommelser", "Cooperation agreements"}, "actionPlans": {"Åtgärdsplaner", "Action plans"},
	"citizenPromises": {"Medborgarlöften", "Citizen promises"}, "promises": {"Löften", "Promises"},
	"activities": {"Aktiviteter", "Activities"}, "targets": {"Mål", "Targets"}, "basis": {"Underlag", "Basis"},
	"reports": {"Uppföljningsrapporter", "Follow-up reports"}, "updates": {"Uppdateringar", "Updates"},
	"period": {"Period", "Period"}, "start": {"Från", "From"}, "end": {"Till", "To"}, "label": {"Benämning", "Label"},
	"window": {"Tidsfönster", "Window"}, "partyIds": {"Parter", "Parties"}, "givenBy": {"Lovas av", "Given by"},
	"leadIds": {"Ansvarig", "Lead"}, "partnerIds": {"Medverkande", "Partners"}, "placeIds": {"Platser", "Places"},
	"themeIds": {"Fokusområden", "Focus areas"}, "sourceIds": {"Källor", "Sources"}, "promiseIds": {"Löften", "Promises"},
	"basisIds": {"Underlag", "Basis"}, "parentId": {"Ingår i", "Part of"}, "signatories": {"Undertecknare", "Signatories"},
	"signed": {"Undertecknat", "Signed"}, "signedAt": {"Undertecknat i", "Signed at"}, "partyId": {"Part", "Party"},
	"personId": {"Person", "Person"}, "role": {"Roll", "Role"}, "value": {"Värde", "Value"},
	"comparison": {"Jämförelse", "Comparison"}, "unit": {"Enhet", "Unit"}, "scope": {"Räknas", "Counts"},
	"every": {"Intervall", "Interval"}, "due": {"Senast", "Due"}, "split": {"Fördelning per plats", "Split by place"},
	"baseline": {"Utgångsvärde", "Baseline"}, "direction": {"Riktning", "Direction"}, "actionThreshold": {"Åtgärdsnivå", "Action threshold"},
	"date": {"Datum", "Date"}, "url": {"Adress", "Address"}, "website": {"Webbplats", "Website"},
	"identifiers": {"Identiteter", "Identifiers"}, "kommunkod": {"Kommunkod", "Municipality code"},
	"organisationsnummer": {"Organisationsnummer", "Organisation number"}, "reporting": {"Rapportering", "Reporting"},
	"cadence": {"Intervall", "Cadence"}, "dueDays": {"Dagar till rapport", "Days to report"}, "periods": {"Perioder", "Periods"},
	"thresholds": {"Gränsvärden", "Thresholds"}, "expectedEffect": {"Förväntad effekt", "Expected effect"},
	"notes": {"Anmärkningar", "Notes"}, "lineage": {"Ursprung", "Lineage"}, "withdrawn": {"Återkallad", "Withdrawn"},
	"reason": {"Skäl", "Reason"}, "reportedBy": {"Rapporteras av", "Reported by"}, "final": {"Slutrapport", "Final report"},
	"illustrative": {"Exempel, inte verklig", "Example, not real"}, "citizenPromiseId": {"Medborgarlöfte", "Citizen promise"},
	"actionPlanId": {"Åtgärdsplan", "Action plan"}, "agreementId": {"Samverkansöverenskommelse", "Cooperation agreement"},
	"activityId": {"Aktivitet", "Activity"}, "targetId": {"Mål", "Target"}, "placeId": {"Plats", "Place"},
	"occurrences": {"Tillfällen", "Occurrences"}, "results": {"Resultat", "Results"}, "completed": {"Klart", "Completed"},
	"assessment": {"Bedömning", "Assessment"}, "status": {"Status", "Status"}, "justification": {"Motivering", "Justification"},
	"narrative": {"Berättelse", "Narrative"}, "shortfall": {"Skäl till avvikelse", "Reasons for a shortfall"},
	"substitutes": {"Ersättande aktiviteter", "Substitute activities"}, "evidence": {"Belägg", "Evidence"},
	"count": {"Antal", "Count"}, "place": {"Plats (fritt namn)", "Place (by name)"}, "note": {"Anteckning", "Note"},
	"qualifier": {"Precisering", "Qualifier"}, "outcome": {"Utfall", "Outcome"}, "activityIds": {"Aktiviteter", "Activities"},
	"notStated": {"Anges inte i källan", "Not given by the source"}, "aliases": {"Andra namn", "Other names"},
	"servesIds": {"Betjänar", "Serves"}, "publisherId": {"Utgivare", "Publisher"}, "agreementRef": {"Överenskommelse (annanstans)", "Agreement (elsewhere)"},
	"incomplete": {"Ofullständig", "Incomplete"}, "evaluationPlan": {"Utvärderingsplan", "Evaluation plan"},
	"context": {"Sammanhang", "Context"}, "wordings": {"Formuleringar", "Wordings"}, "otherPartners": {"Andra medverkande", "Other partners"},
	"leadsBySource": {"Ansvarig enligt källa", "Lead by source"}, "decided": {"Beslutad", "Decided"},
	"legalBasis": {"Rättslig grund", "Legal basis"}, "duties": {"Åtaganden", "Duties"}, "bodies": {"Organ", "Bodies"},
	"onTrack": {"Enligt plan från", "On track from"}, "atRisk": {"Risk från", "At risk from"}, "partlyAchieved": {"Delvis uppfyllt från", "Partly achieved from"},
}

// label returns the words for property prop of definition holder.
func (e *Editor) label(holder, prop string) string {
	l, ok := propLabels[holder+"."+prop]
	if !ok {
		l, ok = propLabels[prop]
	}
	if !ok {
		return prop
	}
	if e.lang == "en" {
		return l[1]
	}
	return l[0]
}

// enumLabels are the words for the values of enums, by property.
var enumLabels = map[string]map[string][2]string{
	"kind": {
		"municipality": {"Kommun", "Municipality"}, "police": {"Polisen", "Police"}, "rescueService": {"Räddningstjänst", "Rescue service"},
		"region": {"Region", "Region"}, "housingCompany": {"Bostadsbolag", "Housing company"}, "transportAuthority": {"Kollektivtrafik", "Transport authority"},
		"association": {"Förening", "Association"}, "company": {"Företag", "Company"}, "other": {"Annat", "Other"},
		"town": {"Tätort", "Town"}, "district": {"Kommundel", "District"}, "site": {"Plats", "Site"}, "placeType": {"Slags plats", "Kind of place"}, "area": {"Område", "Area"},
		"count": {"Antal", "Count"}, "milestone": {"Delmål (görs en gång)", "Milestone"}, "recurring": {"Återkommande", "Recurring"},
		"rate": {"Takt", "Rate"}, "coverage": {"Täckning", "Coverage"}, "continuous": {"Löpande arbete", "Continuous"},
		"indicator": {"Indikator", "Indicator"}, "none": {"Inget mätbart", "Nothing measurable"},
		"signedDocument": {"Undertecknat dokument", "Signed document"}, "webPage": {"Webbsida", "Web page"}, "pressRelease": {"Pressmeddelande", "Press release"},
		"followUp": {"Uppföljning", "Follow-up"}, "decision": {"Beslut", "Decision"}, "dataset": {"Statistik", "Dataset"},
		"citizenDialogue": {"Medborgardialog", "Citizen dialogue"}, "situationPicture": {"Lägesbild", "Situation picture"},
		"statistics": {"Statistik", "Statistics"}, "survey": {"Trygghetsmätning", "Survey"},
	},
	"comparison": {"atLeast": {"minst", "at least"}, "exactly": {"exakt", "exactly"}},
	"scope":      {"period": {"över hela perioden", "over the whole period"}, "year": {"varje år", "each year"}},
	"every": {"day": {"dag", "day"}, "week": {"vecka", "week"}, "month": {"månad", "month"}, "quarter": {"kvartal", "quarter"},
		"tertial": {"tertial", "tertial"}, "halfYear": {"halvår", "half-year"}, "year": {"år", "year"}},
	"direction": {"increase": {"öka", "increase"}, "decrease": {"minska", "decrease"}},
	"status": {"on_track": {"Enligt plan", "On track"}, "at_risk": {"Risk för förseningar", "At risk"}, "behind": {"Försenat", "Behind"},
		"achieved": {"Uppfyllt", "Achieved"}, "partly_achieved": {"Delvis uppfyllt", "Partly achieved"}, "not_achieved": {"Ej uppfyllt", "Not achieved"},
		"cannot_be_assessed": {"Kan inte bedömas", "Cannot be assessed"}, "withdrawn": {"Återkallat", "Withdrawn"},
		"not_started": {"Ej påbörjat", "Not started"}, "not_reported": {"Ej rapporterat", "Not reported"}},
	"outcome":   {"done": {"genomfört", "done"}, "partlyDone": {"delvis genomfört", "partly done"}, "notDone": {"ej genomfört", "not done"}},
	"qualifier": {"atLeast": {"minst", "at least"}, "over": {"drygt", "over"}, "about": {"cirka", "about"}, "under": {"knappt", "under"}, "atMost": {"högst", "at most"}},
}

// enumLabel returns the words for value v of property prop, or v.
func (e *Editor) enumLabel(prop, v string) string {
	if prop == "cadence" {
		prop = "every"
	}
	l, ok := enumLabels[prop][v]
	if !ok {
		return v
	}
	if e.lang == "en" {
		return l[1]
	}
	return l[0]
}

// plural replaces %d in a word.
func (e *Editor) count(k wordKey, n int) string {
	return strings.Replace(e.w(k), "%d", itoa(n), 1)
}
