// Package demoserver builds and starts the demo (examples/demo) for the
// browser tests and measurements, on a free port of 127.0.0.1.
package demoserver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Server is a running demo.
type Server struct {
	// URL is the demo's address, http://127.0.0.1:PORT, without a
	// trailing slash.
	URL string

	cmd   *exec.Cmd
	dir   string
	done  chan struct{}
	lines []string
}

// Start builds the demo of the repository at root and starts it. The demo
// builds the widget first when it is missing or older than its sources,
// which takes a minute when the build cache is cold. Log gets the demo's
// output.
func Start(root string, log io.Writer) (*Server, error) {
	dir, err := os.MkdirTemp("", "demoserver-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, done: make(chan struct{})}
	bin := filepath.Join(dir, "demo")
	build := exec.Command("go", "build", "-o", bin, "./examples/demo")
	build.Dir = root
	build.Stdout, build.Stderr = log, log
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("demoserver: building the demo: %w", err)
	}
	s.cmd = exec.Command(bin, "-addr", "127.0.0.1:0", "-root", root)
	s.cmd.Dir = root
	s.cmd.Stderr = log
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("demoserver: starting the demo: %w", err)
	}
	addr := make(chan string, 1)
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			s.lines = append(s.lines, line)
			fmt.Fprintln(log, "demo:", line)
			if a, ok := strings.CutPrefix(line, "Open "); ok {
				addr <- strings.TrimSuffix(strings.TrimSuffix(a, " in a browser"), "/")
			}
		}
		io.Copy(io.Discard, out)
	}()
	select {
	case s.URL = <-addr:
		return s, nil
	case <-s.done:
		s.cmd.Wait()
		os.RemoveAll(dir)
		return nil, errors.New("demoserver: the demo stopped before it printed its address")
	case <-time.After(5 * time.Minute):
		s.cmd.Process.Kill()
		s.cmd.Wait()
		os.RemoveAll(dir)
		return nil, errors.New("demoserver: the demo did not print its address within 5 minutes")
	}
}

// Stop sends SIGINT and waits for the demo to exit. It returns an error
// when the demo does not stop cleanly (exit status 0, last line "stopped")
// within 10 s.
func (s *Server) Stop() error {
	defer os.RemoveAll(s.dir)
	s.cmd.Process.Signal(syscall.SIGINT)
	exited := make(chan error, 1)
	go func() { <-s.done; exited <- s.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			return fmt.Errorf("demoserver: the demo did not exit cleanly on SIGINT: %w", err)
		}
		if n := len(s.lines); n == 0 || s.lines[n-1] != "stopped" {
			return fmt.Errorf("demoserver: the demo's last line is not \"stopped\": %q", s.lines)
		}
		return nil
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		return errors.New("demoserver: the demo did not exit within 10 s of SIGINT")
	}
}
