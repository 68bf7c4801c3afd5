package synthetic

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/medborgarlofte/medborgarlofte/promise"
)

var numberWords = [...]string{"noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"}

// number writes n as Swedish prose does: words up to twelve, digits above.
func number(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return strconv.Itoa(n)
}

// lowerFirst lower-cases the first letter of s.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// times is "en gång", "två gånger".
func times(n int) string {
	if n == 1 {
		return "en gång"
	}
	return number(n) + " gånger"
}

var perCadence = map[promise.Cadence]string{
	promise.Daily:     "per dag",
	promise.Weekly:    "i veckan",
	promise.Monthly:   "i månaden",
	promise.Quarterly: "per kvartal",
	promise.Tertially: "per tertial",
	promise.HalfYear:  "per halvår",
	promise.Yearly:    "per år",
}

// join lists items the Swedish way: "A", "A och B", "A, B och C".
func join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " och " + items[len(items)-1]
}

var monthNames = [...]string{"", "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// periodName is "januari–april 2021", "juli–december 2021", or "2021"
// for a whole year.
func periodName(p promise.Period) string {
	y := strconv.Itoa(p.End.Year())
	if p.Start.Month() == time.January && p.End.Month() == time.December && p.Start.Year() == p.End.Year() {
		return y
	}
	return monthNames[p.Start.Month()] + "–" + monthNames[p.End.Month()] + " " + y
}

// years is "2021" or "2022–2023".
func years(p promise.Period) string {
	if p.Start.Year() == p.End.Year() {
		return strconv.Itoa(p.Start.Year())
	}
	return strconv.Itoa(p.Start.Year()) + "–" + strconv.Itoa(p.End.Year())
}

// Place names. Towns are made of a first and a last element of real
// Swedish place names ("Ek" + "vik"); the result is fictitious, though it
// may by chance name a real place.
var (
	townHeads = []string{"Ek", "Björk", "Lind", "Sand", "Berg", "Stor", "Lill", "Norr", "Söder", "Öster", "Väster", "Hag", "Holm", "Gran", "Al", "Bro", "Sjö", "Hammar", "Kvarn", "Rönn", "Asp", "Sol", "Sten", "Åker", "Frö", "Tall", "Hall", "Mo", "Ny", "Rya", "Klock", "Ramn", "Vret", "Kors", "Skog", "Brunn"}
	townTails = []string{"by", "sta", "torp", "berga", "vik", "hult", "näs", "dal", "fors", "holm", "lund", "ryd", "tuna", "inge", "bo", "backa", "hamn", "sund", "åsen", "säter", "bruk", "mora"}
	districts = []string{"Centrum", "Väster", "Öster", "Norr", "Söder", "Fridhem", "Solhem", "Nyhem", "Eriksberg", "Karlslund", "Lindängen", "Ekbacken", "Björkhagen", "Södra hamnen", "Gamla stan", "Stenhagen", "Vallby", "Skogsbacka"}
	schools   = []string{"Lindbackaskolan", "Ekängsskolan", "Björkhagsskolan", "Sjöviksskolan", "Granbacksskolan", "Solbergaskolan", "Vallaskolan", "Norrbackaskolan", "Tallbackaskolan", "Rönnbergaskolan", "Kvarnbackaskolan", "Hagaskolan", "Centralskolan", "Parkskolan", "Åsenskolan", "Strandskolan", "Högalidsskolan", "Furuhällsskolan"}
	hubs      = []string{"%s resecentrum", "%s station", "%s busstation"}
	sites     = []string{"%s centrum", "Stora torget i %s", "%s gästhamn", "%s idrottsplats", "Köpcentret i %s", "Parken vid %s kyrka"}
)

// Names of people who sign. They are common Swedish names picked at
// random; any likeness to a real official is chance.
var (
	firstNames = []string{"Anna", "Eva", "Maria", "Karin", "Sara", "Christina", "Lena", "Emma", "Kerstin", "Marie", "Ingrid", "Malin", "Jenny", "Annika", "Susanne", "Helena", "Lars", "Mikael", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Thomas", "Jan", "Daniel", "Fredrik", "Hans", "Magnus", "Mats", "Christer", "Ali", "Amir", "Fatima", "Leila"}
	lastNames  = []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Ekström", "Sjöberg"}
)

func (s *source) person() string { return pick(s, firstNames) + " " + pick(s, lastNames) }

// Follow-up phrases.
var (
	shortfalls = []string{
		"Insatser fick ställas in på grund av prioriterade händelser i lokalpolisområdet.",
		"Personalbrist under sommarperioden gjorde att färre tillfällen än planerat kunde genomföras.",
		"Intresset från invånarna var lägre än väntat och två tillfällen ställdes in.",
		"Arbetet försenades av en omorganisation inom förvaltningen.",
		"Vädret gjorde att planerade utomhusaktiviteter fick skjutas upp.",
		"Resurserna behövdes under perioden för en pågående utredning om grovt våld.",
	}
	pandemicShortfall = "Restriktionerna under pandemin gjorde att fysiska möten inte kunde hållas som planerat."
	substitutes       = []string{
		"I stället hölls en digital informationsträff.",
		"Informationen spreds i stället via kommunens och polisens sociala medier.",
		"En extra insats genomfördes i samband med skolavslutningen.",
		"Polisen medverkade i stället vid en föräldrakväll på en av skolorna.",
	}
	onTrackNotes = []string{
		"Arbetet pågår enligt plan och följs upp på Brå-mötena.",
		"Samverkan fungerar väl och mötena har hållits enligt plan.",
		"Arbetet har bedrivits löpande under perioden och är en del av det ordinarie arbetet.",
	}
	atRiskNotes = []string{
		"Arbetet har kommit i gång men resurserna har under perioden behövts för andra prioriterade ärenden.",
		"Arbetet har delvis stått still under perioden på grund av vakanser.",
	}
	behindNotes = []string{
		"Arbetet har inte kunnat bedrivas i planerad omfattning under perioden.",
	}
	summaries = []string{
		"Arbetet med medborgarlöftet har under perioden i huvudsak bedrivits enligt plan.",
		"De flesta aktiviteterna har genomförts enligt plan; några har fått skjutas fram.",
		"Perioden präglades av ett högt ärendetryck, men samverkan mellan parterna har fungerat väl.",
		"Uppföljningen har diskuterats på det gemensamma Brå-mötet.",
	}
	elsewhere = []string{"Abborrberget", "Kvarnbacken", "Idrottsparken", "Folkets park", "Badplatsen vid sjön"}
)
