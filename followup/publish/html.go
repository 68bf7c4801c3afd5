package publish

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"io"

	"github.com/medborgarlofte/medborgarlofte/followup"
)

//go:embed templates/report.html
var templates embed.FS

var page = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"share": share,
	"dict": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
}).ParseFS(templates, "templates/report.html"))

// HTML writes the evaluation e of bundle b as a complete HTML document in
// lang ("sv" or "en"): semantic markup with a table per promise, every
// status as text beside its icon, no script and no inline style (it
// passes a Content-Security-Policy of default-src 'none'), ready to be
// styled by the site that publishes it. Nothing is written if an error
// occurs.
func HTML(w io.Writer, e *followup.Evaluation, b *followup.Bundle, lang string) error {
	if e == nil || b == nil {
		return errors.New("publish: nothing to publish: the evaluation or the bundle is nil")
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, build(e, b, lang)); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}
