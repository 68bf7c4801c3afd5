package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/followup"
	"github.com/medborgarlofte/medborgarlofte/promise"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// A figure is what one run cost.
type figure struct {
	what string        // "decode", "validate", "evaluate", "report", "widget"
	wall time.Duration // elapsed
	cpu  time.Duration // user and system time of the process; 0 when not known
	peak int64         // peak resident memory, bytes
	out  int64         // bytes written, for the commands; -1 when none
	note string        // the outcome: "valid", "invalid", "ready", "exit 1" …
}

// counter counts what is written to it and keeps the first bytes.
type counter struct {
	n    int64
	head bytes.Buffer
}

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if room := 64<<10 - c.head.Len(); room > 0 {
		c.head.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// run runs a program to the end and returns what it cost, as the kernel
// counts it for the process: elapsed time, user and system time, and the
// peak resident set size.
//
// The program is started by a small process of this command (-spawn):
// Linux counts in a process's peak the memory of the process that forked
// it, up to its exec, and this command holds the national data by then.
func run(ctx context.Context, what string, name string, args ...string) (figure, []byte) {
	self, err := os.Executable()
	if err != nil {
		return figure{what: what, out: -1, note: err.Error()}, nil
	}
	usage, w, err := os.Pipe()
	if err != nil {
		return figure{what: what, out: -1, note: err.Error()}, nil
	}
	defer usage.Close()
	cmd := exec.CommandContext(ctx, self, append([]string{"-spawn", name}, args...)...)
	var out, stderr counter
	cmd.Stdout, cmd.Stderr = &out, &stderr
	cmd.ExtraFiles = []*os.File{w}
	start := time.Now()
	err = cmd.Run()
	w.Close()
	f := figure{what: what, wall: time.Since(start), out: out.n}
	var sp spawned
	if jerr := json.NewDecoder(usage).Decode(&sp); jerr == nil {
		f.cpu = time.Duration(sp.CPUNanos)
		f.peak = sp.MaxRSS
		err = nil
		if sp.Exit != 0 {
			err = fmt.Errorf("exit %d", sp.Exit)
		}
		if sp.Err != "" {
			err = errors.New(sp.Err)
		}
	}
	switch {
	case err == nil:
		f.note = "exit 0"
	case ctx.Err() != nil:
		f.note = "timed out"
	default:
		f.note = err.Error()
	}
	if err != nil && f.note != "exit 1" {
		// An exit of 1 is an invalid file; anything else is worth reading.
		f.note += ": " + firstLine(stderr.head.String())
	}
	return f, out.head.Bytes()
}

// spawned is what -spawn reports on file descriptor 3.
type spawned struct {
	Exit     int    `json:"exit"`
	Err      string `json:"err,omitempty"`
	CPUNanos int64  `json:"cpuNanos"`
	MaxRSS   int64  `json:"maxRSS"` // bytes
}

// spawn runs a program with this process's standard input and output and
// reports its exit status and resource use on file descriptor 3.
func spawn(name string, args ...string) error {
	report := os.NewFile(3, "usage")
	if report == nil {
		return errors.New("-spawn needs file descriptor 3")
	}
	cmd := exec.Command(name, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var sp spawned
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		sp.Exit = exit.ExitCode()
	default:
		sp.Err = err.Error()
	}
	if st := cmd.ProcessState; st != nil {
		if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
			sp.CPUNanos = ru.Utime.Nano() + ru.Stime.Nano()
			sp.MaxRSS = ru.Maxrss << 10 // kilobytes on Linux
		}
	}
	return json.NewEncoder(report).Encode(sp)
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}

// The child modes run inside a process of their own, so that its peak
// memory is theirs alone: the parent runs this program again with -child.

// childResult is what a child prints.
type childResult struct {
	Seconds         float64 `json:"seconds"`         // of the call measured
	CPUSeconds      float64 `json:"cpuSeconds"`      // user and system time of the call
	AllocatedMB     float64 `json:"allocatedMB"`     // allocated by the call
	Valid           bool    `json:"valid"`           // the file is valid
	Problems        int     `json:"problems"`        // problems Decode listed
	DecodeSeconds   float64 `json:"decodeSeconds"`   // for evaluate: the decoding before
	EvaluatedErrors string  `json:"evaluatedErrors"` // why nothing was evaluated
}

// child runs Decode ("decode") or Decode and then Evaluate ("evaluate") on
// file, and prints a childResult.
func child(mode, file string, at promise.Date) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var res childResult
	var f *schema.File
	var problems schema.Problems
	decode := func() { f, problems = schema.Decode(data, schema.Options{}) }
	switch mode {
	case "decode":
		res.Seconds, res.CPUSeconds, res.AllocatedMB = measured(decode)
	case "evaluate":
		res.DecodeSeconds, _, _ = measured(decode)
		var b *followup.Bundle
		switch {
		case f == nil:
		case f.Bundle != nil:
			b = f.Bundle
		case f.Document != nil:
			// A promise document alone, as the report command takes it.
			b = &followup.Bundle{Schema: synthetic.BundleSchema, SchemaVersion: f.Document.SchemaVersion, Document: *f.Document}
		}
		if b == nil {
			res.EvaluatedErrors = "not a valid bundle or promise document"
			break
		}
		res.Seconds, res.CPUSeconds, res.AllocatedMB = measured(func() { followup.Evaluate(b, at) })
	default:
		return fmt.Errorf("unknown child mode %q", mode)
	}
	res.Valid, res.Problems = f != nil, len(problems)
	return json.NewEncoder(os.Stdout).Encode(res)
}

// measured runs fn and returns its elapsed and CPU seconds and the
// megabytes it allocated.
func measured(fn func()) (seconds, cpu, allocMB float64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()
	fn()
	seconds = time.Since(start).Seconds()
	cpu = (cpuTime() - cpu0).Seconds()
	runtime.ReadMemStats(&after)
	return seconds, cpu, float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
