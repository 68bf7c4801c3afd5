package schema

// REFERENCE.md, the reference documentation of the exchange format, is
// generated from the *.schema.json files so that it is never written twice.
// Run go generate ./schema after changing a schema file; a test fails while
// REFERENCE.md is stale.

//go:generate go run ./internal/schemadoc -out REFERENCE.md
