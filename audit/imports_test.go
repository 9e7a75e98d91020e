package audit

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoUIImports keeps package audit usable without a terminal: the CLI
// and the report build on it, so it must not pull in Bubble Tea, bubbles or
// lipgloss, directly or through a dependency.
func TestNoUIImports(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	out, err := exec.Command(goBin, "list", "-e", "-deps", "-f", "{{.ImportPath}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 2 {
		t.Fatalf("go list -deps gave %q, too few to trust", deps)
	}
	for _, dep := range deps {
		for _, ui := range []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "github.com/charmbracelet/lipgloss"} {
			if dep == ui || strings.HasPrefix(dep, ui+"/") {
				t.Errorf("package audit depends on %s", dep)
			}
		}
	}
}
