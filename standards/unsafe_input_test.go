package standards

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Catalog text is printed on terminals (standards list/show, the TUI) and
// in reports: an escape sequence in it (a window-title OSC, a screen clear,
// a C1 CSI) is refused with the file and line, like any other mistake.
// Multi-line text with tabs and CRLF line ends stays valid.
func TestQAControlCharactersRefusedWithLine(t *testing.T) {
	src := `id = "t-1"
version = "1"
name = "\u001b]0;pwned\u0007Test"

[[requirement]]
id = "A"
area = "social"
title = "T\u009b2J"
text = "ok"
guidance = ["fine", "bad \u001b[31m"]
level = "entry"
`
	ps := problemsOf(t, "esc.toml", []byte(src))
	var got []string
	for _, p := range ps {
		got = append(got, p.Error())
	}
	want := []string{
		"esc.toml:3: control-char key=name char=U+001B",
		"esc.toml:8: requirement A: control-char key=title char=U+009B",
		"esc.toml:10: requirement A: control-char key=guidance item=2 char=U+001B",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i+1, got[i], want[i])
		}
	}

	ok := strings.ReplaceAll(goodCatalog, "Multi-line text", "Multi-line\ttext")
	ok = strings.ReplaceAll(ok, "\n", "\r\n")
	if _, err := Parse("ok.toml", []byte(ok)); err != nil {
		t.Fatalf("tabs and CRLF refused: %v", err)
	}
}

// A .toml in the home's standards folder that is a symlink to a device
// (or a pipe) used to hang every command on an endless read; it is skipped
// with a warning naming it. An oversized file is refused, not read whole.
func TestQALoadSkipsDevicesAndHugeFiles(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "standards")
	os.MkdirAll(dir, 0o755)
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")); err != nil {
		t.Skip("no symlinks:", err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, []byte("# "+strings.Repeat("x", maxCatalogBytes)+"\n"), 0o644)

	done := make(chan []error, 1)
	go func() { _, errs := Load(home); done <- errs }()
	var errs []error
	select {
	case errs = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Load did not return: it is reading /dev/zero")
	}
	found := map[string]Problem{}
	for _, e := range errs {
		if p, ok := e.(Problem); ok && p.Kind != KindSkipped {
			found[filepath.Base(p.File)] = p
		}
	}
	if p := found["zero.toml"]; p.Kind != KindNotRegular {
		t.Errorf("zero.toml: got %+v, want a %s problem (all: %v)", p, KindNotRegular, errs)
	}
	if p := found["big.toml"]; p.Kind != KindTooBig || p.Number != maxCatalogBytes>>20 {
		t.Errorf("big.toml: got %+v, want a %s problem with the limit in MB (all: %v)", p, KindTooBig, errs)
	}
}
