//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"strconv"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// testCache returns a cache in a database of its own.
func testCache(t *testing.T) *cache {
	t.Helper()
	return &cache{name: testDBName(t)}
}

// testDBName returns a new database name.
func testDBName(t *testing.T) string {
	t.Helper()
	if !hasIndexedDB() {
		t.Fatal("no IndexedDB in this browser")
	}
	return "medborgarlofte-test-" + t.Name() + "-" + strconv.FormatInt(time.Now().UnixNano(), 36)
}

// putRaw stores any value under key, as an older or broken widget might
// have.
func (c *cache) putRaw(ctx context.Context, key string, value js.Value) error {
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	return c.write(ctx, db, func(s *idb.ObjectStore) error {
		_, err := s.PutKey(js.ValueOf(key), value)
		return err
	})
}

// count returns how many entries the store holds.
func (c *cache) count(t *testing.T) int {
	t.Helper()
	ctx := context.Background()
	db, err := c.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	txn, err := db.Transaction(idb.TransactionReadOnly, cacheStore)
	if err != nil {
		t.Fatal(err)
	}
	store, err := txn.ObjectStore(cacheStore)
	if err != nil {
		t.Fatal(err)
	}
	req, err := store.Count()
	if err != nil {
		t.Fatal(err)
	}
	n, err := req.Await(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func TestCacheRoundTrip(t *testing.T) {
	c := testCache(t)
	ctx := context.Background()
	key := "https://example.se/data/x.json"
	if _, ok, err := c.get(ctx, key); ok || err != nil {
		t.Fatalf("get(empty) = %v, %v; want a miss", ok, err)
	}
	want := cacheEntry{Body: bundleJSON, ETag: `"abc"`, LastModified: "Fri, 31 Jan 2020 10:00:00 GMT", Fetched: time.UnixMilli(1580464800123)}
	if err := c.put(ctx, key, want); err != nil {
		t.Fatalf("put = %v", err)
	}
	got, ok, err := c.get(ctx, key)
	if err != nil || !ok {
		t.Fatalf("get = %v, %v", ok, err)
	}
	if !bytes.Equal(got.Body, want.Body) || got.ETag != want.ETag || got.LastModified != want.LastModified || !got.Fetched.Equal(want.Fetched) {
		t.Errorf("get = %+v, want %+v", got, want)
	}
	// put replaces.
	want.ETag = `"def"`
	if err := c.put(ctx, key, want); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := c.get(ctx, key); got.ETag != `"def"` {
		t.Errorf("after a second put, ETag = %s", got.ETag)
	}
	if n := c.count(t); n != 1 {
		t.Errorf("%d entries, want 1", n)
	}
	if err := c.delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if n := c.count(t); n != 0 {
		t.Errorf("after delete, %d entries", n)
	}
}

// TestCacheDiscardsOtherFormats: an entry of another format version, or
// one that is not an entry at all, is deleted and never returned.
func TestCacheDiscardsOtherFormats(t *testing.T) {
	c := testCache(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		value any
	}{
		{"old version", map[string]any{"v": 0, "body": string(bundleJSON), "etag": "", "lastModified": "", "fetched": 1}},
		{"newer version", map[string]any{"v": cacheFormat + 1, "body": string(bundleJSON), "etag": "", "lastModified": "", "fetched": 1}},
		{"body not a string", map[string]any{"v": cacheFormat, "body": 42, "etag": "", "lastModified": "", "fetched": 1}},
		{"no date", map[string]any{"v": cacheFormat, "body": string(bundleJSON), "etag": "", "lastModified": ""}},
		{"a string", "hello"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			key := "https://example.se/" + tc.name
			if err := c.putRaw(ctx, key, js.ValueOf(tc.value)); err != nil {
				t.Fatal(err)
			}
			if _, ok, err := c.get(ctx, key); ok || err != nil {
				t.Errorf("get = %v, %v; want a miss", ok, err)
			}
		})
	}
	if n := c.count(t); n != 0 {
		t.Errorf("%d entries left, want every broken one deleted", n)
	}
}

// TestCachedDiscardsInvalidData: an entry whose body no longer decodes or
// validates is deleted and not shown.
func TestCachedDiscardsInvalidData(t *testing.T) {
	ctx := context.Background()
	for name, body := range map[string][]byte{
		"corrupt JSON": bundleJSON[:100],
		"invalid":      bytes.Replace(bundleJSON, []byte(`"https://www.strangnas.se/samverkan"`), []byte(`"javascript:x"`), 1),
	} {
		t.Run(name, func(t *testing.T) {
			a := newApp()
			a.cache.name = testDBName(t)
			key := "https://example.se/data.json"
			if err := a.cache.put(ctx, key, cacheEntry{Body: body, Fetched: time.Now()}); err != nil {
				t.Fatal(err)
			}
			d, err := a.cached(ctx, key)
			if d != nil || err == nil {
				t.Errorf("cached = %v, %v; want nothing and the error", d, err)
			}
			if n := a.cache.count(t); n != 0 {
				t.Errorf("%d entries left, want the invalid one deleted", n)
			}
		})
	}
}
