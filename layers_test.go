// Package assay_test checks the shape of the whole module: which package
// may import which.
package assay_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// module is the import path prefix of this module's packages.
const module = "github.com/assay-dev/assay/"

// uiModules are the terminal UI libraries only tui and cmd may use.
var uiModules = []string{
	"github.com/charmbracelet/bubbletea",
	"github.com/charmbracelet/bubbles",
	"github.com/charmbracelet/lipgloss",
}

// layers are the top-level packages from the bottom up: a package may
// import its own layer and those below it, never one above.
var layers = []string{"standards", "audit", "report", "tui", "cmd"}

func layerOf(pkg string) int {
	rest := strings.TrimPrefix(pkg, module)
	top, _, _ := strings.Cut(rest, "/")
	for i, l := range layers {
		if l == top {
			return i
		}
	}
	return -1
}

// TestImportsPointDown covers every UI-free package (standards, audit,
// report and all their sub-packages, whatever is added later): none may
// depend on Bubble Tea, bubbles or lipgloss, directly or through another
// package, and none may import a layer above its own
// (cmd -> tui -> report -> audit -> standards).
func TestImportsPointDown(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	touchSources(t)
	out, err := exec.Command(goBin, "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`,
		"./standards/...", "./audit/...", "./report/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	seen := map[string]bool{}
	for _, line := range lines {
		f := strings.Fields(line)
		pkg, deps := f[0], f[1:]
		seen[strings.TrimPrefix(pkg, module)] = true
		own := layerOf(pkg)
		for _, d := range deps {
			for _, ui := range uiModules {
				if d == ui || strings.HasPrefix(d, ui+"/") {
					t.Errorf("%s depends on %s: only tui and cmd may", pkg, d)
				}
			}
			if strings.HasPrefix(d, module) && layerOf(d) > own {
				t.Errorf("%s depends on %s, a layer above it", pkg, d)
			}
		}
	}
	// The test must have seen the packages it is about.
	for _, want := range []string{"standards", "standards/safefile", "audit", "report", "report/identity", "report/pdfsign"} {
		if !seen[want] {
			t.Errorf("go list did not list %s (saw %v)", want, seen)
		}
	}
}

// touchSources reads every Go file of the module. go list reads them in a
// child process, which go test's result cache does not see; reading them
// here makes a changed import run the test again instead of passing from
// the cache.
func touchSources(t *testing.T) {
	t.Helper()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") {
			_, err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
