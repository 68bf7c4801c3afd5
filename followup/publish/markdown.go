package publish

import (
	"errors"
	"io"
	"strings"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/view"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
)

// Markdown writes the evaluation e of bundle b as a Markdown (CommonMark
// with GitHub tables) report in lang: the page of package followup/view,
// laid out like the HTML report (a table per theme, then what was
// reported on each activity, the history as a table). Text from the data
// is escaped, so that it can neither format nor inject HTML; links are
// kept only to absolute http(s) URLs. Nothing is written if an error
// occurs.
func Markdown(w io.Writer, e *followup.Evaluation, b *followup.Bundle, lang string) error {
	if e == nil || b == nil {
		return errors.New("publish: nothing to publish: the evaluation or the bundle is nil")
	}
	p := view.BuildReport(b, e, lang)
	m := mdWriter{lang: p.Lang}
	m.page(p)
	_, err := io.WriteString(w, m.String())
	return err
}

type mdWriter struct {
	strings.Builder
	lang string
}

func (m *mdWriter) key(k words.Key) string { return md(k.In(m.lang)) }

func (m *mdWriter) line(parts ...string) {
	for _, p := range parts {
		m.WriteString(p)
	}
	m.WriteByte('\n')
}

func (m *mdWriter) page(p *view.Page) {
	m.line("# ", md(p.Title.S))
	m.line()
	m.line(m.key("publish.statusAt"), " ", md(p.At.Text), ". ", md(p.ViewNote))
	for i := range p.Sections {
		m.section(&p.Sections[i], p)
	}
	m.line()
	m.line("---")
	m.line()
	m.line("*", m.key("view.generated"), "*")
}

func (m *mdWriter) section(s *view.Section, p *view.Page) {
	m.line()
	m.line("## ", md(s.Title.S))
	m.line()
	meta := []string{md(s.Parties), md(s.Period)}
	if s.Signed != "" {
		meta = append(meta, md(s.Signed))
	}
	m.line(strings.Join(meta, " · "))
	m.line()
	m.line("### ", m.key("publish.summary"))
	m.line()
	sum := &s.Summary
	if sum.HasProgress {
		m.line("**", status(sum.Status), "** – ", md(sum.ProgressLabel), ": ", md(sum.ProgressText), ".")
	} else {
		m.line("**", status(sum.Status), "**")
	}
	m.line()
	m.line(md(sum.CountsText), ".")
	if sum.Reason != "" {
		m.line()
		m.line(md(sum.Reason))
	}
	m.line()
	last := md(sum.NoReport) + "."
	if !sum.LastReport.IsZero() {
		last = m.key("publish.lastReport") + " " + md(sum.LastReport.Text) + "."
	}
	m.line(m.key("publish.statusAt"), " ", md(sum.At.Text), ". ", last)
	if sum.Illustrative != "" {
		m.line()
		m.line("> ", md(sum.Illustrative))
	}
	for i := range s.Themes {
		m.theme(&s.Themes[i])
	}
	if len(s.Effect) > 0 {
		m.line()
		m.line("### ", m.key("publish.effect"))
		m.line()
		m.line("| ", m.key("publish.target"), " | ", m.key("publish.status"), " | ", m.key("publish.explanation"), " |")
		m.line("|---|---|---|")
		for _, t := range s.Effect {
			m.line("| ", md(t.Text.S), " | ", status(t.Status), " | ", md(t.Reason), " |")
		}
	}
	if len(s.History) > 0 {
		m.line()
		m.line("### ", m.key("publish.history"))
		m.line()
		m.line("*", md(p.HistoryNote), "*")
		m.history(s.History)
	}
	if len(s.Calendar) > 0 {
		m.line()
		m.line("### ", m.key("publish.calendar"))
		m.line()
		m.line("| ", m.key("publish.period"), " | ", m.key("publish.due"), " | ", m.key("publish.state"), " | ", m.key("publish.received"), " |")
		m.line("|---|---|---|---|")
		for _, c := range s.Calendar {
			due := c.Due.Text
			if c.FirstDue.Text != "" {
				due = c.FirstDue.Text + "–" + due
			}
			m.line("| ", md(c.Period), " | ", md(due), " | ", md(c.State), " | ", md(c.Received.Text), " |")
		}
	}
	if len(s.Reports) > 0 || len(s.Results) > 0 {
		m.line()
		m.line("### ", m.key("publish.reports"))
		for _, r := range s.Reports {
			m.line()
			h := md(r.Title.S)
			if !r.Date.IsZero() {
				h += ", " + md(r.Date.Text)
			}
			m.line("#### ", h)
			m.line()
			meta := md(r.Period) + " · " + md(r.By)
			if r.Final {
				meta += " · " + m.key("publish.final")
			}
			if r.Illustrative {
				meta += " · **" + m.key("publish.illustrative") + "**"
			}
			m.line(meta)
			if r.Summary.S != "" {
				m.line()
				m.line(md(r.Summary.S))
			}
			for _, n := range r.Notes {
				m.line()
				m.line(md(n.S))
			}
			if len(r.Links) > 0 {
				m.line()
				for _, l := range r.Links {
					m.line("- ", mdLink(l))
				}
			}
		}
		if len(s.Results) > 0 {
			m.line()
			m.line("#### ", m.key("publish.results"))
			m.line()
			for _, r := range s.Results {
				m.line("- ", md(r))
			}
		}
	}
	if len(s.Sources) > 0 {
		m.line()
		m.line("### ", m.key("publish.sources"))
		m.line()
		for _, l := range s.Sources {
			m.line("- ", mdLink(l))
		}
	}
	if len(s.Notes) > 0 {
		m.line()
		m.line("### ", m.key("view.editorNotes"))
		m.line()
		m.line("*", m.key("view.editorNotesIntro"), "*")
		m.line()
		for _, n := range s.Notes {
			m.line("- ", md(n.S))
		}
	}
}

func (m *mdWriter) theme(t *view.Theme) {
	m.line()
	m.line("### ", md(t.Title.S))
	m.line()
	m.line("| ", m.key("publish.activity"), " | ", m.key("publish.target"), " | ", m.key("publish.result"), " | ", m.key("publish.status"), " | ", m.key("publish.explanation"), " |")
	m.line("|---|---|---|---|---|")
	for _, p := range t.Promises {
		head := "**" + md(p.Text.S) + "** " + status(p.Status)
		if p.GivenBy != "" {
			head += " · " + md(p.GivenBy)
		}
		m.line("| ", head, " | | | | |")
		for i := range p.Activities {
			m.row(&p.Activities[i])
		}
	}
	if len(t.Activities) > 0 && t.Subtitle != "" {
		m.line("| **", md(t.Subtitle), "** | | | | |")
	}
	for i := range t.Activities {
		m.row(&t.Activities[i])
	}
	for _, p := range t.Promises {
		for i := range p.Activities {
			m.activity(&p.Activities[i])
		}
	}
	for i := range t.Activities {
		m.activity(&t.Activities[i])
	}
}

func (m *mdWriter) row(a *view.Activity) {
	targets := make([]string, len(a.Targets))
	for i, t := range a.Targets {
		targets[i] = md(t)
	}
	m.line("| ", md(a.Text.S), " | ", strings.Join(targets, "; "), " | ", md(a.Numbers), " | ", status(a.Status), " | ", md(a.Reason), " |")
}

// activity writes what was reported on an activity, when anything was.
func (m *mdWriter) activity(a *view.Activity) {
	m.line()
	m.line("#### ", md(a.Text.S))
	m.line()
	who := m.key("publish.lead") + ": " + md(a.Lead)
	if a.Partners != "" {
		who += " · " + m.key("view.partners") + ": " + md(a.Partners)
	}
	m.line(status(a.Status), " · ", who)
	var items []string
	for _, l := range a.Leads {
		items = append(items, md(l))
	}
	if a.Computed != nil {
		items = append(items, m.key("publish.computed")+": "+status(*a.Computed))
	}
	if a.Withdrawn != "" {
		items = append(items, md(a.Withdrawn))
	}
	if a.Assessment != "" {
		items = append(items, md(a.Assessment))
	}
	for _, c := range a.Conflicts {
		items = append(items, md(c))
	}
	for _, u := range a.Updates {
		s := "*" + md(u.Heading)
		if u.Illustrative {
			s += " (" + m.key("publish.illustrative") + ")"
		}
		s += ":*"
		if u.Narrative.S != "" {
			s += " " + md(u.Narrative.S)
		}
		if u.Shortfall.S != "" {
			s += " " + m.key("publish.shortfall") + ": " + md(u.Shortfall.S)
		}
		if len(u.Substitutes) > 0 {
			subs := make([]string, len(u.Substitutes))
			for i, x := range u.Substitutes {
				subs[i] = md(x)
			}
			s += " " + m.key("publish.substitutes") + ": " + strings.Join(subs, "; ") + "."
		}
		for _, l := range u.Evidence {
			s += " " + m.key("publish.evidence") + ": " + mdLink(l)
		}
		items = append(items, s)
	}
	if len(a.Results) > 0 {
		rs := make([]string, len(a.Results))
		for i, r := range a.Results {
			rs[i] = md(r)
		}
		items = append(items, m.key("publish.reported")+": "+strings.Join(rs, "; "))
	}
	if len(a.Elsewhere) > 0 {
		rs := make([]string, len(a.Elsewhere))
		for i, r := range a.Elsewhere {
			rs[i] = md(r)
		}
		items = append(items, m.key("publish.elsewhere")+": "+strings.Join(rs, "; "))
	}
	if len(items) > 0 {
		m.line()
		for _, s := range items {
			m.line("- ", s)
		}
	}
	if len(a.History) > 0 {
		m.history(a.History)
	}
}

func (m *mdWriter) history(h []view.Point) {
	m.line()
	m.line("| ", m.key("view.period"), " | ", m.key("publish.status"), " | ", m.key("view.progress"), " |")
	m.line("|---|---|---|")
	for _, p := range h {
		m.line("| ", md(p.Period), " | ", status(p.Status), " | ", md(view.PercentText(p.Progress, m.lang)), " |")
	}
}

func status(s view.Status) string { return s.Symbol + " " + md(s.Label) }

// mdEscaper escapes what Markdown would take for formatting, links or
// HTML, and joins lines: data can neither format the report nor inject
// markup.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "#", `\#`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

func md(s string) string { return mdEscaper.Replace(s) }

// mdURL percent-encodes what would end or break a Markdown link
// destination.
var mdURL = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "\n", "", "\r", "")

func mdLink(l view.Link) string {
	return "[" + md(l.Text.S) + "](" + mdURL.Replace(l.URL) + ")"
}
