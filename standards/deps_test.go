package standards

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoUIImports checks that the catalogs stay usable without a terminal:
// nothing in this package's dependencies is a Bubble Tea package.
func TestNoUIImports(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list gave %d packages, expected the standard library at least", len(deps))
	}
	for _, d := range deps {
		for _, ui := range []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/bubbles", "github.com/charmbracelet/lipgloss"} {
			if strings.HasPrefix(d, ui) {
				t.Errorf("standards depends on %s", d)
			}
		}
	}
}
