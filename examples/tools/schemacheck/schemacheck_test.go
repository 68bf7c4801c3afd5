package schemacheck

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/medborgarlofte/medborgarlofte/examples/synthetic"
	"github.com/medborgarlofte/medborgarlofte/examples/tools/internal/widgetbuild"
	"github.com/medborgarlofte/medborgarlofte/schema"
)

// TestAjvAgrees validates every file with ajv and with schema.Decode and
// fails on every file where their verdicts differ.
func TestAjvAgrees(t *testing.T) {
	root, err := widgetbuild.FindRoot(".")
	must(t, err)
	nodeDir := filepath.Join(root, "examples", "tools", "node")
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(nodeDir, "node_modules", "ajv", "package.json"))
	}
	if err != nil {
		if os.Getenv("MEDBORGARLOFTE_REQUIRE_AJV") != "" {
			t.Fatalf("node or ajv missing (%v): run make ajv", err)
		}
		t.Skipf("node or ajv missing (%v): make schemacheck installs ajv and runs this test", err)
	}

	var files []string
	for _, pattern := range []string{"examples/data/*.json", "examples/data/bundles/*.json", "schema/testdata/bad/*.json"} {
		names, err := filepath.Glob(filepath.Join(root, pattern))
		must(t, err)
		if len(names) == 0 {
			t.Fatalf("no files %s", pattern)
		}
		files = append(files, names...)
	}
	dir := t.TempDir()
	for _, b := range synthetic.Generate(synthetic.Options{Seed: 1}) {
		data, err := json.MarshalIndent(b, "", "  ")
		must(t, err)
		name := filepath.Join(dir, synthetic.BundleName(b))
		must(t, os.WriteFile(name, data, 0o644))
		files = append(files, name)
	}

	// Node validates while Go does.
	wait := ajvVerdicts(t, node, nodeDir, filepath.Join(root, "schema"), files)
	ours := make([]schema.Problems, len(files))
	for i, name := range files {
		data, err := os.ReadFile(name)
		must(t, err)
		_, ours[i] = schema.Decode(data, schema.Options{})
	}
	theirs := wait()
	disagree := 0
	for i, name := range files {
		problems := ours[i]
		ours := !structurallyInvalid(problems)
		v, ok := theirs[name]
		if !ok {
			t.Fatalf("ajv gave no verdict on %s", name)
		}
		if ours != v.Valid {
			disagree++
			t.Errorf("%s: schema.Decode says valid=%v, ajv says valid=%v\n  ours: %s\n  ajv: %s",
				rel(root, name), ours, v.Valid, first(problems), strings.Join(v.Errors, "; "))
		}
	}
	t.Logf("%d files, %d verdicts differ", len(files), disagree)
}

type verdict struct {
	File   string   `json:"file"`
	Valid  bool     `json:"valid"`
	Errors []string `json:"errors"`
}

// ajvVerdicts starts verdicts.cjs on files and returns a function that
// waits for its verdicts.
func ajvVerdicts(t *testing.T, node, nodeDir, schemaDir string, files []string) (wait func() map[string]verdict) {
	cmd := exec.Command(node, "verdicts.cjs", nodeDir, schemaDir)
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n") + "\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	must(t, cmd.Start())
	return func() map[string]verdict {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("node verdicts.cjs: %v: %s", err, stderr.String())
		}
		return parseVerdicts(t, stdout.Bytes(), len(files))
	}
}

func parseVerdicts(t *testing.T, out []byte, files int) map[string]verdict {
	verdicts := map[string]verdict{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		verdicts[v.File] = v
	}
	must(t, sc.Err())
	if len(verdicts) != files {
		t.Fatalf("ajv gave %d verdicts on %d files", len(verdicts), files)
	}
	return verdicts
}

// structurallyInvalid reports whether problems hold one that the JSON
// Schema alone finds: any but the model's invariants.
func structurallyInvalid(ps schema.Problems) bool {
	return slices.ContainsFunc(ps, func(p schema.Problem) bool {
		switch p.Code {
		case schema.CodeStructure, schema.CodeSchemaMissing, schema.CodeSchemaUnknown, schema.CodeSchemaVersion,
			schema.CodeNotObject, schema.CodeSyntax, schema.CodeEmpty, schema.CodeTrailingData:
			return true
		}
		return false
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func first(ps schema.Problems) string {
	if len(ps) == 0 {
		return "no problem"
	}
	return fmt.Sprintf("%s (and %d more)", ps[0].Error(), len(ps)-1)
}

func rel(root, name string) string {
	if r, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return name
}
