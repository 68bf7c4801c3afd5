package publish_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/internal/fixture"
	"github.com/medborgarlofte/medborgarlofte/followup/publish"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

type render func(w *bytes.Buffer, e *followup.Evaluation, b *followup.Bundle, lang string) error

var formats = map[string]render{
	"md": func(w *bytes.Buffer, e *followup.Evaluation, b *followup.Bundle, lang string) error {
		return publish.Markdown(w, e, b, lang)
	},
	"html": func(w *bytes.Buffer, e *followup.Evaluation, b *followup.Bundle, lang string) error {
		return publish.HTML(w, e, b, lang)
	},
}

// TestGolden renders the Strängnäs 2019 follow-up, at the end of the year
// (the real final report, with the page that disagrees on the walks) and
// in September (illustrative interim reports), in Swedish and English,
// as Markdown and HTML, and compares with testdata. Run with -update to
// rewrite the files after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		b    *followup.Bundle
		at   string
	}{
		{"strangnas-2019-final", fixture.Strangnas(fixture.Page(), fixture.Final()), "2020-02-01"},
		{"strangnas-2019-september", fixture.Strangnas(fixture.T1(), fixture.T2(), fixture.Page(), fixture.Final()), "2019-09-25"},
	}
	for _, tc := range cases {
		e := followup.Evaluate(tc.b, fixture.D(tc.at))
		for _, lang := range []string{"sv", "en"} {
			for ext, fn := range formats {
				name := tc.name + "." + lang + "." + ext
				t.Run(name, func(t *testing.T) {
					var buf bytes.Buffer
					require.NoError(t, fn(&buf, e, tc.b, lang))
					path := filepath.Join("testdata", name)
					if *update {
						require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
					}
					want, err := os.ReadFile(path)
					require.NoError(t, err, "run go test ./followup/publish -update to create it")
					assert.Equal(t, string(want), buf.String())
				})
			}
		}
	}
}

func TestContent(t *testing.T) {
	b := fixture.Strangnas(fixture.Page(), fixture.Final())
	e := followup.Evaluate(b, fixture.D("2020-02-01"))
	var md, html bytes.Buffer
	require.NoError(t, publish.Markdown(&md, e, b, "sv"))
	require.NoError(t, publish.HTML(&html, e, b, "sv"))
	for _, out := range []string{md.String(), html.String()} {
		for _, want := range []string{
			"Uppföljning: Medborgarlöfte 2019",
			"20 av minst 8 områden", "3 av 2 områden", "4 av minst 4 vandringar",
			"Rapporterat: 303 trafikkontroller",
			"Ej rapporterat", "Kan inte bedömas", "Delvis uppfyllt",
			"Uppgifterna går isär",
			"https://www.strangnas.se/arkiv/nyheter/nyheter/2020-01-28-uppfoljning-av-medborgarloftet-2019",
		} {
			assert.Contains(t, out, want)
		}
	}
	h := html.String()
	assert.True(t, strings.HasPrefix(h, "<!DOCTYPE html>\n<html lang=\"sv\">"))
	assert.NotContains(t, h, "<script")
	assert.NotContains(t, h, " style=")
	assert.Contains(t, h, "<table>")
	assert.Contains(t, h, `<progress max="100" value="83"`)
	assert.Contains(t, h, `<time datetime="2020-01-28">28 januari 2020</time>`)
	assert.Contains(t, h, `<svg viewBox=`)
	assert.NotContains(t, h, "paketet followup")
	// The page's own policy allows its stylesheet by hash, and nothing
	// else.
	m := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(h)
	require.NotNil(t, m)
	sum := sha256.Sum256([]byte(m[1]))
	assert.Contains(t, h, "style-src &#39;sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"&#39;")
}

// TestViewStated: both layouts say which follow-ups count, in both views.
func TestViewStated(t *testing.T) {
	b := fixture.Strangnas(fixture.Page(), fixture.Final())
	for view, want := range map[followup.View]string{
		followup.PeriodView:  "Every follow-up that covers the time up to then counts, also those published later.",
		followup.AsKnownView: "Only the follow-ups published by that day count.",
	} {
		e := followup.EvaluateWith(b, fixture.D("2019-12-31"), followup.Options{View: view})
		for name, r := range formats {
			var out bytes.Buffer
			require.NoError(t, r(&out, e, b, "en"))
			assert.Contains(t, out.String(), want, "%s, %s view", name, view)
		}
	}
}

// TestNoKeyShown: every text of both layouts comes from the catalog; a
// key missing there would be shown as the key itself.
func TestNoKeyShown(t *testing.T) {
	b := fixture.Strangnas(fixture.T1(), fixture.T2(), fixture.Page(), fixture.Final())
	for _, at := range []string{"2019-09-25", "2020-02-01"} {
		e := followup.Evaluate(b, fixture.D(at))
		for _, lang := range []string{"sv", "en"} {
			for ext, fn := range formats {
				var buf bytes.Buffer
				require.NoError(t, fn(&buf, e, b, lang))
				assert.NotRegexp(t, `\b(publish|view|status|calendar)\.[a-zA-Z]`, buf.String(), "%s %s %s", at, lang, ext)
			}
		}
	}
}

// TestHostileData: text from the data can neither format the Markdown nor
// inject markup, and only http(s) links survive.
func TestHostileData(t *testing.T) {
	b := fixture.Strangnas(fixture.Final())
	cp := &b.Document.CitizenPromises[0]
	cp.Activities[0].Text = promise.Text{"sv": "<script>alert(1)</script> *fet* | [länk](javascript:alert(1))\n# rubrik"}
	b.Reports[0].Updates[2].Narrative = promise.Text{"sv": "<img src=x onerror=alert(1)> & _kursiv_"}
	b.Reports[0].Updates[2].Evidence = []promise.Link{
		{URL: "javascript:alert(1)", Title: promise.Text{"sv": "ond"}},
		{URL: "https://example.se/a b(c)", Title: promise.Text{"sv": "god"}},
	}
	e := followup.Evaluate(b, fixture.D("2020-02-01"))
	var md, html bytes.Buffer
	require.NoError(t, publish.Markdown(&md, e, b, "sv"))
	require.NoError(t, publish.HTML(&html, e, b, "sv"))
	for name, out := range map[string]string{"markdown": md.String(), "html": html.String()} {
		for _, bad := range []string{"<script", "<img", `href="javascript`} {
			assert.False(t, strings.Contains(out, bad), "%s output contains %q", name, bad)
		}
		assert.True(t, strings.Contains(out, "&lt;script&gt;"), "%s output does not escape <script>", name)
	}
	// In Markdown, a link needs an unescaped "](": the text's brackets
	// are escaped.
	assert.False(t, regexp.MustCompile(`(^|[^\\])\]\(javascript:`).MatchString(md.String()), "a javascript: link in the Markdown")
	assert.Contains(t, md.String(), `\*fet\* \| \[länk\]`)
	assert.Contains(t, md.String(), "[god](https://example.se/a%20b%28c%29)")
	assert.NotContains(t, md.String(), "\n# rubrik")
	assert.Contains(t, html.String(), `<a href="https://example.se/a%20b%28c%29">god</a>`)
	assert.NotContains(t, html.String(), ">ond<")
}

func TestErrors(t *testing.T) {
	var buf bytes.Buffer
	assert.Error(t, publish.Markdown(&buf, nil, nil, "sv"))
	assert.Error(t, publish.HTML(&buf, nil, &followup.Bundle{}, "sv"))
	assert.Zero(t, buf.Len(), "nothing written on error")
}
