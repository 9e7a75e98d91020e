package main

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// term is one tmux session running the built binary in a real terminal.
type term struct {
	t    *testing.T
	name string
}

// startTerm runs assay with the given home in a detached tmux session of the
// given size. The session is killed when the test ends.
func startTerm(t *testing.T, home string, w, h int, extraEnv ...string) *term {
	t.Helper()
	requireTool(t, "tmux")
	name := fmt.Sprintf("assay-e2e-%d", time.Now().UnixNano())
	// The locale is pinned (the report's language follows it); extraEnv
	// may set another, e.g. LANG=es_CO.UTF-8.
	env := append([]string{"NO_COLOR=1", "TERM=xterm-256color", "LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"}, extraEnv...)
	cmdline := "env " + strings.Join(env, " ") + " " + assayBin + " --home " + home
	args := []string{"new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline}
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	tm := &term{t: t, name: name}
	// Keep the pane after the program exits so its last screen can be read.
	exec.Command("tmux", "set-option", "-t", name, "remain-on-exit", "on").Run()
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return tm
}

// keys sends tmux key names (e.g. "Enter", "Down", "C-s") or literal text
// when literal is true.
func (tm *term) keys(keys ...string) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", append([]string{"send-keys", "-t", tm.name}, keys...)...).CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux send-keys %v: %v: %s", keys, err, out)
	}
	time.Sleep(60 * time.Millisecond)
}

// text types literal text (no key-name interpretation).
func (tm *term) text(s string) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "send-keys", "-t", tm.name, "-l", s).CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux send-keys -l: %v: %s", err, out)
	}
	time.Sleep(60 * time.Millisecond)
}

// screen returns the visible pane as text.
func (tm *term) screen() string {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", tm.name).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux capture-pane: %v: %s", err, out)
	}
	return string(out)
}

// waitFor waits until the screen contains every string, or fails with the
// last screen shown.
func (tm *term) waitFor(want ...string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		s = tm.screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(s, w) {
				ok = false
				break
			}
		}
		if ok {
			return s
		}
		time.Sleep(100 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %q; last screen:\n%s", want, s)
	return s
}

// pid returns the process id of the program in the pane.
func (tm *term) pid() int {
	out, err := exec.Command("tmux", "display-message", "-p", "-t", tm.name, "#{pane_pid}").Output()
	if err != nil {
		tm.t.Fatalf("tmux display-message: %v", err)
	}
	var pid int
	fmt.Sscan(strings.TrimSpace(string(out)), &pid)
	return pid
}

// resize changes the terminal size, as a person dragging the window would.
func (tm *term) resize(w, h int) {
	tm.t.Helper()
	if out, err := exec.Command("tmux", "resize-window", "-t", tm.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)).CombinedOutput(); err != nil {
		tm.t.Fatalf("tmux resize-window: %v: %s", err, out)
	}
	time.Sleep(200 * time.Millisecond)
}
