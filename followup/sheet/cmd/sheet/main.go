// Command sheet writes the follow-up rows of a reporting period as a CSV
// file that Excel in Swedish opens as a table, and reads the filled-in
// sheet back into a follow-up report.
//
// Usage:
//
//	go run ./followup/sheet/cmd/sheet export [-lang sv|en] [-citizen-promise ID] (-period N|START/END [-date YYYY-MM-DD] | -report ID) [-party NAME|ID] -o OUT.csv FILE...
//	go run ./followup/sheet/cmd/sheet import [-lang sv|en] -o OUT.json SHEET.csv FILE...
//
// The FILEs are a promise document or a bundle, plus any number of report
// files (as for schema/cmd/bundle); "-" reads standard input.
//
// export writes an empty sheet for reporting period N of the citizen
// promise's calendar (1 is the first; without -period the command lists
// them) or for the period START/END, dated -date (default today); or, with
// -report, the sheet of that report, to correct it. -party limits the
// sheet to the activities that party leads or takes part in, and makes it
// the reporting party. What a report holds that a sheet cannot is printed
// as a warning.
//
// import reads SHEET.csv back into a report and writes it as JSON, valid
// for the document. Problems are printed as SHEET:ROW:COL: message, the
// message beginning "rad 7, kolumn D (Tillfällen): ". When a report with the
// sheet's id is among the FILEs (the report the sheet was exported from),
// what the sheet cannot hold is kept from it.
//
// OUT is written atomically (a temporary file renamed over it) and only
// when nothing is wrong; "-" writes to standard output. The exit status is
// 0 on success, 1 when a file or the sheet is invalid, and 2 on a usage or
// I/O error.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/followup/sheet"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/promise/words"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now))
}

const usage = `usage:
  sheet export [-lang sv|en] [-citizen-promise ID] (-period N|START/END [-date YYYY-MM-DD] | -report ID) [-party NAME|ID] -o OUT.csv FILE...
  sheet import [-lang sv|en] -o OUT.json SHEET.csv FILE...
FILE: a promise document or bundle, plus any number of reports; - reads standard input`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "export":
		return export(args[1:], stdin, stdout, stderr, now)
	case "import":
		return importSheet(args[1:], stdin, stdout, stderr)
	}
	fmt.Fprintf(stderr, "sheet: unknown command %q\n%s\n", args[0], usage)
	return 2
}

type common struct {
	fs   *flag.FlagSet
	lang *string
	out  *string
}

func flags(name string, stderr io.Writer) common {
	fs := flag.NewFlagSet("sheet "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	return common{
		fs:   fs,
		lang: fs.String("lang", "sv", "language of the sheet and the messages: sv or en"),
		out:  fs.String("o", "", "the file to write (required); - writes to standard output"),
	}
}

func (c common) check(minArgs int, stderr io.Writer) bool {
	switch {
	case *c.out == "":
		fmt.Fprintln(stderr, "sheet: -o is required: name the file to write")
	case !slices.Contains(words.Languages(), *c.lang):
		fmt.Fprintf(stderr, "sheet: -lang must be sv or en, not %q\n", *c.lang)
	case c.fs.NArg() < minArgs:
		fmt.Fprintln(stderr, usage)
	default:
		return true
	}
	return false
}

func export(args []string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	c := flags("export", stderr)
	cpFlag := c.fs.String("citizen-promise", "", "the id of the citizen promise (needed when the document has several)")
	periodFlag := c.fs.String("period", "", "the reporting period: its number in the calendar (1 is the first), or START/END")
	dateFlag := c.fs.String("date", "", "the date of the new report, YYYY-MM-DD (default today)")
	reportFlag := c.fs.String("report", "", "the id of a report among the files: write its sheet, to correct it")
	partyFlag := c.fs.String("party", "", "only the activities this party (name or id) leads or takes part in; it reports")
	if err := c.fs.Parse(args); err != nil {
		return 2
	}
	if *periodFlag == "" && *reportFlag == "" && *c.out == "" {
		// Without a period the command lists the calendar and writes
		// nothing: -o is not needed for that.
		*c.out = "-"
	}
	if !c.check(1, stderr) {
		return 2
	}
	lang := *c.lang
	bundle, status := load(c.fs.Args(), stdin, stdout, stderr, lang)
	if bundle == nil {
		return status
	}
	doc := &bundle.Document
	opts := sheet.Options{Lang: lang}
	if *partyFlag != "" {
		id, err := findParty(doc, *partyFlag)
		if err != nil {
			fmt.Fprintf(stderr, "sheet: -party: %v\n", err)
			return 2
		}
		opts.Party = id
	}
	var r *followup.Report
	if *reportFlag != "" {
		if *periodFlag != "" || *dateFlag != "" {
			fmt.Fprintln(stderr, "sheet: -report takes the period and date of the report: give -period and -date only for a new report")
			return 2
		}
		for i := range bundle.Reports {
			if bundle.Reports[i].ID.String() == strings.ToLower(*reportFlag) {
				r = &bundle.Reports[i]
			}
		}
		if r == nil {
			fmt.Fprintf(stderr, "sheet: -report: no report %s among the files\n", *reportFlag)
			return 2
		}
	} else {
		cp, err := citizenPromise(doc, *cpFlag)
		if err != nil {
			fmt.Fprintf(stderr, "sheet: %v\n", err)
			return 2
		}
		date := promise.DateOf(now())
		if *dateFlag != "" {
			if date, err = promise.ParseDate(*dateFlag); err != nil {
				fmt.Fprintf(stderr, "sheet: -date: %v\n", err)
				return 2
			}
		}
		period, err := reportingPeriod(cp, *periodFlag, date)
		if err != nil {
			fmt.Fprintf(stderr, "sheet: %v\n", err)
			return 2
		}
		by := cp.PartyIDs
		if opts.Party != uuid.Nil {
			by = []uuid.UUID{opts.Party}
		}
		r = sheet.NewReport(cp.ID, period, date, by)
	}
	var buf bytes.Buffer
	lost, err := sheet.Export(&buf, doc, r, opts)
	if err != nil {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return 1
	}
	for _, p := range lost {
		fmt.Fprintf(stderr, "%s%s: %s\n", words.Key("schema.warningPrefix").In(lang), schema.DisplayPointer(p.Pointer, lang), p.Message.In(lang))
	}
	if err := write(*c.out, buf.Bytes(), stdout); err != nil {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return 2
	}
	if *c.out != "-" {
		fmt.Fprintln(stderr, words.M("sheet.wroteSheet", *c.out, r.ID, r.Period).In(lang))
	}
	return 0
}

func importSheet(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := flags("import", stderr)
	if err := c.fs.Parse(args); err != nil {
		return 2
	}
	if !c.check(2, stderr) {
		return 2
	}
	lang := *c.lang
	name := c.fs.Arg(0)
	if name == "-" {
		fmt.Fprintln(stderr, "sheet: give the sheet as a file, not standard input")
		return 2
	}
	data, err := readFile(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return 2
	}
	bundle, status := load(c.fs.Args()[1:], stdin, stdout, stderr, lang)
	if bundle == nil {
		return status
	}
	opts := sheet.Options{Lang: lang}
	r, problems := sheet.Import(data, &bundle.Document, opts)
	if r != nil {
		// The report the sheet was exported from keeps what the sheet
		// cannot hold.
		for i := range bundle.Reports {
			if bundle.Reports[i].ID == r.ID {
				opts.Base = &bundle.Reports[i]
				r, problems = sheet.Import(data, &bundle.Document, opts)
			}
		}
	}
	for _, p := range problems {
		warning := ""
		if p.Severity == schema.Warning {
			warning = words.Key("schema.warningPrefix").In(lang)
		}
		fmt.Fprintf(stdout, "%s:%d:%d: %s%s\n", name, p.Line, p.Column, warning, p.Message.In(lang))
	}
	if r == nil {
		fmt.Fprintln(stderr, words.Key("sheet.nothingWritten").In(lang))
		return 1
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, r); err != nil {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return 2
	}
	if err := write(*c.out, buf.Bytes(), stdout); err != nil {
		fmt.Fprintf(stderr, "sheet: %v\n", err)
		return 2
	}
	if *c.out != "-" {
		fmt.Fprintln(stderr, words.M("sheet.wroteReport", *c.out, r.ID, len(r.Updates)).In(lang))
	}
	return 0
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// load reads and merges the files into a bundle, printing the problems;
// nil and the exit status when they are invalid or unreadable.
func load(names []string, stdin io.Reader, stdout, stderr io.Writer, lang string) (*followup.Bundle, int) {
	var inputs []schema.Input
	for _, name := range names {
		data, err := readFile(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "sheet: %v\n", err)
			return nil, 2
		}
		display := name
		if name == "-" {
			display = "<stdin>"
		}
		inputs = append(inputs, schema.Input{Name: display, Data: data})
	}
	merged, problems := schema.Merge(inputs, schema.MergeOptions{})
	for _, p := range problems {
		fmt.Fprintln(stdout, p.Format(lang))
	}
	if merged == nil {
		return nil, 1
	}
	return merged.Bundle, 0
}

func readFile(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return schema.ReadAll(stdin, schema.Options{})
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", name)
	}
	data, err := schema.ReadAll(f, schema.Options{})
	if err != nil {
		var pe *os.PathError
		if !errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", name, err)
		}
	}
	return data, err
}

func citizenPromise(doc *promise.Document, id string) (*promise.CitizenPromise, error) {
	var list []string
	for i := range doc.CitizenPromises {
		cp := &doc.CitizenPromises[i]
		if id != "" && cp.ID.String() == strings.ToLower(id) {
			return cp, nil
		}
		list = append(list, fmt.Sprintf("  %s  %s (%s)", cp.ID, cp.Title.In("sv"), cp.Period))
	}
	switch {
	case id != "":
		return nil, fmt.Errorf("-citizen-promise: no citizen promise %s in the document; it has:\n%s", id, strings.Join(list, "\n"))
	case len(doc.CitizenPromises) == 1:
		return &doc.CitizenPromises[0], nil
	case len(doc.CitizenPromises) == 0:
		return nil, errors.New("the document has no citizen promise")
	}
	return nil, fmt.Errorf("the document has several citizen promises: choose one with -citizen-promise ID:\n%s", strings.Join(list, "\n"))
}

// reportingPeriod reads -period: a number in the calendar, or START/END.
func reportingPeriod(cp *promise.CitizenPromise, s string, date promise.Date) (promise.Period, error) {
	cal := followup.Calendar(cp, date)
	list := func() string {
		var b strings.Builder
		for i, p := range cal {
			fmt.Fprintf(&b, "\n  %d  %s (due %s)", i+1, p.Period, p.Due)
		}
		return b.String()
	}
	if s == "" {
		return promise.Period{}, fmt.Errorf("give the reporting period with -period N or -period START/END; the calendar of %q:%s", cp.Title.In("sv"), list())
	}
	if start, end, ok := strings.Cut(s, "/"); ok {
		var p promise.Period
		var err error
		if p.Start, err = promise.ParseDate(start); err == nil {
			p.End, err = promise.ParseDate(end)
		}
		if err != nil {
			return p, fmt.Errorf("-period %s: %v", s, err)
		}
		return p, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > len(cal) {
		return promise.Period{}, fmt.Errorf("-period %s is neither START/END nor a number from 1 to %d:%s", s, len(cal), list())
	}
	return cal[n-1].Period, nil
}

func findParty(doc *promise.Document, s string) (uuid.UUID, error) {
	var found []uuid.UUID
	var names []string
	for _, p := range doc.Parties {
		names = append(names, fmt.Sprintf("%q", p.Name.In("sv")))
		if p.ID.String() == strings.ToLower(s) {
			return p.ID, nil
		}
		for _, t := range []promise.Text{p.Name, p.ShortName} {
			for _, n := range t {
				if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(s)) {
					found = append(found, p.ID)
				}
			}
		}
	}
	switch {
	case len(found) == 0:
		return uuid.Nil, fmt.Errorf("%q is not a party of the document: use one of %s", s, strings.Join(names, ", "))
	case len(found) > 1 && found[0] != found[len(found)-1]:
		return uuid.Nil, fmt.Errorf("%q names several parties: give its id", s)
	}
	return found[0], nil
}

func write(name string, data []byte, stdout io.Writer) error {
	if name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return writeAtomic(name, data)
}

// writeAtomic writes data to a temporary file beside name and renames it
// over name: never a half-written file.
func writeAtomic(name string, data []byte) (err error) {
	mode := os.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a directory", name)
		}
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
