package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// startTimeouts serves the demo with the fake widget in dir and the given
// timeouts, through newHTTPServer as the demo does.
func startTimeouts(t *testing.T, dir string, tm timeouts) *httptest.Server {
	t.Helper()
	h := newServer(filepath.Join("..", "data"), dir)
	ts := httptest.NewUnstartedServer(h)
	ts.Config = newHTTPServer(h, tm)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

func TestDefaultTimeouts(t *testing.T) {
	s := newHTTPServer(http.NotFoundHandler(), defaultTimeouts)
	for name, d := range map[string]time.Duration{"ReadHeaderTimeout": s.ReadHeaderTimeout, "ReadTimeout": s.ReadTimeout, "WriteTimeout": s.WriteTimeout, "IdleTimeout": s.IdleTimeout} {
		if d <= 0 {
			t.Errorf("%s = %v: a connection could be held forever", name, d)
		}
	}
}

// TestIdleConnectionDropped: a keep-alive connection that sends no next
// request is closed after the idle timeout.
func TestIdleConnectionDropped(t *testing.T) {
	ts := startTimeouts(t, fakeWidget(t), timeouts{header: time.Second, read: time.Second, write: time.Second, idle: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /favicon.ico HTTP/1.1\r\nHost: demo\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Close {
		t.Fatal("the server closed the connection after the first response: not a keep-alive test")
	}
	// Now idle: the server must close the connection long before 10 s.
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err = r.ReadByte()
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("an idle keep-alive connection is still open after 10 s")
	}
	if err == nil {
		t.Fatalf("the server sent more on an idle connection")
	}
}

// TestStalledReaderDropped: a client that requests a large file and stops
// reading is dropped after the write timeout: the response ends short.
func TestStalledReaderDropped(t *testing.T) {
	dir := fakeWidget(t)
	const size = 64 << 20 // more than the sockets buffer
	if err := os.WriteFile(filepath.Join(dir, testWASM), make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := startTimeouts(t, dir, timeouts{header: time.Second, read: time.Second, write: 300 * time.Millisecond, idle: time.Second})
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /widget/"+testWASM+" HTTP/1.1\r\nHost: demo\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // not reading: the server's writes block, then time out
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Header.Get("Content-Length"); got != strconv.Itoa(size) {
		t.Fatalf("Content-Length %s, want %d", got, size)
	}
	n, err := io.Copy(io.Discard, res.Body)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the connection is still open after 10 s, %d bytes read", n)
	}
	if n >= size {
		t.Errorf("the whole response arrived (%d bytes): the stalled reader was not dropped", n)
	}
}
