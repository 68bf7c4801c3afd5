//go:build !race

package schema_test

// raceEnabled is set when the race detector runs, which makes decoding
// files of megabytes slow: the tests that do use smaller ones then.
const raceEnabled = false
