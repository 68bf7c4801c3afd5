package synthetic

import "github.com/medborgarlofte/medborgarlofte/promise"

// theme is a focus area that agreements and citizen promises pick from,
// with the promises ("löften") and expected-effect indicators that go with
// it. Texts hold placeholders that [filler] replaces: {givers} (who
// promises), {kommun}, {ort}, {site}.
type theme struct {
	key      string
	sv, en   string
	descr    string
	sub      *theme // a sub-area some documents use
	promises []string
	effects  []indicator
}

// indicator is a measured value that a citizen promise's expected effect,
// or an activity, aims to move.
type indicator struct {
	text      string
	unit      string
	lo, hi    float64 // the range of baselines
	change    float64 // the least relative change the target asks for
	dir       promise.Direction
	decimals  int
	threshold bool // the parties agree to act at a level (an index)
	source    string
}

// drugUse is measured both as an expected effect and by an activity.
var drugUse = indicator{text: "Andelen elever i årskurs 9 som uppger att de någon gång har använt narkotika", unit: "procent", lo: 4, hi: 12, change: 0.15, dir: promise.Decrease, decimals: 1, source: "Drogvaneundersökning"}

var themes = []*theme{
	{
		key: "trygghet", sv: "Trygghet i offentliga miljöer", en: "Safety in public places",
		descr: "Platser som invånarna upplever som otrygga: centrum, stationsområden och miljöer där ungdomar samlas.",
		promises: []string{
			"{givers} lovar att öka närvaron på platser som upplevs som otrygga, särskilt {site}.",
			"{givers} lovar att arbeta för att fler invånare ska känna sig trygga i {ort} centrum kvällstid.",
			"{givers} lovar att genomföra informations- och dialogmöten om trygghet med invånare i olika kommundelar.",
			"{givers} lovar att tillsammans med invånarna identifiera och åtgärda otrygga miljöer.",
			"{givers} lovar att prioritera närvaro i {ort} för ökad synlighet och trygghet.",
		},
		effects: []indicator{
			{text: "Andelen invånare som känner sig trygga när de går ut ensamma sent en kväll i sitt bostadsområde", unit: "procent", lo: 55, hi: 80, change: 0.05, dir: promise.Increase, decimals: 0, source: "Trygghetsmätning"},
			{text: "Problemindex för {ort} centrum i polisens trygghetsmätning", unit: "index", lo: 1.6, hi: 2.8, change: 0.1, dir: promise.Decrease, decimals: 1, threshold: true, source: "Trygghetsmätning"},
		},
	},
	{
		key: "narkotika", sv: "Narkotika och unga", en: "Drugs and young people",
		descr: "Förebygga tidig narkotikadebut och bekämpa narkotikarelaterad brottslighet.",
		promises: []string{
			"{givers} lovar att genom förebyggande och tidiga insatser arbeta för att skydda unga i {kommun} från narkotika och andra droger.",
			"{givers} lovar att arbeta mot kriminalitet som rör narkotika, med fokus på ungdomar och unga vuxna.",
			"{givers} lovar att förebygga tidig narkotikadebut och bekämpa narkotikarelaterad brottslighet.",
			"{givers} lovar att intensifiera arbetet mot droger i miljöer där barn och ungdomar vistas.",
		},
		effects: []indicator{
			drugUse,
		},
	},
	{
		key: "trafik", sv: "Trafiksäkerhet och trygg trafikmiljö", en: "Road safety",
		descr: "Hastighet, nykterhet och beteende i trafiken, med särskilt fokus på oskyddade trafikanter.",
		sub:   &theme{key: "moped", sv: "Mopeder, A-traktorer och EPA-traktorer", en: "Mopeds and A-tractors"},
		promises: []string{
			"{givers} lovar att arbeta för en säker och trygg trafikmiljö med särskilt fokus på oskyddade trafikanter.",
			"{givers} lovar att arbeta med de faktorer som bidrar till att skapa otrygghet i trafiken.",
			"{givers} lovar insatser mot trimmade mopeder, A-traktorer och EPA-traktorer.",
			"{givers} lovar att öka trafiksäkerheten kring skolor och förskolor.",
			"{givers} lovar att tillsammans med motorburen ungdom och deras vårdnadshavare genomföra insatser i syfte att höja trafiksäkerheten.",
		},
		effects: []indicator{
			{text: "Andelen invånare som uppger att fortkörning är ett stort problem i deras bostadsområde", unit: "procent", lo: 30, hi: 60, change: 0.1, dir: promise.Decrease, decimals: 0, source: "Trygghetsmätning"},
			{text: "Antal trafikolyckor med personskada i kommunen", unit: "olyckor", lo: 15, hi: 120, change: 0.1, dir: promise.Decrease, decimals: 0, source: "Olycksstatistik"},
		},
	},
	{
		key: "inbrott", sv: "Bostadsinbrott och grannsamverkan", en: "Burglary and neighbourhood watch",
		descr: "Färre bostads- och båtinbrott genom att fler invånare engagerar sig i grannsamverkan och båtsamverkan.",
		promises: []string{
			"{givers} lovar att verka för att fler invånare engagerar sig i grannsamverkan och andra brottsförebyggande koncept.",
			"{givers} lovar att arbeta för att minska antalet bostadsinbrott i {kommun}.",
			"{givers} lovar att verka för att etablera nya båtsamverkansområden och nya grannsamverkansområden i kommunens samtliga kommundelar.",
		},
		effects: []indicator{
			{text: "Anmälda bostadsinbrott per 100 000 invånare", unit: "anmälningar per 100 000 invånare", lo: 120, hi: 600, change: 0.1, dir: promise.Decrease, decimals: 0, source: "Polisens statistik över anmälda brott"},
		},
	},
	{
		key: "unga", sv: "Unga och rekrytering till kriminella nätverk", en: "Young people and recruitment to criminal networks",
		descr: "Tidigt upptäcka och stötta unga som är på väg in i kriminalitet, och stärka deras föräldrar.",
		promises: []string{
			"{givers} lovar att tidigt upptäcka och stötta ungdomar som är på väg in i kriminalitet.",
			"{givers} lovar att arbeta för att minska rekryteringen av unga till kriminella nätverk.",
			"{givers} lovar att stärka föräldrar i deras roll genom tidiga föräldrastärkande insatser.",
		},
		effects: []indicator{
			{text: "Antal personer under 18 år som misstänks för brott i kommunen", unit: "personer", lo: 20, hi: 200, change: 0.1, dir: promise.Decrease, decimals: 0, source: "Polisens statistik över misstänkta personer"},
		},
	},
	{
		key: "vald", sv: "Våld i nära relationer", en: "Domestic violence",
		descr: "Öka kunskapen om våld i nära relationer och ge stöd till särskilt utsatta brottsoffer.",
		promises: []string{
			"{givers} lovar att verka för att öka medvetenheten hos invånarna i {kommun} om våld i nära relationer, för att förhindra och förebygga brott.",
			"{givers} lovar att fokusera och prioritera särskilt utsatta brottsoffer.",
		},
		effects: []indicator{
			{text: "Andelen medarbetare i socialtjänst och skola som har utbildats om våld i nära relationer", unit: "procent", lo: 15, hi: 50, change: 0.3, dir: promise.Increase, decimals: 0, source: "Kommunens uppföljning"},
		},
	},
	{
		key: "exploatering", sv: "Sexuell exploatering och kränkningar av unga", en: "Sexual exploitation and abuse of young people",
		descr: "Öka medvetenheten om och vidta åtgärder mot sexuell exploatering och kränkningar av unga.",
		promises: []string{
			"{givers} lovar att öka medvetenheten om och vidta åtgärder mot sexuell exploatering och kränkningar av unga, för att förhindra och förebygga brott.",
			"{givers} lovar att genomföra insatser för att motverka kränkningar och psykisk ohälsa bland unga.",
		},
	},
	{
		key: "aldre", sv: "Brott mot äldre", en: "Crimes against older people",
		descr: "Bedrägerier, stölder och inbrott som drabbar äldre.",
		promises: []string{
			"{givers} lovar att medverka i informationskampanjer om brott mot äldre, stölder och inbrott.",
			"{givers} lovar att arbeta för att färre äldre ska drabbas av bedrägerier.",
		},
		effects: []indicator{
			{text: "Antal anmälda bedrägerier mot personer som är 65 år eller äldre", unit: "anmälningar", lo: 20, hi: 250, change: 0.1, dir: promise.Decrease, decimals: 0, source: "Polisens statistik över anmälda brott"},
		},
	},
	{
		key: "kollektivtrafik", sv: "Trygghet i kollektivtrafiken", en: "Safety in public transport",
		descr: "Stationsområden, hållplatser och resor med buss och tåg.",
		promises: []string{
			"{givers} lovar att öka tryggheten vid stationer, hållplatser och i kollektivtrafiken.",
			"{givers} lovar att verka för en tryggare miljö vid {site}.",
		},
		effects: []indicator{
			{text: "Andelen resenärer som känner sig trygga vid {site} kvällstid", unit: "procent", lo: 50, hi: 75, change: 0.08, dir: promise.Increase, decimals: 0, source: "Resvaneundersökning"},
		},
	},
	{
		key: "skadegorelse", sv: "Skadegörelse, klotter och anlagda bränder", en: "Vandalism, graffiti and arson",
		descr: "Skadegörelse och anlagda bränder i skolmiljöer och offentliga miljöer.",
		promises: []string{
			"{givers} lovar att arbeta för att minska skadegörelse och klotter i {kommun}.",
			"{givers} lovar att förebygga anlagda bränder i skolmiljöer.",
		},
		effects: []indicator{
			{text: "Kostnaden för skadegörelse och klotter på kommunens fastigheter", unit: "tusen kronor", lo: 300, hi: 4000, change: 0.15, dir: promise.Decrease, decimals: 0, source: "Kommunens fastighetsstatistik"},
		},
	},
}
