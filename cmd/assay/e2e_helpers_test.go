package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// assayBin is the binary built once for the end-to-end tests.
var assayBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "assay-e2e-")
	if err != nil {
		panic(err)
	}
	assayBin = filepath.Join(dir, "assay")
	build := exec.Command("go", "build", "-o", assayBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		os.Stderr.WriteString("building assay for end-to-end tests failed: " + err.Error() + "\n")
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// requireTool skips when an external tool is missing on a developer machine,
// but fails in CI, where .ci/run installs it: a green CI must have run it.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is required in CI (install it in .ci/run)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

// result is what one run of the binary gave.
type result struct {
	stdout, stderr string
	code           int
}

// assay runs the built binary with a home and arguments, no terminal.
func assay(t *testing.T, home string, args ...string) result {
	t.Helper()
	cmd := exec.Command(assayBin, append([]string{"--home", home}, args...)...)
	// The report's language follows the locale: pin it, whatever the
	// machine running the tests uses.
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running assay %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// mustAssay runs the binary and fails the test unless it exits 0.
func mustAssay(t *testing.T, home string, args ...string) result {
	t.Helper()
	r := assay(t, home, args...)
	if r.code != 0 {
		t.Fatalf("assay %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// tool runs an external program and returns its combined output and exit code.
func tool(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	out, err := exec.Command(requireTool(t, name), args...).CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(out), ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out), 0
}
