package publish

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Markdown writes the evaluation e of bundle b as a Markdown (CommonMark
// with GitHub tables) report in lang ("sv" or "en"; other languages get
// the Swedish report with texts in lang where the data has them). Text
// from the data is escaped, so that it can neither format nor inject
// HTML; links are kept only to absolute http(s) URLs. Nothing is written
// if an error occurs.
func Markdown(w io.Writer, e *followup.Evaluation, b *followup.Bundle, lang string) error {
	if e == nil || b == nil {
		return errors.New("publish: nothing to publish: the evaluation or the bundle is nil")
	}
	v := build(e, b, lang)
	var m mdWriter
	m.report(v)
	_, err := io.WriteString(w, m.String())
	return err
}

type mdWriter struct {
	strings.Builder
}

func (m *mdWriter) line(parts ...string) {
	for _, p := range parts {
		m.WriteString(p)
	}
	m.WriteByte('\n')
}

func (m *mdWriter) report(v *view) {
	t := v.T
	m.line("# ", md(v.Title))
	for i := range v.CPs {
		m.citizenPromise(&v.CPs[i], v, len(v.CPs) > 1)
	}
	m.line()
	m.line("---")
	m.line()
	m.line("*", md(t.Footer), "*")
}

func (m *mdWriter) citizenPromise(cp *cpView, v *view, several bool) {
	t := v.T
	h := "##"
	if several {
		m.line()
		m.line("## ", md(cp.Title))
		h = "###"
	}
	m.line()
	meta := []string{md(cp.Parties), md(cp.Period)}
	if cp.Signed != "" {
		meta = append(meta, md(cp.Signed))
	}
	m.line(strings.Join(meta, " · "))
	m.line()
	status := t.StatusAt + " " + md(v.At) + "."
	if cp.LastReport != "" {
		status += " " + t.LastReport + " " + md(cp.LastReport) + "."
	}
	m.line(status)
	if cp.Illustrative {
		m.line()
		m.line("> **", md(t.IllustrativeNote), "**")
	}

	m.line()
	m.line(h, " ", md(t.Summary))
	m.line()
	m.line("**", statusText(cp.Status), "** – ", share(cp.Progress, t), " ", md(t.Done), ".")
	m.line()
	m.line(md(cp.Reason))
	m.line()
	m.line("| ", md(t.Status), " | ", md(t.Count), " |")
	m.line("|---|--:|")
	for _, c := range cp.Counts {
		m.line("| ", statusText(c.Status), " | ", strconv.Itoa(c.Count), " |")
	}

	for _, g := range cp.Groups {
		m.line()
		m.line(h, " ", md(g.Title))
		for _, p := range g.Promises {
			m.line()
			m.line(h, "# ", md(p.Text))
			m.line()
			m.line(md(t.GivenBy), ": ", md(p.GivenBy), ".  ")
			m.line("**", statusText(p.Status), "** – ", md(p.Reason))
			m.line()
			if len(p.Activities) == 0 {
				m.line(md(t.NoActivities))
			}
			for i := range p.Activities {
				m.activity(&p.Activities[i], t)
			}
		}
		if len(g.Activities) > 0 {
			m.line()
			if g.Subtitle != "" {
				m.line(h, "# ", md(g.Subtitle))
				m.line()
			}
			for i := range g.Activities {
				m.activity(&g.Activities[i], t)
			}
		}
	}

	if len(cp.Effect) > 0 {
		m.line()
		m.line(h, " ", md(t.Effect))
		m.line()
		for _, e := range cp.Effect {
			m.line("- **", md(e.Text), "** ", statusText(e.Status), " – ", md(e.Reason))
		}
	}
	if len(cp.Results) > 0 {
		m.line()
		m.line(h, " ", md(t.Results))
		m.line()
		for _, r := range cp.Results {
			m.line("- ", md(r))
		}
	}

	if len(cp.History.Periods) > 0 {
		m.line()
		m.line(h, " ", md(t.History))
		m.line()
		m.line(md(t.HistoryNote))
		m.line()
		head := "| " + md(t.Activity) + " |"
		sep := "|---|"
		for _, p := range cp.History.Periods {
			head += " " + md(p) + " |"
			sep += "---|"
		}
		m.line(head)
		m.line(sep)
		for _, r := range cp.History.Rows {
			row := "| " + md(r.Name) + " |"
			for _, c := range r.Cells {
				row += " " + statusText(c) + " |"
			}
			m.line(row)
		}
	}

	m.line()
	m.line(h, " ", md(t.Calendar))
	m.line()
	m.line("| ", md(t.Period), " | ", md(t.Due), " | ", md(t.State), " | ", md(t.Received), " |")
	m.line("|---|---|---|---|")
	for _, c := range cp.Calendar {
		m.line("| ", md(c.Period), " | ", md(c.Due), " | ", md(c.State), " | ", md(c.Received), " |")
	}

	if len(cp.Reports) > 0 || len(cp.Sources) > 0 {
		m.line()
		m.line(h, " ", md(t.Reports))
		m.line()
		for _, s := range cp.Sources {
			m.line("- ", md(t.Sources), ": ", mdLink(s))
		}
		for _, r := range cp.Reports {
			s := "- " + md(r.Date) + " " + md(r.Title) + " (" + md(r.Period) + ", " + md(r.By)
			if r.Final {
				s += ", " + md(t.Final)
			}
			if r.Illustrative {
				s += ", *" + md(t.Illustrative) + "*"
			}
			s += ")"
			for _, l := range r.Links {
				s += " " + mdLink(l)
			}
			m.line(s)
			if r.Summary != "" {
				m.line("  ", md(r.Summary))
			}
			for _, n := range r.Notes {
				m.line("  - ", md(n))
			}
		}
	}
}

func (m *mdWriter) activity(a *activityView, t *texts) {
	head := "- **" + md(a.Text) + "**  "
	m.line(head)
	status := "  " + statusText(a.Status)
	if a.Numbers != "" {
		status += " · " + md(a.Numbers)
	}
	m.line(status, " · ", md(t.Lead), ": ", md(a.Lead), "  ")
	m.line("  ", md(a.Reason))
	var more []string
	if a.Assessment != "" {
		more = append(more, md(a.Assessment))
	}
	for _, r := range a.Results {
		more = append(more, md(t.Reported)+": "+md(r))
	}
	for _, o := range a.Elsewhere {
		more = append(more, md(t.Elsewhere)+": "+md(o))
	}
	for _, u := range a.Updates {
		s := "*" + md(u.Heading)
		if u.Illustrative {
			s += " (" + md(t.Illustrative) + ")"
		}
		s += ":*"
		if u.Narrative != "" {
			s += " " + md(u.Narrative)
		}
		if u.Shortfall != "" {
			s += " " + md(t.Shortfall) + ": " + md(u.Shortfall)
		}
		if len(u.Substitutes) > 0 {
			subs := make([]string, len(u.Substitutes))
			for i, x := range u.Substitutes {
				subs[i] = md(x)
			}
			s += " " + md(t.Substitutes) + ": " + strings.Join(subs, "; ") + "."
		}
		for _, l := range u.Evidence {
			s += " " + md(t.Evidence) + ": " + mdLink(l)
		}
		more = append(more, s)
	}
	for _, s := range more {
		m.line("  - ", s)
	}
}

func statusText(s statusView) string { return s.Icon + " " + md(s.Label) }

// share writes a whole percentage as t's language does: "83 %", "83%".
func share(percent int, t *texts) string {
	return string(words.AppendShare(nil, float64(percent)/100, t.lang))
}

// mdEscaper escapes what Markdown would take for formatting, links or
// HTML, and joins lines: data can neither format the report nor inject
// markup.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"\r\n", " ", "\n", " ", "\r", " ",
)

func md(s string) string { return mdEscaper.Replace(s) }

// mdURL percent-encodes what would end or break a Markdown link
// destination.
var mdURL = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "", "\r", "")

func mdLink(l linkView) string {
	return "[" + md(l.Text) + "](" + mdURL.Replace(l.URL) + ")"
}
