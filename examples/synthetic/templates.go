package synthetic

import "github.com/medborgarlofte/medborgarlofte/promise"

// role is who leads or takes part in an activity; the builder turns it
// into parties of the document, creating partners that have not signed
// when a template needs them.
type role uint8

const (
	rPolice    role = iota // the lokalpolisområde
	rMuni                  // the municipality (one of them, in a joint document)
	rBoth                  // the police and the municipality together
	rRescue                // räddningstjänsten
	rHousing               // a housing company
	rAssoc                 // the local nattvandrare association
	rTransport             // the county's public transport authority
)

// placeSel says which places an activity is tied to, and which places a
// coverage target must reach.
type placeSel uint8

const (
	pNone    placeSel = iota
	pSeat             // the seat (centralort)
	pStation          // the site where buses and trains stop
	pSite             // one named site
	pSites            // two named sites
	pArea             // one town or district
	pAreas2           // two towns or districts
	pAreas            // every town and district: "samtliga kommundelar"
	pSchools          // every named school
)

// season is a part of the year an activity may be limited to.
type season uint8

const (
	anyTime     season = iota
	spring             // "under våren": January to mid-June
	summer             // "under sommarlovet": mid-June to mid-August
	autumn             // "under hösten": September to December
	mopedSeason        // April to September
)

// activityTemplate is one kind of activity seen in real citizen promises,
// with the ways its target is phrased.
type activityTemplate struct {
	key      string
	theme    string
	lead     role
	partners []role
	seasons  []season // seasons the activity may be limited to, if any
	variants []variant
}

// variant is one phrasing of an activity with its kind of target.
// Placeholders: {lead}, {partners}, {kommun}, {ort}, {N} (the number in
// words), {gånger} ("två gånger"), {per} ("per månad"), {perioden}
// ("under 2021", "varje år"), {site}, {site2}, {area}, {area2}.
type variant struct {
	weight  int
	kind    promise.TargetKind
	text    string
	goal    string // a milestone's description
	unit    string // plural, for count, recurring and coverage targets
	done    string // how a report tells what was done, with %d for the number
	lo, hi  int    // the range of N (per year for counts)
	exact   bool   // "två nya", not "minst två"
	every   promise.Cadence
	places  placeSel
	split   bool   // a count target split by place
	yearly  bool   // counted anew each year ("varje nytt år")
	season  season // forced window
	measure *indicator
}

var activityTemplates = []activityTemplate{
	// Trygghet i offentliga miljöer.
	{key: "trygghetsvandringar", theme: "trygghet", lead: rMuni, partners: []role{rPolice}, seasons: []season{autumn, spring}, variants: []variant{
		{weight: 5, kind: promise.Count, text: "{lead} kommer i samverkan med {partners} att genomföra minst {N} trygghetsvandringar {perioden}, bland annat i och kring {site} och {site2}.", unit: "trygghetsvandringar", lo: 2, hi: 6, places: pSites, split: true},
		{weight: 2, kind: promise.Recurring, text: "{lead} och {partners} bjuder in invånare till trygghetsvandringar {gånger} {per}.", unit: "trygghetsvandringar", lo: 1, hi: 2, every: promise.Tertially},
		{weight: 2, kind: promise.Coverage, done: "Under perioden hölls trygghetsvandringar i %d kommundelar.", text: "{lead} genomför tillsammans med {partners} trygghetsvandringar i samtliga kommundelar {perioden}.", unit: "kommundelar", places: pAreas},
	}},
	{key: "narvaro", theme: "trygghet", lead: rPolice, variants: []variant{
		{weight: 3, kind: promise.Recurring, text: "{lead} ökar sin närvaro vid {site} och {site2} med riktade insatser minst {gånger} {per}, med fokus på helgkvällar.", unit: "insatser", lo: 2, hi: 6, every: promise.Monthly, places: pSites},
		{weight: 2, kind: promise.Unmeasurable, text: "{lead} verkar för att synas mer i {ort} centrum och på platser där ungdomar samlas.", places: pSeat},
	}},
	{key: "est", theme: "trygghet", lead: rBoth, variants: []variant{
		{weight: 2, kind: promise.Recurring, text: "{lead} tar varje vecka fram en gemensam lägesbild enligt metoden EST, Effektiv samordning för trygghet, och fördelar insatserna efter den.", unit: "EST-möten", lo: 1, hi: 1, every: promise.Weekly},
		{weight: 3, kind: promise.Continuous, text: "{lead} fortsätter att samverka genom regelbundna möten, Brottsförebyggande rådet (Brå) och Effektiv samordning för trygghet (EST), för att tidigt upptäcka ungdomar som är på väg in i kriminalitet och narkotikamissbruk."},
	}},
	{key: "belysning", theme: "trygghet", lead: rMuni, variants: []variant{
		{weight: 2, kind: promise.Milestone, text: "{lead} ser över belysningen längs gång- och cykelvägar i {area} och åtgärdar de brister som kom fram vid trygghetsvandringarna.", goal: "Belysningen i {area} är åtgärdad", places: pArea},
		{weight: 2, kind: promise.Count, done: "Under perioden åtgärdades %d platser.", text: "{lead} åtgärdar minst {N} otrygga platser som identifierats vid trygghetsvandringar {perioden}, till exempel med bättre belysning och röjd växtlighet.", unit: "platser", lo: 3, hi: 10},
	}},
	{key: "nattvandring", theme: "trygghet", lead: rMuni, partners: []role{rAssoc, rPolice}, seasons: []season{summer, autumn}, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} stöttar {partners} så att minst {N} nattvandringar genomförs {perioden}.", unit: "nattvandringar", lo: 10, hi: 40},
		{weight: 2, kind: promise.Recurring, text: "{lead} och {partners} nattvandrar i {ort} {gånger} {per} under sommarlovet, fredagar och lördagar.", unit: "nattvandringar", lo: 2, hi: 2, every: promise.Weekly, season: summer, places: pSeat},
		{weight: 1, kind: promise.Unmeasurable, text: "{lead} bjuder in föräldrar att delta vid nattvandringar tillsammans med {partners}."},
	}},
	{key: "dialog", theme: "trygghet", lead: rBoth, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} genomför minst {N} medborgardialoger om trygghet {perioden}, bland annat i {area}.", unit: "medborgardialoger", lo: 2, hi: 6, places: pArea},
		{weight: 2, kind: promise.Coverage, done: "Under perioden hölls dialogmöten i %d kommundelar.", text: "{lead} genomför informations- och dialogmöten om trygghet med invånare i samtliga kommundelar {perioden}.", unit: "kommundelar", places: pAreas},
	}},
	{key: "kamera", theme: "trygghet", lead: rMuni, partners: []role{rPolice}, variants: []variant{
		{weight: 1, kind: promise.Milestone, text: "{lead} utreder tillsammans med {partners} behovet av kameraövervakning vid {site} och ansöker om tillstånd där det behövs.", goal: "Behovet av kameraövervakning är utrett", places: pSite},
		{weight: 1, kind: promise.Continuous, text: "{lead} anlitar ordningsvakter i {ort} centrum under helgkvällar.", places: pSeat},
	}},

	// Narkotika och unga.
	{key: "narkotikasok", theme: "narkotika", lead: rPolice, partners: []role{rMuni}, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} genomför narkotikasök med hund på skolor vid minst {N} tillfällen {perioden}, i förebyggande syfte och för att skapa en drogfri miljö för barn och ungdomar.", unit: "tillfällen", lo: 2, hi: 8},
		{weight: 2, kind: promise.Coverage, done: "Under perioden besöktes %d skolor med narkotikasökhund.", text: "{lead} besöker samtliga högstadieskolor med narkotikasökhund {perioden}.", unit: "skolor", places: pSchools},
	}},
	{key: "linkopingsmodellen", theme: "narkotika", lead: rPolice, partners: []role{rMuni}, variants: []variant{
		{weight: 3, kind: promise.Continuous, text: "{lead} fortsätter att arbeta enligt Linköpingsmodellen: polisen och socialtjänsten åker hem till ungdomar mellan 15 och 18 år som misstänks ha börjat använda droger, och informerar och konfronterar föräldrar och ungdomar om misstankarna."},
		{weight: 2, kind: promise.Count, text: "{lead} genomför tillsammans med socialtjänsten minst {N} hembesök enligt Linköpingsmodellen {perioden}.", unit: "hembesök", lo: 5, hi: 30},
	}},
	{key: "foraldratraffar", theme: "narkotika", lead: rMuni, partners: []role{rPolice}, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} samordnar minst {N} föräldraträffar på skolor {perioden}, med förebyggande information där {partners} medverkar. Träffarnas teman utgår från den gemensamma lägesbilden.", unit: "föräldraträffar", lo: 2, hi: 6},
		{weight: 2, kind: promise.Coverage, done: "Under perioden hölls informationsmöten för föräldrar på %d skolor.", text: "{lead} och {partners} håller informationsmöten för föräldrar i årskurs 7 på samtliga högstadieskolor varje nytt år, med särskilt fokus på att förebygga narkotikaanvändning bland unga.", unit: "skolor", places: pSchools, yearly: true},
	}},
	{key: "narkotikainsatser", theme: "narkotika", lead: rPolice, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} genomför minst {N} narkotikainsatser med fokus på ungdomar och unga vuxna {perioden}.", unit: "narkotikainsatser", lo: 2, hi: 6},
		{weight: 1, kind: promise.Recurring, text: "{lead} genomför riktade insatser mot narkotikaförsäljning i {ort} minst {gånger} {per}.", unit: "insatser", lo: 1, hi: 2, every: promise.Monthly, places: pSeat},
	}},
	{key: "avloppsvatten", theme: "narkotika", lead: rMuni, variants: []variant{
		{weight: 2, kind: promise.Milestone, text: "{lead} mäter narkotika i avloppsvattnet i olika kommundelar för att se vilka preparat som används och i vilken omfattning.", goal: "Mätningen är genomförd och redovisad i Brå"},
		{weight: 1, kind: promise.Count, text: "{lead} tar minst {N} prover av avloppsvattnet i olika kommundelar {perioden} för att följa narkotikaanvändningen.", unit: "provtagningar", lo: 2, hi: 6},
	}},
	{key: "drogvanor", theme: "narkotika", lead: rMuni, variants: []variant{
		{weight: 1, kind: promise.Indicator, text: "{lead} genomför en drogvaneundersökning bland elever i årskurs 9 och följer andelen som uppger att de har använt narkotika.", measure: &drugUse},
		{weight: 1, kind: promise.Count, done: "Under perioden utbildades %d medarbetare.", text: "{lead} utbildar minst {N} medarbetare på skolor och fritidsgårdar i att tidigt upptäcka droganvändning {perioden}.", unit: "medarbetare", lo: 15, hi: 80},
	}},

	// Trafik.
	{key: "trafikkontroller", theme: "trafik", lead: rPolice, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} genomför minst {N} trafikkontroller med inriktning på nykterhet och hastighet {perioden}.", unit: "trafikkontroller", lo: 40, hi: 300},
		{weight: 2, kind: promise.Coverage, done: "Under perioden genomfördes trafikkontroller i %d kommundelar.", text: "{lead} genomför trafikkontroller i kommunens samtliga kommundelar {perioden}, med inriktning på nykterhet, hastighet och beteende i trafiken.", unit: "kommundelar", places: pAreas},
		{weight: 1, kind: promise.Count, text: "{lead} genomför minst {N} nykterhetskontroller {perioden}, flera av dem i {area} och {area2}.", unit: "nykterhetskontroller", lo: 20, hi: 120, places: pAreas2, split: true},
	}},
	{key: "hastighet", theme: "trafik", lead: rPolice, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} genomför minst {N} hastighetskontroller utifrån invånarnas önskemål {perioden}.", unit: "hastighetskontroller", lo: 15, hi: 70},
		{weight: 1, kind: promise.Unmeasurable, text: "{lead} tar emot invånarnas tips om platser där det körs för fort och prioriterar kontrollerna efter dem."},
	}},
	{key: "mopeder", theme: "moped", lead: rPolice, seasons: []season{spring, mopedSeason}, variants: []variant{
		{weight: 4, kind: promise.Count, text: "{lead} genomför minst {N} riktade insatser mot trimmade mopeder, A-traktorer och EPA-traktorer {perioden}.", unit: "insatser", lo: 2, hi: 6},
		{weight: 1, kind: promise.Recurring, text: "{lead} kontrollerar mopeder och A-traktorer {gånger} {per} från april till september.", unit: "kontroller", lo: 1, hi: 2, every: promise.Monthly, season: mopedSeason},
	}},
	{key: "trafikrad", theme: "trafik", lead: rBoth, variants: []variant{
		{weight: 2, kind: promise.Milestone, text: "{lead} upprättar ett trafiksäkerhetsråd där information delas och invånarnas synpunkter vägs in i arbetet med trafikmiljön.", goal: "Trafiksäkerhetsrådet är upprättat"},
		{weight: 3, kind: promise.Recurring, text: "{lead} träffas {gånger} {per} i trafiksäkerhetsrådet och tar där del av invånarnas synpunkter på trafikmiljön.", unit: "möten", lo: 1, hi: 1, every: promise.Quarterly},
		{weight: 2, kind: promise.Continuous, text: "{lead} fortsätter att utveckla trafiksäkerhetsrådet, där bland andra polisen, räddningstjänsten, kommunens stadsmiljöenhet och bussbolagen ingår."},
	}},
	{key: "epa", theme: "moped", lead: rBoth, variants: []variant{
		{weight: 2, kind: promise.Milestone, text: "{lead} genomför en gemensam informationskampanj för föräldrar om mopedbilar och EPA-traktorer.", goal: "Informationskampanjen är genomförd"},
		{weight: 2, kind: promise.Coverage, done: "Under perioden nådde informationen %d familjer.", text: "{lead} sprider information om säker körning av moped, mopedbil och A-traktor till samtliga föräldrar vars barn fyller 15 år, varje nytt år.", unit: "familjer", lo: 120, hi: 900, yearly: true},
	}},
	{key: "skolvagar", theme: "trafik", lead: rMuni, partners: []role{rPolice}, seasons: []season{autumn}, variants: []variant{
		{weight: 2, kind: promise.Count, text: "{lead} förbättrar trafikmiljön vid minst {N} skolor och förskolor {perioden}, bland annat med säkrare avlämningsplatser.", unit: "skolor", lo: 2, hi: 6, done: "Under perioden förbättrades trafikmiljön vid %d skolor och förskolor."},
		{weight: 2, kind: promise.Count, text: "{lead} och {partners} genomför minst {N} trafikinsatser vid skolor och förskolor vid skolstarten och under skoldagens rusningstider.", unit: "trafikinsatser", lo: 3, hi: 10},
	}},
	{key: "cyklister", theme: "trafik", lead: rPolice, partners: []role{rMuni}, variants: []variant{
		{weight: 1, kind: promise.Count, text: "{lead} genomför minst {N} trafikinsatser riktade mot cyklister, elsparkcyklar och gångtrafikanter, och informerar om hur man tar sig fram säkert i trafiken.", unit: "trafikinsatser", lo: 2, hi: 8},
	}},

	// Bostadsinbrott och grannsamverkan.
	{key: "grannsamverkan", theme: "inbrott", lead: rBoth, variants: []variant{
		{weight: 4, kind: promise.Count, done: "Under perioden etablerades %d nya grannsamverkansområden.", text: "{lead} informerar i publika sammanhang, på sina webbplatser och i sociala medier om grannsamverkan och dna-märkning, och etablerar minst {N} nya grannsamverkansområden {perioden}.", unit: "grannsamverkansområden", lo: 3, hi: 20},
		{weight: 2, kind: promise.Coverage, done: "Under perioden etablerades nya grannsamverkansområden i %d kommundelar.", text: "{lead} etablerar nya grannsamverkansområden i samtliga kommundelar {perioden}.", unit: "kommundelar", places: pAreas},
	}},
	{key: "batsamverkan", theme: "inbrott", lead: rBoth, variants: []variant{
		{weight: 1, kind: promise.Count, done: "Under perioden etablerades %d nya båtsamverkansområden.", text: "{lead} informerar om båtsamverkan och etablerar {N} nya båtsamverkansområden i {area} och {area2} {perioden}.", unit: "båtsamverkansområden", lo: 2, hi: 3, exact: true, places: pAreas2},
	}},
	{key: "lokaler", theme: "inbrott", lead: rMuni, variants: []variant{
		{weight: 1, kind: promise.Unmeasurable, text: "{lead} tillhandahåller lämpliga lokaler vid utbildningstillfällen för grannsamverkan och båtsamverkan."},
	}},
	{key: "inbrottsinfo", theme: "inbrott", lead: rPolice, partners: []role{rHousing}, variants: []variant{
		{weight: 1, kind: promise.Count, text: "{lead} informerar om hur man skyddar sig mot inbrott vid minst {N} tillfällen {perioden}, bland annat tillsammans med {partners}.", unit: "informationstillfällen", lo: 2, hi: 8},
	}},

	// Unga och kriminella nätverk.
	{key: "sspf", theme: "unga", lead: rBoth, variants: []variant{
		{weight: 3, kind: promise.Continuous, text: "{lead} fortsätter samverkan i SSPF, skola, socialtjänst, polis och fritid, kring unga som riskerar att hamna i kriminalitet."},
		{weight: 1, kind: promise.Count, text: "{lead} håller minst {N} SSPF-möten om enskilda ungdomar {perioden}.", unit: "SSPF-möten", lo: 6, hi: 24},
	}},
	{key: "skolkontakter", theme: "unga", lead: rPolice, partners: []role{rMuni}, variants: []variant{
		{weight: 2, kind: promise.Unmeasurable, text: "{lead} fortsätter sina täta kontakter med både skolor och fritidsgårdar."},
		{weight: 2, kind: promise.Recurring, text: "Områdespolisen besöker varje högstadieskola i kommunen minst {gånger} {per}.", unit: "besök", lo: 1, hi: 1, every: promise.Tertially, places: pSchools},
	}},
	{key: "feriejobb", theme: "unga", lead: rMuni, seasons: []season{summer}, variants: []variant{
		{weight: 2, kind: promise.Count, done: "Under perioden fick %d ungdomar feriejobb eller sommarlovsverksamhet.", text: "{lead} erbjuder minst {N} ungdomar feriejobb eller meningsfull sommarlovsverksamhet {perioden}.", unit: "ungdomar", lo: 40, hi: 400},
	}},
	{key: "foraldrastod", theme: "unga", lead: rMuni, partners: []role{rPolice}, variants: []variant{
		{weight: 2, kind: promise.Count, done: "Under perioden startade %d föräldragrupper.", text: "{lead} erbjuder minst {N} föräldragrupper i föräldrastödsprogram som ABC och Komet {perioden}.", unit: "föräldragrupper", lo: 2, hi: 8},
		{weight: 1, kind: promise.Milestone, text: "{lead} tar tillsammans med {partners} fram en plan för tidiga föräldrastärkande insatser.", goal: "Planen är antagen"},
	}},
	{key: "avhopp", theme: "unga", lead: rBoth, variants: []variant{
		{weight: 2, kind: promise.Milestone, text: "{lead} inrättar en gemensam avhopparverksamhet för unga som vill lämna kriminella nätverk.", goal: "Avhopparverksamheten är i gång"},
		{weight: 1, kind: promise.Continuous, text: "{lead} arbetar vidare med avhopparverksamheten för unga som vill lämna kriminella nätverk."},
	}},

	// Våld i nära relationer.
	{key: "envecka", theme: "vald", lead: rMuni, partners: []role{rPolice}, variants: []variant{
		{weight: 3, kind: promise.Recurring, text: "{lead} genomför tillsammans med {partners} informationsinsatser om våld i nära relationer under den nationella kampanjveckan En vecka fri från våld, {gånger} {per}.", unit: "kampanjveckor", lo: 1, hi: 1, every: promise.Yearly},
		{weight: 2, kind: promise.Count, text: "{lead} bjuder i samverkan med {partners} in till minst {N} informationsmöten och utbildningar om våld i nära relationer {perioden}.", unit: "informationsmöten", lo: 2, hi: 6},
	}},
	{key: "valdutbildning", theme: "vald", lead: rMuni, variants: []variant{
		{weight: 1, kind: promise.Count, done: "Under perioden utbildades %d medarbetare.", text: "{lead} utbildar minst {N} medarbetare som möter barn och unga i att upptäcka våld i nära relationer {perioden}.", unit: "medarbetare", lo: 20, hi: 150},
	}},
	{key: "brottsoffer", theme: "vald", lead: rPolice, variants: []variant{
		{weight: 2, kind: promise.Unmeasurable, text: "{lead} fokuserar och prioriterar särskilt utsatta brottsoffer och ser till att de får stöd och information."},
		{weight: 1, kind: promise.Continuous, text: "{lead} fortsätter att arbeta med tidiga insatser vid våld i nära relationer tillsammans med socialtjänsten."},
	}},

	// Sexuell exploatering och kränkningar.
	{key: "krankningar", theme: "exploatering", lead: rMuni, variants: []variant{
		{weight: 1, kind: promise.Count, done: "Under perioden utbildades %d medarbetare.", text: "{lead} utbildar fler medarbetare som har kontakt med barn och ungdomar om sexuella trakasserier och kränkningar, minst {N} {perioden}.", unit: "medarbetare", lo: 20, hi: 120},
	}},
	{key: "natsakerhet", theme: "exploatering", lead: rPolice, partners: []role{rMuni}, variants: []variant{
		{weight: 2, kind: promise.Coverage, done: "Under perioden hölls lektioner på %d skolor.", text: "{lead} håller lektioner om nätsäkerhet och sexuell exploatering för elever i årskurs 6 på samtliga skolor {perioden}.", unit: "skolor", places: pSchools},
		{weight: 1, kind: promise.Count, text: "{lead} håller minst {N} föreläsningar för föräldrar om ungas liv på nätet {perioden}.", unit: "föreläsningar", lo: 2, hi: 6},
	}},

	// Brott mot äldre.
	{key: "bedragerier", theme: "aldre", lead: rBoth, variants: []variant{
		{weight: 3, kind: promise.Count, text: "{lead} håller minst {N} informationsträffar om bedrägerier och brott mot äldre på träffpunkter för seniorer {perioden}.", unit: "informationsträffar", lo: 2, hi: 8},
	}},
	{key: "seniorvandring", theme: "aldre", lead: rMuni, partners: []role{rPolice}, variants: []variant{
		{weight: 1, kind: promise.Count, text: "{lead} genomför tillsammans med {partners} minst {N} trygghetsvandringar för seniorer {perioden}, bland annat i {area}.", unit: "seniorvandringar", lo: 2, hi: 3, places: pArea},
	}},

	// Kollektivtrafik.
	{key: "stationer", theme: "kollektivtrafik", lead: rPolice, partners: []role{rTransport, rMuni}, variants: []variant{
		{weight: 3, kind: promise.Recurring, text: "{lead} genomför gemensamma insatser med {partners} vid {site} minst {gånger} {per}.", unit: "insatser", lo: 1, hi: 4, every: promise.Monthly, places: pStation},
		{weight: 2, kind: promise.Count, text: "{lead} och {partners} genomför minst {N} gemensamma trygghetsinsatser i kollektivtrafiken {perioden}.", unit: "trygghetsinsatser", lo: 4, hi: 20},
	}},
	{key: "resecentrum", theme: "kollektivtrafik", lead: rMuni, partners: []role{rTransport}, variants: []variant{
		{weight: 1, kind: promise.Milestone, text: "{lead} förbättrar belysning och sikt vid {site} tillsammans med {partners}.", goal: "Åtgärderna vid {site} är genomförda", places: pStation},
	}},

	// Skadegörelse och anlagda bränder.
	{key: "klotter", theme: "skadegorelse", lead: rMuni, partners: []role{rHousing}, variants: []variant{
		{weight: 2, kind: promise.Continuous, text: "{lead} sanerar klotter på kommunens fastigheter inom 24 timmar från anmälan."},
		{weight: 1, kind: promise.Count, text: "{lead} och {partners} genomför minst {N} städ- och trygghetsdagar tillsammans med invånare {perioden}.", unit: "städdagar", lo: 2, hi: 5},
	}},
	{key: "brand", theme: "skadegorelse", lead: rRescue, partners: []role{rMuni, rPolice}, variants: []variant{
		{weight: 2, kind: promise.Count, done: "Under perioden fick %d skolklasser information om brandskydd.", text: "{lead} informerar om brandskydd och om följderna av anlagda bränder i minst {N} skolklasser {perioden}.", unit: "skolklasser", lo: 5, hi: 30},
		{weight: 1, kind: promise.Indicator, text: "{lead} följer tillsammans med {partners} antalet anlagda bränder i skolmiljö och sätter in åtgärder där de ökar.", measure: &indicator{text: "Antal anlagda bränder i skolmiljö", unit: "bränder", lo: 6, hi: 25, change: 0.2, dir: promise.Decrease, decimals: 0, source: "Räddningstjänstens insatsstatistik"}},
	}},
}

// templatesFor returns the activity templates of a theme, with the
// templates of its sub-area.
func templatesFor(t *theme) []*activityTemplate {
	var out []*activityTemplate
	for i := range activityTemplates {
		a := &activityTemplates[i]
		if a.theme == t.key || t.sub != nil && a.theme == t.sub.key {
			out = append(out, a)
		}
	}
	return out
}
