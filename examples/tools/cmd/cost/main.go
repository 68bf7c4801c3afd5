// Command cost measures what files cost the programs that read them: the
// validator (schema.Decode, and the validate command), the evaluation
// (followup.Evaluate, and the report command with -format json) and the
// status widget in a browser, on adversarial files of up to 16 MiB and on
// the national synthetic data of the same sizes.
//
// Usage:
//
//	make cost
//	go -C examples/tools run ./cmd/cost [-sizes 2MiB,16MiB] [-only REGEXP] [-widget=false] [-keep DIR]
//
// The adversarial files are the shapes that made trouble (issue 8): a
// small file of a hundred years with monthly reporting, many activities,
// many reports, many occurrences, huge arrays of bad ids, nulls or
// references to nothing, a flood of unknown properties, empty objects and
// numbers of hundreds of digits. Beside each file of a size given by
// -sizes it measures the national synthetic data (examples/synthetic) cut
// to the same size.
//
// For each file and program it prints the elapsed time, the CPU time,
// the peak resident memory and, for the commands, the bytes written and
// their ratio to the input. Each program runs in a process of its own (the
// in-process figures of Decode and Evaluate come from a child process of
// this command), so that its peak memory is its own; the widget runs in a
// fresh headless Chromium per file (make widget builds it into
// examples/demo/dist). The goals are checked at the end: no file of at
// most 16 MiB takes more than 5 s or 1 GiB in any of them, and no output
// is more than 20 times its input. The machine is shared: the CPU time
// counts only this work, the elapsed time also the waiting, and the load
// average is printed before and after.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
)

// The goals of issue 8.
const (
	maxSeconds = 5
	maxPeak    = 1 << 30
	maxRatio   = 20
)

func main() {
	if err := start(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "cost:", err)
		os.Exit(2)
	}
}

func start(args []string) error {
	fs := flag.NewFlagSet("cost", flag.ContinueOnError)
	sizes := fs.String("sizes", "2MiB,16MiB", "the sizes of the files that grow, comma-separated (the widget reads at most 2 MiB)")
	only := fs.String("only", "", "measure only the shapes whose name matches this regular expression")
	widget := fs.Bool("widget", true, "measure the widget in headless Chromium")
	keep := fs.String("keep", "", "write the files measured to this directory and keep them")
	timeout := fs.Duration("timeout", 5*time.Minute, "the longest one run may take")
	childMode := fs.String("child", "", "internal: run Decode (decode) or Evaluate (evaluate) on one file and print what it cost")
	spawnMode := fs.Bool("spawn", false, "internal: run the program named by the arguments and report its resource use on descriptor 3")
	at := fs.String("at", "", "internal: the date of -child evaluate")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *spawnMode {
		if fs.NArg() == 0 {
			return errors.New("-spawn needs a program")
		}
		return spawn(fs.Arg(0), fs.Args()[1:]...)
	}
	if *childMode != "" {
		if fs.NArg() != 1 {
			return errors.New("-child needs one file")
		}
		date, err := promise.ParseDate(*at)
		if *childMode == "evaluate" && err != nil {
			return fmt.Errorf("-at: %w", err)
		}
		return child(*childMode, fs.Arg(0), date)
	}
	var sized []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := parseSize(strings.TrimSpace(s))
		if err != nil {
			return err
		}
		sized = append(sized, n)
	}
	var filter *regexp.Regexp
	if *only != "" {
		var err error
		if filter, err = regexp.Compile(*only); err != nil {
			return err
		}
	}
	m, err := newMeasurer(*keep, *timeout, *widget)
	if err != nil {
		return err
	}
	defer m.close()
	return m.all(sized, filter)
}

func parseSize(s string) (int, error) {
	mult := 1
	for suffix, k := range map[string]int{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if rest, ok := strings.CutSuffix(s, suffix); ok {
			s, mult = rest, k
			break
		}
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: give bytes or a number with KiB, MiB or GiB", s)
	}
	return int(n * float64(mult)), nil
}

// measurer holds what every measurement needs.
type measurer struct {
	root, dir        string
	temporary        bool
	self             string // this program, for its child modes
	validate, report string // the commands, built
	timeout          time.Duration
	pages            *pageServer // nil without the widget
	over             []string    // the runs that missed a goal
}

func newMeasurer(keep string, timeout time.Duration, widget bool) (*measurer, error) {
	root, err := widgetbuild.FindRoot(".")
	if err != nil {
		return nil, err
	}
	m := &measurer{root: root, timeout: timeout, dir: keep}
	if m.dir == "" {
		if m.dir, err = os.MkdirTemp("", "cost-"); err != nil {
			return nil, err
		}
		m.temporary = true
	} else if err := os.MkdirAll(m.dir, 0o755); err != nil {
		return nil, err
	}
	if m.self, err = os.Executable(); err != nil {
		return nil, err
	}
	bin := filepath.Join(m.dir, "bin")
	for _, c := range []struct {
		out *string
		pkg string
	}{{&m.validate, "./schema/cmd/validate"}, {&m.report, "./followup/cmd/report"}} {
		*c.out = filepath.Join(bin, filepath.Base(c.pkg))
		build := exec.Command("go", "build", "-o", *c.out, c.pkg)
		build.Dir, build.Stderr = root, os.Stderr
		if err := build.Run(); err != nil {
			m.close()
			return nil, fmt.Errorf("building %s: %w", c.pkg, err)
		}
	}
	if widget {
		if m.pages, err = startPages(filepath.Join(root, "examples", "demo", "dist")); err != nil {
			m.close()
			return nil, err
		}
	}
	return m, nil
}

func (m *measurer) close() {
	if m.pages != nil {
		m.pages.close()
	}
	if m.temporary {
		os.RemoveAll(m.dir)
	}
}

// all measures every shape, and the national data beside the sized ones.
func (m *measurer) all(sizes []int, filter *regexp.Regexp) error {
	fmt.Printf("load average before: %s\n", loadAverage())
	fmt.Printf(rowFormat, "file", "bytes", "run", "wall s", "cpu s", "peak MB", "out bytes", "out/in", "outcome")
	bundles := synthetic.Generate(synthetic.Options{})
	for _, s := range shapes {
		if filter != nil && !filter.MatchString(s.name) {
			continue
		}
		if !s.sized {
			data, at := s.make(0)
			if err := m.file(s.name, s.valid, data, at); err != nil {
				return err
			}
			continue
		}
		for _, size := range sizes {
			data, at := s.make(size)
			if err := m.file(fmt.Sprintf("%s-%s", s.name, sizeName(size)), s.valid, data, at); err != nil {
				return err
			}
			if err := m.nationalOf(bundles, size); err != nil {
				return err
			}
		}
	}
	fmt.Printf("load average after: %s\n", loadAverage())
	if len(m.over) == 0 {
		fmt.Printf("goals met: no run took more than %d s (elapsed or CPU) or %d MiB, no output was more than %d× its input\n", maxSeconds, maxPeak>>20, maxRatio)
		return nil
	}
	fmt.Printf("goals missed (%d s, %d MiB, %d× the input):\n", maxSeconds, maxPeak>>20, maxRatio)
	for _, o := range m.over {
		fmt.Println("  " + o)
	}
	return nil
}

// nationalOf measures the national synthetic data cut to size, once per
// size.
func (m *measurer) nationalOf(bundles []followup.Bundle, size int) error {
	name := "national-" + sizeName(size)
	if _, err := os.Stat(filepath.Join(m.dir, name+".json")); err == nil {
		return nil
	}
	data, at := national(bundles, size)
	return m.file(name, true, data, at)
}

// file measures one file with every program.
func (m *measurer) file(name string, valid bool, data []byte, at promise.Date) error {
	path := filepath.Join(m.dir, name+".json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*m.timeout)
	defer cancel()
	runCtx := func() (context.Context, context.CancelFunc) { return context.WithTimeout(ctx, m.timeout) }

	var figs []figure
	c, stop := runCtx()
	f, out := run(c, "decode", m.self, "-child", "decode", path)
	stop()
	figs = append(figs, fromChild(f, out))
	if figs[0].note == "valid" != valid {
		// A shape meant to be valid that is not (or the reverse) says
		// the model changed: the figures would measure something else.
		figs[0].note += " (meant to be " + map[bool]string{true: "valid", false: "invalid"}[valid] + ")"
	}
	c, stop = runCtx()
	f, _ = run(c, "validate", m.validate, path)
	stop()
	figs = append(figs, f)
	if valid {
		c, stop = runCtx()
		f, out = run(c, "evaluate", m.self, "-child", "evaluate", "-at", at.String(), path)
		stop()
		figs = append(figs, fromChild(f, out))
	}
	c, stop = runCtx()
	f, _ = run(c, "report", m.report, "-format", "json", "-at", at.String(), path)
	stop()
	figs = append(figs, f)
	if m.pages != nil {
		figs = append(figs, m.pages.widget(ctx, name+".json", path, at, m.timeout))
	}
	for i, f := range figs {
		m.row(name, len(data), i == 0, f)
	}
	return nil
}

// fromChild takes the in-process time of a child's call, keeping the
// process's peak memory.
func fromChild(f figure, out []byte) figure {
	var res childResult
	if err := json.Unmarshal(out, &res); err != nil {
		return f // the note says why the child failed
	}
	f.wall = time.Duration(res.Seconds * float64(time.Second))
	f.cpu = time.Duration(res.CPUSeconds * float64(time.Second))
	f.out = -1
	switch {
	case res.EvaluatedErrors != "":
		f.note = res.EvaluatedErrors
	case res.Valid:
		f.note = "valid"
	default:
		f.note = fmt.Sprintf("invalid, %d problems listed", res.Problems)
	}
	if f.what == "evaluate" {
		f.note += fmt.Sprintf(", %.0f MB allocated", res.AllocatedMB)
	}
	return f
}

func (m *measurer) row(name string, size int, first bool, f figure) {
	label, bytes := "", ""
	if first {
		label, bytes = name, group(int64(size))
	}
	cpu, out, ratio := "-", "-", "-"
	if f.cpu > 0 {
		cpu = fmt.Sprintf("%.2f", f.cpu.Seconds())
	}
	if f.out >= 0 {
		out = group(f.out)
		r := float64(f.out) / float64(size)
		ratio = fmt.Sprintf("%.2f", r)
		if r > maxRatio {
			m.miss(name, f, fmt.Sprintf("output %.0f× the input", r))
		}
	}
	switch {
	case f.wall > maxSeconds*time.Second:
		m.miss(name, f, fmt.Sprintf("%.1f s elapsed", f.wall.Seconds()))
	case f.cpu > maxSeconds*time.Second:
		m.miss(name, f, fmt.Sprintf("%.1f s CPU", f.cpu.Seconds()))
	}
	if f.peak > maxPeak {
		m.miss(name, f, fmt.Sprintf("%d MiB", f.peak>>20))
	}
	fmt.Printf(rowFormat, label, bytes, f.what, fmt.Sprintf("%.2f", f.wall.Seconds()), cpu, fmt.Sprintf("%.0f", float64(f.peak)/(1<<20)), out, ratio, f.note)
}

const rowFormat = "%-34s %12s %-9s %7s %7s %8s %12s %7s  %s\n"

func (m *measurer) miss(name string, f figure, what string) {
	m.over = append(m.over, fmt.Sprintf("%s, %s: %s", name, f.what, what))
}

// group writes n with thousands separated by commas.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func sizeName(n int) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return strconv.Itoa(n)
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}
