// Command report evaluates citizen promises at a date and prints the status
// of every activity, promise and citizen promise with its reason.
//
// Usage:
//
//	go run ./followup/cmd/report -at YYYY-MM-DD [-view period|asKnown] [-lang sv|en] [-format text|json|markdown|html] FILE...
//
// -view chooses which reports count: "period" (the default) judges the
// time up to the date with every report that covers it, whenever it was
// published; "asKnown" uses only the reports published by the date, as an
// archive would have shown it that day. Every format says which view it
// used.
//
// The files are a bundle, or a promise document, plus any number of
// follow-up reports ("-" reads standard input). Each file is decoded and
// validated as by schema/cmd/validate; an invalid file is reported with the
// validator's problems, FILE:LINE:COL: POINTER: message, and nothing is
// evaluated.
//
// The json format prints the evaluation of package followup: for every
// citizen promise its roll-up, and for every promise and activity its id,
// status (the snake_case token), reason (in sv and en) and, where there is
// a number, the achieved, target and expected values. The markdown and
// html formats print the published follow-up report of package
// followup/publish.
//
// The exit status is 0 on success, 1 when a file is invalid, and 2 on a
// usage or I/O error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/publish"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	atFlag := fs.String("at", "", "the date to evaluate at, YYYY-MM-DD (required)")
	lang := fs.String("lang", "sv", "language: sv or en")
	format := fs.String("format", "text", "output: text, json, markdown or html")
	var view followup.View
	fs.TextVar(&view, "view", followup.PeriodView, "which reports count: period (every report for the time up to -at) or asKnown (only those published by -at)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: report -at YYYY-MM-DD [-view period|asKnown] [-lang sv|en] [-format text|json|markdown|html] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	at, err := promise.ParseDate(*atFlag)
	switch {
	case *atFlag == "":
		fmt.Fprintln(stderr, "report: -at is required")
		fs.Usage()
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "report: -at %q is not a date: write it YYYY-MM-DD, e.g. 2020-01-31\n", *atFlag)
		return 2
	case !slices.Contains(words.Languages(), *lang):
		fmt.Fprintf(stderr, "report: -lang must be sv or en, not %q\n", *lang)
		return 2
	case !validFormat(*format):
		fmt.Fprintf(stderr, "report: -format must be text, json, markdown or html, not %q\n", *format)
		return 2
	case fs.NArg() == 0:
		fs.Usage()
		return 2
	}
	bundle, status := load(fs.Args(), stdin, stdout, stderr, *lang)
	if bundle == nil {
		return status
	}
	ev := followup.EvaluateWith(bundle, at, followup.Options{View: view})
	if err := write(stdout, *format, *lang, bundle, ev); err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return 2
	}
	return 0
}

func validFormat(f string) bool {
	switch f {
	case "text", "json", "markdown", "html":
		return true
	}
	return false
}

// load decodes and validates the files and assembles one bundle. It prints
// the problems of invalid files and returns nil with the exit status when
// any file is invalid or unreadable.
func load(names []string, stdin io.Reader, stdout, stderr io.Writer, lang string) (*followup.Bundle, int) {
	var (
		bundle  *followup.Bundle
		reports []followup.Report
		status  int
	)
	for _, name := range names {
		data, display, err := read(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "report: %v\n", err)
			status = 2
			continue
		}
		file, problems := schema.Decode(data, schema.Options{})
		for _, p := range problems {
			fmt.Fprintln(stderr, p.Format(display, lang))
		}
		if file == nil {
			status = max(status, 1)
			continue
		}
		switch file.Kind {
		case schema.Report:
			reports = append(reports, *file.Report)
			continue
		case schema.PromiseDocument:
			file.Bundle = &followup.Bundle{Schema: schema.BundleURL, SchemaVersion: file.Document.SchemaVersion, Document: *file.Document}
		}
		if bundle != nil {
			fmt.Fprintf(stderr, "report: %s: a second promise document or bundle: give one, plus any number of reports\n", display)
			return nil, 2
		}
		bundle = file.Bundle
	}
	if status != 0 {
		return nil, status
	}
	if bundle == nil {
		fmt.Fprintln(stderr, "report: no promise document or bundle among the files: give one, plus any number of reports")
		return nil, 2
	}
	bundle.Reports = append(bundle.Reports, reports...)
	// Reports given as separate files are checked against the document
	// here, as the validator does for the reports inside a bundle.
	for i := len(bundle.Reports) - len(reports); i < len(bundle.Reports); i++ {
		r := &bundle.Reports[i]
		if err := r.Validate(&bundle.Document); err != nil {
			var vs promise.Violations
			if errors.As(err, &vs) {
				for _, v := range vs {
					fmt.Fprintf(stderr, "report %s: %s: %s\n", r.ID, schema.DisplayPointer(v.Pointer, lang), v.Message.In(lang))
				}
			}
			status = 1
		}
	}
	if dup := duplicateReport(bundle.Reports); dup != uuid.Nil {
		fmt.Fprintf(stderr, "report: report %s is given twice: remove one copy\n", dup)
		status = 1
	}
	if status != 0 {
		return nil, status
	}
	return bundle, 0
}

func duplicateReport(rs []followup.Report) uuid.UUID {
	seen := make(map[uuid.UUID]bool, len(rs))
	for _, r := range rs {
		if seen[r.ID] {
			return r.ID
		}
		seen[r.ID] = true
	}
	return uuid.Nil
}

func read(name string, stdin io.Reader) ([]byte, string, error) {
	if name == "-" {
		data, err := schema.ReadAll(stdin, schema.Options{})
		return data, "<stdin>", err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, name, fmt.Errorf("%s is a directory", name)
	}
	data, err := schema.ReadAll(f, schema.Options{})
	return data, name, err
}

func write(w io.Writer, format, lang string, b *followup.Bundle, ev *followup.Evaluation) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(ev)
	case "markdown":
		return publish.Markdown(w, ev, b, lang)
	case "html":
		return publish.HTML(w, ev, b, lang)
	}
	return text(w, lang, b, ev)
}

// text prints the evaluation for a terminal: each citizen promise and
// action plan with its roll-up, then each promise and its activities, the
// results that belong to no activity, and what the reports say in their
// own words.
func text(w io.Writer, lang string, b *followup.Bundle, ev *followup.Evaluation) error {
	doc := &b.Document
	tx := &texts{lang: lang, names: map[uuid.UUID]string{}, reports: map[uuid.UUID]*followup.Report{}}
	for _, p := range doc.Parties {
		tx.names[p.ID] = p.Name.In(lang)
	}
	for i := range b.Reports {
		tx.reports[b.Reports[i].ID] = &b.Reports[i]
	}
	label := tx.say("report.statusAt")
	if ev.View == followup.AsKnownView {
		label = tx.say("report.statusAsKnown")
	}
	var out strings.Builder
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		if st := ev.CitizenPromise(cp.ID); st != nil {
			tx.container(&out, label, ev.At, cp.Title, cp.Period, cp.PartyIDs, cp.Promises, cp.Activities, st)
		}
	}
	for i := range doc.ActionPlans {
		ap := &doc.ActionPlans[i]
		if i < len(ev.ActionPlans) {
			tx.container(&out, label, ev.At, ap.Title, ap.Period, ap.PartyIDs, nil, ap.Activities, &ev.ActionPlans[i])
		}
	}
	for _, w := range ev.Warnings {
		fmt.Fprintf(&out, "%s: %s\n", tx.say("report.warning"), w.Message.In(lang))
	}
	_, err := io.WriteString(w, out.String())
	return err
}

type texts struct {
	lang    string
	names   map[uuid.UUID]string
	reports map[uuid.UUID]*followup.Report
}

func (tx *texts) say(k words.Key) string { return k.In(tx.lang) }

func (tx *texts) container(out *strings.Builder, label string, at promise.Date, title promise.Text, period promise.Period, partyIDs []uuid.UUID,
	promises []promise.Promise, acts []promise.Activity, st *followup.CitizenPromiseStatus) {
	lang := tx.lang
	var parties []string
	for _, id := range partyIDs {
		parties = append(parties, tx.names[id])
	}
	fmt.Fprintf(out, "%s (%s)\n%s\n", title.In(lang), periodText(period, lang), strings.Join(parties, ", "))
	fmt.Fprintf(out, label+": %s. %s\n", at, st.Status.Label(lang), st.Reason.In(lang))
	var counts []string
	for _, c := range st.Counts {
		counts = append(counts, fmt.Sprintf("%s %d", c.Status.Label(lang), c.Count))
	}
	fmt.Fprintf(out, "  %s: %s\n", tx.say("report.activities"), strings.Join(counts, ", "))
	shown := map[uuid.UUID]bool{}
	for j := range promises {
		p := &promises[j]
		ps := st.Promise(p.ID)
		if ps == nil {
			continue
		}
		fmt.Fprintf(out, "\n  [%s] %s\n", ps.Status.Label(lang), p.Text.In(lang))
		if len(ps.Activities) == 0 {
			fmt.Fprintf(out, "    %s\n", ps.Reason.In(lang))
		}
		for _, aid := range ps.Activities {
			shown[aid] = true
			tx.activity(out, acts, st, aid)
		}
	}
	var rest []uuid.UUID
	for _, a := range acts {
		if !shown[a.ID] {
			rest = append(rest, a.ID)
		}
	}
	if len(rest) > 0 {
		if len(promises) > 0 {
			fmt.Fprintf(out, "\n  %s\n", tx.say("publish.otherActivities"))
		} else {
			out.WriteString("\n")
		}
		for _, aid := range rest {
			tx.activity(out, acts, st, aid)
		}
	}
	if len(st.Results) > 0 {
		fmt.Fprintf(out, "\n  %s\n", tx.say("report.resultsOfTheWhole"))
		for _, r := range st.Results {
			fmt.Fprintf(out, "    - %s\n", resultText(r, lang))
		}
	}
	if len(st.Texts) > 0 {
		fmt.Fprintf(out, "\n  %s\n", tx.say("report.followUpsSay"))
		for _, t := range st.Texts {
			r := tx.reports[t.ReportID]
			head := t.ReportID.String()
			if r != nil {
				head = strings.TrimSpace(r.Date.String() + " " + r.Title.In(lang))
				if r.Date.IsZero() {
					head = strings.TrimSpace(tx.say("report.dateNotStated") + r.Title.In(lang))
				}
			}
			fmt.Fprintf(out, "    %s:", head)
			if s := t.Summary.In(lang); s != "" {
				fmt.Fprintf(out, " %s", s)
			}
			out.WriteString("\n")
			for _, n := range t.Notes {
				fmt.Fprintf(out, "      - %s\n", n.Text.In(lang))
			}
		}
	}
	out.WriteString("\n")
}

func (tx *texts) activity(out *strings.Builder, acts []promise.Activity, st *followup.CitizenPromiseStatus, id uuid.UUID) {
	lang := tx.lang
	as := st.Activity(id)
	if as == nil {
		return
	}
	txt := ""
	for _, a := range acts {
		if a.ID == id {
			txt = a.Text.In(lang)
		}
	}
	fmt.Fprintf(out, "    - [%s] %s\n", as.Status.Label(lang), txt)
	if n := as.Numbers.In(lang); n != "" {
		fmt.Fprintf(out, "        %s\n", n)
	}
	fmt.Fprintf(out, "        %s\n", as.Reason.In(lang))
	if a := as.Assessment; a != nil && !slices.Contains(as.Codes, "followup.assessed") && !slices.Contains(as.Codes, "followup.assessedEnd") {
		// The party's own assessment, when the rules' status stands
		// instead of it (a report that is awaited), as the other formats
		// show it.
		var who []string
		for _, p := range a.ReportedBy {
			who = append(who, tx.names[p])
		}
		quoted := words.Template("fmt.quoteOpen", lang) + a.Status.Label(lang) + words.Template("fmt.quoteClose", lang)
		line := words.M("followup.assessed", strings.Join(who, words.Template("fmt.and", lang)), a.Date.String(), quoted).In(lang)
		if j := a.Justification.In(lang); j != "" {
			line += " " + j
		}
		fmt.Fprintf(out, "        %s\n", line)
	}
	for _, r := range as.Results {
		fmt.Fprintf(out, "        %s %s\n", tx.say("report.reported"), resultText(r, lang))
	}
	if len(as.Leads) > 0 {
		var ls []string
		for _, l := range as.Leads {
			var who []string
			for _, p := range l.LeadIDs {
				who = append(who, tx.names[p])
			}
			ls = append(ls, strings.Join(who, words.Template("fmt.and", tx.lang)))
		}
		fmt.Fprintf(out, "        %s %s\n", tx.say("report.leadsDiffer"), strings.Join(ls, "; "))
	}
}

// resultText is a reported result in words: "drygt 300 trafikkontroller
// (2018-05-01–2018-12-31): description", or its stated outcome.
func resultText(r followup.Result, lang string) string {
	var parts []string
	if r.Value != nil {
		v := strings.TrimSpace(string(words.AppendNumber(nil, *r.Value, 2, lang)) + " " + r.Unit.In(lang))
		if r.Qualifier != "" {
			v = words.M("qualified", words.Key("qualifier."+string(r.Qualifier)), v).In(lang)
		}
		parts = append(parts, v)
	}
	if r.Outcome != "" {
		parts = append(parts, words.Key("outcome."+string(r.Outcome)).In(lang))
	}
	s := strings.Join(parts, ", ")
	if r.Period != nil {
		s += " (" + periodText(*r.Period, lang) + ")"
	} else if !r.Date.IsZero() {
		s += " (" + r.Date.String() + ")"
	}
	if d := strings.TrimSpace(r.Description.In(lang)); d != "" {
		s += ": " + d
	}
	return s
}

// periodText is a period as dates, with "tills vidare" for an open end and
// "okänt" for one the source does not state.
func periodText(p promise.Period, lang string) string {
	bound := func(d promise.Date, unknown, open bool) string {
		switch {
		case !d.IsZero():
			return d.String()
		case unknown:
			return words.Key("fmt.unknown").In(lang)
		case open:
			return words.Key("fmt.untilFurtherNotice").In(lang)
		}
		return ""
	}
	if p.IsZero() {
		return words.Key("report.periodNotStated").In(lang)
	}
	return bound(p.Start, p.StartUnknown(), false) + "–" + bound(p.End, p.EndUnknown(), p.Open())
}
