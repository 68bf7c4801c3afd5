package main

import (
	"html/template"
	"net/http"
	"strconv"
)

// widgetTag is one widget on the page.
type widgetTag struct {
	Div         bool // the <div data-medborgarlofte-status> form
	Src         string
	WASM        string // the wasm attribute (data-wasm on the div)
	Lang        string
	At          string
	Offline     bool
	Debug       bool
	Heading     string
	Intro       string
	FallbackURL string
	Fallback    string
}

type pageData struct {
	Title   string
	Hostile bool
	// ScriptWASM is the script's data-wasm.
	ScriptWASM string
	Widgets    []widgetTag
}

// The two widgets of the demo page. The first uses the element, the second
// the div form; the first shows the status as of 31 January 2020, when
// the follow-up of 2019 was published.
var (
	widget2019 = widgetTag{
		Src:         "/data/strangnas-2019.json",
		At:          "2020-01-31",
		Heading:     "Medborgarlöftet 2019",
		Intro:       "Under 2019 lovade polisen och kommunen bland annat fler grannsamverkansområden och trygghetsvandringar. Uppföljningen publicerades i januari 2020.",
		FallbackURL: "https://www.strangnas.se/arkiv/nyheter/nyheter/2020-01-28-uppfoljning-av-medborgarloftet-2019",
		Fallback:    "Läs uppföljningen av medborgarlöftet 2019",
	}
	widget2022 = widgetTag{
		Div:         true,
		Src:         "/data/strangnas-2022-2023.json",
		Heading:     "Medborgarlöftet 2022–2023",
		Intro:       "Medborgarlöftet för 2022 och 2023 gäller i två år.",
		FallbackURL: "/data/strangnas-2022-2023.json",
		Fallback:    "Medborgarlöftet 2022–2023 (data i JSON-format)",
	}
)

// page serves the municipal page; see the package documentation for the
// query parameters.
func (s *server) page(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := pageData{Title: "Medborgarlöfte", Widgets: []widgetTag{widget2019, widget2022}}
	if n, err := strconv.Atoi(q.Get("instances")); err == nil && n >= 1 && n <= 50 {
		d.Widgets = nil
		for i := range n {
			t := widget2019
			if i%2 == 1 {
				t = widget2022
			}
			t.Heading += " (" + strconv.Itoa(i+1) + ")"
			d.Widgets = append(d.Widgets, t)
		}
	}
	if q.Get("data") == "mistakes" {
		d.Widgets = []widgetTag{
			{Src: "/data/mistake-property.json", Heading: "Felstavad egenskap", Intro: "Filen har egenskapen \"sumary\", som inte finns i formatet.", FallbackURL: "/data/mistake-property.json", Fallback: "Data"},
			{Div: true, Src: "/data/mistake-date.json", Heading: "Felskrivet datum", Intro: "Filen har datumet 2019-2-8.", FallbackURL: "/data/mistake-date.json", Fallback: "Data"},
		}
	}
	if q.Get("data") == "large" {
		d.Widgets = []widgetTag{
			{Src: "/data/large.json", Heading: "Tusentals aktiviteter", Intro: "Strängnäs 2019 med sina aktiviteter kopierade till 900: widgeten bygger varje aktivitets uppföljning först när den öppnas.", FallbackURL: "/data/large.json", Fallback: "Data"},
		}
	}
	if q.Get("data") == "hostile" {
		d.Hostile = true
		d.Widgets = []widgetTag{
			{Src: "/data/hostile-markup.json", Heading: "Text med kod", Intro: "Texterna innehåller <script>, <img onerror> och en javascript:-länk. De ska synas som text.", FallbackURL: "/data/hostile-markup.json", Fallback: "Data"},
			{Div: true, Src: "/data/hostile-links.json", Heading: "Farliga länkar", Intro: "Länkarna är javascript: och data:. Uppgifterna är då ogiltiga och widgeten visar felen.", FallbackURL: "/data/hostile-links.json", Fallback: "Data"},
		}
	}
	// A CMS that serves each upload under a URL of its own: the page
	// names the wasm with data-wasm, on the script or on the widgets.
	upload := "/upload/4711/widget.wasm"
	switch q.Get("wasm") {
	case "script":
		d.ScriptWASM = upload
	case "other":
		d.ScriptWASM = "/upload/other/widget.wasm"
	}
	for i := range d.Widgets {
		t := &d.Widgets[i]
		if q.Get("wasm") == "element" {
			t.WASM = upload
		}
		if q.Get("src") == "cross" {
			t.Src = otherOrigin(r) + t.Src
		}
		t.Offline = q.Get("offline") == "1"
		t.Debug = q.Get("debug") == "1"
		if l := q.Get("lang"); l == "en" || l == "sv" {
			t.Lang = l
		}
	}
	switch q.Get("compress") {
	case "off":
		http.SetCookie(w, &http.Cookie{Name: rawCookie, Value: "1", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	default:
		if _, err := r.Cookie(rawCookie); err == nil {
			http.SetCookie(w, &http.Cookie{Name: rawCookie, Value: "", Path: "/", MaxAge: -1})
		}
	}
	switch q.Get("fail") {
	case "data":
		http.SetCookie(w, &http.Cookie{Name: failCookie, Value: "data", Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	default:
		if _, err := r.Cookie(failCookie); err == nil {
			http.SetCookie(w, &http.Cookie{Name: failCookie, Value: "", Path: "/", MaxAge: -1})
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := pageTemplate.Execute(w, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} – Trygghet – Strängnäs kommun (demo)</title>
<link rel="stylesheet" href="/page.css">
<script async src="/widget/widget.js"{{with .ScriptWASM}} data-wasm="{{.}}"{{end}}></script>
</head>
<body>
<a class="skip" href="#main">Hoppa till innehållet</a>
<header class="site">
  <div class="bar">
    <a class="brand" href="/">Strängnäs kommun</a>
    <nav aria-label="Huvudmeny">
      <ul>
        <li><a href="/">Förskola och skola</a></li>
        <li><a href="/">Omsorg och hjälp</a></li>
        <li><a href="/">Bygga, bo och miljö</a></li>
        <li><a href="/">Kommun och politik</a></li>
      </ul>
    </nav>
  </div>
</header>
<p class="demo-note">Demosida för medborgarlofte, med Strängnäs kommuns och polisens publicerade uppgifter. Det här är inte kommunens webbplats.</p>
<main id="main">
  <nav class="crumbs" aria-label="Du är här">
    <ol>
      <li><a href="/">Startsida</a></li>
      <li><a href="/">Omsorg och hjälp</a></li>
      <li><a href="/">Trygghet</a></li>
      <li aria-current="page">Samverkan kommun och polis</li>
    </ol>
  </nav>
  <h1>{{.Title}}</h1>
  <p class="lead">Polisen och Strängnäs kommun lovar varje år konkreta aktiviteter för att öka tryggheten. Här ser du hur det går.</p>
  {{if .Hostile}}<p class="demo-note">Testsida: uppgifter med skadlig kod.</p>{{end}}
  {{range .Widgets}}
  <section class="promise-block">
    <h2>{{.Heading}}</h2>
    <p>{{.Intro}}</p>
    {{if .Div}}<div data-medborgarlofte-status data-src="{{.Src}}"{{with .WASM}} data-wasm="{{.}}"{{end}}{{if .Lang}} data-lang="{{.Lang}}"{{end}}{{if .At}} data-at="{{.At}}"{{end}}{{if .Offline}} data-offline{{end}}{{if .Debug}} data-debug{{end}}>
      <p><a href="{{.FallbackURL}}">{{.Fallback}}</a></p>
    </div>{{else}}<medborgarlofte-status src="{{.Src}}"{{with .WASM}} wasm="{{.}}"{{end}}{{if .Lang}} lang="{{.Lang}}"{{end}}{{if .At}} at="{{.At}}"{{end}}{{if .Offline}} offline{{end}}{{if .Debug}} debug{{end}}>
      <p><a href="{{.FallbackURL}}">{{.Fallback}}</a></p>
    </medborgarlofte-status>{{end}}
  </section>
  {{end}}
  <section class="about">
    <h2>Om medborgarlöften</h2>
    <p>Ett medborgarlöfte är ett gemensamt löfte från polisen och kommunen till invånarna. Löftet bygger på en lägesbild och på dialog med invånarna, och följs upp under året.</p>
  </section>
</main>
<footer class="site">
  <p>Strängnäs kommun (demo) · Uppgifterna visas med medborgarlofte, ett öppet Go-bibliotek.</p>
</footer>
</body>
</html>
`))
