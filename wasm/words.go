//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// phrase is one of the widget's own words in Swedish and English.
type phrase struct{ sv, en string }

// in returns the phrase in lang: English for "en", else Swedish.
func (p phrase) in(lang string) string {
	if lang == "en" {
		return p.en
	}
	return p.sv
}

// The widget's words. Texts of the data come from the data, in lang.
var (
	wSigned         = phrase{"Undertecknat", "Signed"}
	wLead           = phrase{"Ansvarig", "Lead"}
	wPartners       = phrase{"Tillsammans med", "With"}
	wOther          = phrase{"Övriga aktiviteter", "Other activities"}
	wFollowUp       = phrase{"Uppföljning och källor", "Follow-up and sources"}
	wSourceDocs     = phrase{"Källdokument", "Source documents"}
	wPromises       = phrase{"Löften", "Promises"}
	wOtherPromises  = phrase{"Övriga löften", "Other promises"}
	wPromise        = phrase{"lovar", "promise"}
	wCounts         = phrase{"Aktiviteter per status", "Activities by status"}
	wOverall        = phrase{"Sammantagen måluppfyllelse", "Overall progress"}
	wProgress       = phrase{"Måluppfyllelse", "Progress"}
	wStatusAt       = phrase{"Status per", "Status as of"}
	wLastReport     = phrase{"Senaste uppföljning", "Latest follow-up"}
	wNoReport       = phrase{"Ingen uppföljning ännu", "No follow-up yet"}
	wIllustrative   = phrase{"Uppföljningarna från %s är exempel, inte verkliga rapporter.", "The follow-ups of %s are examples, not real reports."}
	wExample        = phrase{"exempel", "example"}
	wLatest         = phrase{"Uppföljning", "Follow-up"}
	wShortfall      = phrase{"Varför mindre än utlovat", "Why less than promised"}
	wInstead        = phrase{"I stället", "Instead"}
	wAssessment     = phrase{"Bedömning", "Assessment"}
	wComputed       = phrase{"Beräknad status", "Computed status"}
	wResults        = phrase{"Rapporterade resultat", "Reported results"}
	wConflict       = phrase{"Uppgifterna går isär", "The reports disagree"}
	wUsed           = phrase{"Värdet som används: %s.", "The value used: %s."}
	wEvidence       = phrase{"Underlag och källor", "Evidence and sources"}
	wData           = phrase{"Data (JSON)", "Data (JSON)"}
	wFetched        = phrase{"Hämtad", "Fetched"}
	wRetry          = phrase{"Försök igen", "Try again"}
	wRetrying       = phrase{"Försöker igen …", "Trying again …"}
	wStale          = phrase{"Kunde inte hämta de senaste uppgifterna. Här visas sparade uppgifter från %s.", "Could not fetch the latest data. Showing data saved on %s."}
	wErrTitle       = phrase{"Medborgarlöftet kan inte visas.", "The citizen promise cannot be shown."}
	wErrNetwork     = phrase{"Uppgifterna kunde inte hämtas. Kontrollera anslutningen och försök igen.", "The data could not be fetched. Check the connection and try again."}
	wErrCrossOrigin = phrase{"Uppgifterna kunde inte hämtas från %s. Den webbplatsen måste tillåta sidan med CORS (Access-Control-Allow-Origin), och har sidan en Content-Security-Policy måste connect-src nämna %s.", "The data could not be fetched from %s. That site must allow this page by CORS (Access-Control-Allow-Origin), and if the page has a Content-Security-Policy, its connect-src must name %s."}
	wErrCSP         = phrase{"Sidans Content-Security-Policy stoppade hämtningen av uppgifterna från %s: lägg till adressen i connect-src, till exempel connect-src 'self' %s.", "The page's Content-Security-Policy blocked fetching the data from %s: add it to connect-src, for example connect-src 'self' %s."}
	wErrHTTP        = phrase{"Servern svarade %d när uppgifterna hämtades.", "The server answered %d when the data was fetched."}
	wErrRedirect    = phrase{"Adressen till uppgifterna skickar vidare till en annan adress. Ange den slutliga adressen i src.", "The data's address redirects elsewhere. Give the final address in src."}
	wErrTooLarge    = phrase{"Uppgifterna är större än %s och hämtades inte färdigt.", "The data is larger than %s and was not fetched in full."}
	wErrJSON        = phrase{"Filen med uppgifterna är skadad: den är inte giltig JSON.", "The data file is damaged: it is not valid JSON."}
	wErrKind        = phrase{"Filen är inte ett medborgarlöfte som widgeten kan visa.", "The file is not a citizen promise the widget can show."}
	wErrStructure   = phrase{"Filen med uppgifterna följer inte formatet för medborgarlöften.", "The data file does not follow the format of citizen promises."}
	wErrInvalid     = phrase{"Uppgifterna i filen hänger inte ihop.", "The data in the file do not fit together."}
	wErrBug         = phrase{"Ett fel i widgeten hindrar att uppgifterna visas.", "An error in the widget keeps the data from being shown."}
	wErrConsole     = phrase{"Den som ansvarar för sidan hittar detaljerna i webbläsarens konsol.", "Whoever looks after the page finds the details in the browser's console."}
	wDetails        = phrase{"Detaljer", "Details"}
	wProblems       = phrase{"Fel (kontrollera filen med: go run ./schema/cmd/validate FIL):", "Problems (check the file with: go run ./schema/cmd/validate FILE):"}
	wErrMore        = phrase{"… och %d fel till.", "… and %d more."}
	wErrConfig      = phrase{"Widgeten är felaktigt inbäddad: %s.", "The widget is embedded wrongly: %s."}
	wCfgNoSrc       = phrase{"attributet src saknas", "the src attribute is missing"}
	wCfgSrc         = phrase{"src %s är inte en webbadress (http eller https)", "src %s is not an http(s) address"}
	wCfgAt          = phrase{"at %s är inte ett datum ÅÅÅÅ-MM-DD", "at %s is not a date YYYY-MM-DD"}
	wCfgPromise     = phrase{"promise %s är inte ett id", "promise %s is not an id"}
	wErrNoPromise   = phrase{"Det finns inget löfte med id %s i uppgifterna.", "There is no promise with id %s in the data."}
	wErrNoCitizen   = phrase{"Uppgifterna innehåller inget medborgarlöfte.", "The data holds no citizen promise."}
	wErrInternal    = phrase{"Ett internt fel uppstod: %s.", "An internal error occurred: %s."}
	wAnd            = phrase{"och", "and"}
	wFromDate       = phrase{"från %s", "from %s"}
	wWithdrawn      = phrase{"Återkallat", "Withdrawn"}
)

// formatDate returns d as people write it, as precise as its source:
// "8 februari 2019", "februari 2019", "2019" (promise/words).
func formatDate(d promise.Date, lang string) string {
	if d.IsZero() {
		return ""
	}
	return string(words.AppendLongDate(nil, d.Year(), d.Month(), d.Day(), lang))
}

// formatPeriod returns p compactly: "1 januari – 31 december 2019",
// "1 januari 2022 – 31 december 2023", "oktober 2018 – 2019", "från 1
// januari 2022"; a bound the source does not state is "okänt"
// ("unknown"), and a period with neither date nor words nothing.
func formatPeriod(p promise.Period, lang string) string {
	bound := func(d promise.Date, unknown bool) string {
		if d.IsZero() && unknown {
			return words.Key("fmt.unknown").In(lang)
		}
		return formatDate(d, lang)
	}
	switch {
	case p.Start.IsZero() && p.End.IsZero() && !p.StartUnknown() && !p.EndUnknown():
		return ""
	case p.Open():
		return sprintf(wFromDate.in(lang), bound(p.Start, p.StartUnknown()))
	case p.Start == p.End:
		return formatDate(p.Start, lang)
	case p.Start.Precision() == promise.DayPrecision && p.End.Precision() == promise.DayPrecision && p.Start.Year() == p.End.Year():
		return strconv.Itoa(p.Start.Day()) + " " + words.Month(p.Start.Month(), lang) + " – " + formatDate(p.End, lang)
	}
	return bound(p.Start, p.StartUnknown()) + " – " + bound(p.End, p.EndUnknown())
}

// formatTime returns a moment as a date and a time of day in the
// browser's time zone: "22 november 2026 kl. 14.05", "22 November 2026,
// 14:05".
func formatTime(t time.Time, lang string) string {
	t = t.Local()
	d := formatDate(promise.DateOf(t), lang)
	hh, mm, _ := t.Clock()
	if lang == "en" {
		return d + ", " + pad2(hh) + ":" + pad2(mm)
	}
	return d + " kl. " + pad2(hh) + "." + pad2(mm)
}

// isoTime returns t in UTC as RFC 3339, 2020-01-31T10:00:00Z, without
// time's formatter (which the widget links for nothing else).
func isoTime(t time.Time) string {
	t = t.UTC()
	hh, mm, ss := t.Clock()
	return promise.DateOf(t).String() + "T" + pad2(hh) + ":" + pad2(mm) + ":" + pad2(ss) + "Z"
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// joinList joins names as a sentence: "A", "A och B", "A, B och C".
func joinList(names []string, lang string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + wAnd.in(lang) + " " + names[len(names)-1]
}

// sprintf replaces the phrase's %s and %d, in order, with args: fmt is
// not needed for that.
func sprintf(s string, args ...string) string {
	var b strings.Builder
	for _, arg := range args {
		i := strings.Index(s, "%")
		if i < 0 || i+1 >= len(s) {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(arg)
		s = s[i+2:]
	}
	b.WriteString(s)
	return b.String()
}

// language returns the widget language for a lang attribute: "en" for
// English ("en", "en-GB"), else "sv".
func language(lang string) string {
	l := strings.ToLower(lang)
	if l == "en" || strings.HasPrefix(l, "en-") {
		return "en"
	}
	return "sv"
}

// formatNumber returns v as people write it: "303", "2,5" in Swedish,
// "2.5" in English.
func formatNumber(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
		if strings.HasPrefix(s, "-") {
			s = "−" + s[1:]
		}
	}
	return s
}
