package publish

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"errors"
	"html/template"
	"io"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/view"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

//go:embed templates/report.html templates/report.css
var templates embed.FS

var (
	css  = mustRead("templates/report.css")
	csp  = "default-src 'none'; style-src 'sha256-" + hash(css) + "'; img-src data:"
	page = template.Must(template.New("report.html").Funcs(template.FuncMap{
		"key":   func(string) string { return "" },
		"pct":   func(int) string { return "" },
		"chart": func([]view.Point, string) any { return nil },
	}).ParseFS(templates, "templates/report.html"))
)

func mustRead(name string) string {
	b, err := templates.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return base64.StdEncoding.EncodeToString(h[:])
}

// HTML writes the evaluation e of bundle b as one standalone HTML
// document in lang: the page of package followup/view laid out with an
// embedded stylesheet (for the screen and for print on A4, a citizen
// promise per page, links printed after their text), a table per theme
// with each activity's target, result, status and reason, each status as
// symbol and label (never by colour alone), the history of each activity
// as a small SVG chart with a table beside it, and the sources. It has
// no script; its own Content-Security-Policy allows only its stylesheet
// (by hash). The document's notes for editors come last, under a heading
// that says what they are. Nothing is written if an error occurs.
func HTML(w io.Writer, e *followup.Evaluation, b *followup.Bundle, lang string) error {
	if e == nil || b == nil {
		return errors.New("publish: nothing to publish: the evaluation or the bundle is nil")
	}
	p := view.BuildReport(b, e, lang)
	t, err := page.Clone()
	if err != nil {
		return err
	}
	t.Funcs(template.FuncMap{
		"key": func(k string) string { return words.Key(k).In(p.Lang) },
		"pct": func(n int) string { return view.PercentText(n, p.Lang) },
		"chart": func(h []view.Point, id string) any {
			return struct {
				C  *view.Chart
				ID string
			}{view.ChartOf(h, p.Lang), id}
		},
	})
	var buf bytes.Buffer
	err = t.Execute(&buf, struct {
		*view.Page
		CSS template.CSS
		CSP string
	}{p, template.CSS(css), csp})
	if err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}
