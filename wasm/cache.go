//go:build js && wasm

package main

import (
	"context"
	"errors"
	"sync"
	"syscall/js"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// The offline cache: the last good data of each src, in the visitor's
// IndexedDB, only for widgets whose page opted in with the offline
// attribute.
const (
	cacheDB    = "medborgarlofte"
	cacheStore = "bundles"
	// cacheFormat is the version of an entry's layout. An entry of
	// another version is deleted, never shown; raise it when the layout
	// or the meaning of the stored body changes.
	cacheFormat = 1
	// cacheDeadline bounds every IndexedDB wait: a blocked upgrade or a
	// transaction that never finishes must not keep the widget loading.
	cacheDeadline = 3 * time.Second
)

// cacheEntry is what the cache keeps for one src.
type cacheEntry struct {
	Body               []byte
	ETag, LastModified string
	// Fetched is when the body was last fetched or confirmed (304).
	Fetched time.Time
}

// errNoIndexedDB says the browser offers no IndexedDB here (sandboxed
// frames, some private modes): the widget works on without the cache.
var errNoIndexedDB = errors.New("IndexedDB is not available")

// cache is the IndexedDB store. Its zero value is ready to use; it opens
// the database on first use. As the STYLE notes require, callers fetch
// first and open a transaction only afterwards: a transaction commits as
// soon as a JS task ends without a pending request, so nothing may be
// awaited inside one but its own requests.
type cache struct {
	mu   sync.Mutex
	db   *idb.Database
	err  error // sticky: IndexedDB is missing or refused
	name string
}

// open returns the database, opening (and creating) it on first use.
func (c *cache) open(ctx context.Context) (*idb.Database, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.db != nil || c.err != nil {
		return c.db, c.err
	}
	if !hasIndexedDB() {
		c.err = errNoIndexedDB
		return nil, c.err
	}
	name := c.name
	if name == "" {
		name = cacheDB
	}
	ctx, cancel := context.WithTimeout(ctx, cacheDeadline)
	defer cancel()
	req, err := idb.Global().Open(ctx, name, cacheFormat, func(db *idb.Database, oldVersion, newVersion uint) error {
		names, err := db.ObjectStoreNames()
		if err != nil {
			return err
		}
		for _, n := range names {
			if n == cacheStore {
				return nil
			}
		}
		_, err = db.CreateObjectStore(cacheStore, idb.ObjectStoreOptions{})
		return err
	})
	if err != nil {
		c.err = err
		return nil, err
	}
	db, err := req.Await(ctx)
	if err != nil {
		// Not sticky: a timeout may pass (another tab blocks the
		// upgrade), so the next widget tries again.
		return nil, err
	}
	c.db = db
	return db, nil
}

// hasIndexedDB reports whether window.indexedDB exists: idb.Global panics
// where it does not, and in some frames merely reading it throws.
func hasIndexedDB() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return js.Global().Get("indexedDB").Truthy() && js.Global().Get("IDBRequest").Truthy()
}

// get returns the entry for key. An entry of another format version, or
// one whose fields have the wrong types, is deleted and reported as
// missing: it is never shown.
func (c *cache) get(ctx context.Context, key string) (cacheEntry, bool, error) {
	db, err := c.open(ctx)
	if err != nil {
		return cacheEntry{}, false, err
	}
	ctx, cancel := context.WithTimeout(ctx, cacheDeadline)
	defer cancel()
	txn, err := db.Transaction(idb.TransactionReadOnly, cacheStore)
	if err != nil {
		return cacheEntry{}, false, err
	}
	store, err := txn.ObjectStore(cacheStore)
	if err != nil {
		return cacheEntry{}, false, err
	}
	req, err := store.Get(js.ValueOf(key))
	if err != nil {
		return cacheEntry{}, false, err
	}
	v, err := req.Await(ctx)
	if err != nil {
		return cacheEntry{}, false, err
	}
	if v.IsUndefined() || v.IsNull() {
		return cacheEntry{}, false, nil
	}
	e, ok := entryFromJS(v)
	if !ok {
		return cacheEntry{}, false, c.delete(ctx, key)
	}
	return e, true, nil
}

// entryFromJS reads a stored entry, or reports false when it is not one of
// this format version.
func entryFromJS(v js.Value) (cacheEntry, bool) {
	if v.Type() != js.TypeObject {
		return cacheEntry{}, false
	}
	f, body := v.Get("v"), v.Get("body")
	etag, lm, fetched := v.Get("etag"), v.Get("lastModified"), v.Get("fetched")
	if f.Type() != js.TypeNumber || f.Int() != cacheFormat || body.Type() != js.TypeString ||
		etag.Type() != js.TypeString || lm.Type() != js.TypeString || fetched.Type() != js.TypeNumber {
		return cacheEntry{}, false
	}
	return cacheEntry{
		Body:         []byte(body.String()),
		ETag:         etag.String(),
		LastModified: lm.String(),
		Fetched:      time.UnixMilli(int64(fetched.Float())),
	}, true
}

// put stores the entry for key, replacing any earlier one, and waits until
// the transaction has committed.
func (c *cache) put(ctx context.Context, key string, e cacheEntry) error {
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, cacheDeadline)
	defer cancel()
	value := js.ValueOf(map[string]any{
		"v":            cacheFormat,
		"body":         string(e.Body),
		"etag":         e.ETag,
		"lastModified": e.LastModified,
		"fetched":      float64(e.Fetched.UnixMilli()),
	})
	return c.write(ctx, db, func(s *idb.ObjectStore) error {
		_, err := s.PutKey(js.ValueOf(key), value)
		return err
	})
}

// delete removes the entry for key.
func (c *cache) delete(ctx context.Context, key string) error {
	db, err := c.open(ctx)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, cacheDeadline)
	defer cancel()
	return c.write(ctx, db, func(s *idb.ObjectStore) error {
		_, err := s.Delete(js.ValueOf(key))
		return err
	})
}

// write runs op in a read-write transaction and waits for it to commit.
func (c *cache) write(ctx context.Context, db *idb.Database, op func(*idb.ObjectStore) error) error {
	txn, err := db.Transaction(idb.TransactionReadWrite, cacheStore)
	if err != nil {
		return err
	}
	store, err := txn.ObjectStore(cacheStore)
	if err != nil {
		return err
	}
	if err := op(store); err != nil {
		_ = txn.Abort()
		return err
	}
	return txn.Await(ctx)
}
