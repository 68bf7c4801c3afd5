//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"syscall/js"
	"testing"
	"time"
)

func TestFetchData(t *testing.T) {
	u := blobURL(t, bundleJSON)
	res, err := fetchData(context.Background(), jsFunc(t, "medborgarlofteFetch"), request{URL: u, SameOrigin: true})
	if err != nil {
		t.Fatalf("fetchData = %v", err)
	}
	if res.Status != 200 || !bytes.Equal(res.Body, bundleJSON) {
		t.Errorf("fetchData = status %d, %d bytes; want 200 and %d bytes", res.Status, len(res.Body), len(bundleJSON))
	}
}

// TestFetchLimit: a body over the limit is cut off with an error; one at
// the limit is read whole.
func TestFetchLimit(t *testing.T) {
	const limit = 256 << 10
	big := bytes.Repeat([]byte("x"), limit+1)
	_, err := fetchData(context.Background(), jsFunc(t, "medborgarlofteFetch"), request{URL: blobURL(t, big), Limit: limit, SameOrigin: true})
	if _, ok := err.(tooLargeError); !ok {
		t.Errorf("fetchData(%d bytes, limit %d) = %v, want tooLargeError", len(big), limit, err)
	}
	res, err := fetchData(context.Background(), jsFunc(t, "medborgarlofteFetch"), request{URL: blobURL(t, big[:limit]), Limit: limit, SameOrigin: true})
	if err != nil || len(res.Body) != limit {
		t.Errorf("fetchData(%d bytes, limit %d) = %d bytes, %v", limit, limit, len(res.Body), err)
	}
	// The default limit is 2 MiB.
	huge := bytes.Repeat([]byte(" "), defaultLimit+1)
	if _, err := fetchData(context.Background(), jsFunc(t, "medborgarlofteFetch"), request{URL: blobURL(t, huge), SameOrigin: true}); err == nil {
		t.Errorf("fetchData(2 MiB + 1) = nil, want tooLargeError")
	}
}

func TestFetchNetworkError(t *testing.T) {
	u := blobURL(t, bundleJSON)
	js.Global().Get("URL").Call("revokeObjectURL", u)
	_, err := fetchData(context.Background(), jsFunc(t, "medborgarlofteFetch"), request{URL: u, SameOrigin: true})
	if _, ok := err.(networkError); !ok {
		t.Errorf("fetchData(revoked) = %T %v, want networkError", err, err)
	}
	if !refreshFailure(err) {
		t.Errorf("refreshFailure(%v) = false", err)
	}
}

func TestFetchCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if _, err := fetchData(ctx, jsFunc(t, "medborgarlofteFetch"), request{URL: blobURL(t, bundleJSON), SameOrigin: true}); err == nil {
		t.Errorf("fetchData(cancelled) = nil, want an error")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("fetchData(cancelled) took %v", d)
	}
}
