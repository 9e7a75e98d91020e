package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The inspector's worst cases, run against the built binary in a real
// terminal: typing a note without a pause when the battery dies (kill -9),
// the laptop shuts down (SIGTERM), the terminal window is closed (SIGHUP),
// the disk fills up. Figures are logged; run with -v to see them.

// noteMark starts the typed text, so it can be found in audit.json.
const noteMark = "«"

// typist types into a tmux pane one character every interval, without a
// pause, and remembers when each one was handed to the terminal.
type typist struct {
	tm       *term
	interval time.Duration
	mu       sync.Mutex
	sent     []rune
	at       []time.Time
	stop     chan struct{}
	done     chan struct{}
}

// typedRune is the i-th typed character: the alphabet over and over, so
// that what reached disk can be checked to be a prefix of what was sent.
func typedRune(i int) rune { return rune('a' + i%26) }

func startTypist(tm *term, interval time.Duration) *typist {
	ty := &typist{tm: tm, interval: interval, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(ty.done)
		next := time.Now()
		for i := 0; ; i++ {
			select {
			case <-ty.stop:
				return
			default:
			}
			r := typedRune(i)
			if err := exec.Command("tmux", "send-keys", "-t", tm.name, "-l", string(r)).Run(); err != nil {
				return // the pane is gone
			}
			ty.mu.Lock()
			ty.sent = append(ty.sent, r)
			ty.at = append(ty.at, time.Now())
			ty.mu.Unlock()
			next = next.Add(interval)
			time.Sleep(time.Until(next))
		}
	}()
	return ty
}

// halt stops typing and returns what was sent and when.
func (ty *typist) halt() ([]rune, []time.Time) {
	close(ty.stop)
	<-ty.done
	ty.mu.Lock()
	defer ty.mu.Unlock()
	return ty.sent, ty.at
}

// startTermStatus is startTerm with assay run by a shell that writes its
// exit status to home/.exit-status: tmux's own record of a dead pane's
// status can lag far behind on a loaded machine.
func startTermStatus(t *testing.T, home string, w, h int) *term {
	t.Helper()
	requireTool(t, "tmux")
	name := fmt.Sprintf("assay-e2e-%d", time.Now().UnixNano())
	script := fmt.Sprintf("env NO_COLOR=1 TERM=xterm-256color %s --home %s; echo $? > %s", assayBin, home,
		filepath.Join(home, ".exit-status"))
	args := []string{"new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", script}
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	exec.Command("tmux", "set-option", "-t", name, "remain-on-exit", "on").Run()
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return &term{t: t, name: name}
}

// exitStatus waits for the status startTermStatus's shell wrote.
func exitStatus(t *testing.T, home string) int {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(filepath.Join(home, ".exit-status"))
		if n, aerr := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && aerr == nil {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("no exit status was recorded")
	return -1
}

// openDemoNote starts assay on a home with the demo audit, opens it and
// puts the cursor at the end of the first requirement's notes, with the
// mark typed.
func openDemoNote(t *testing.T, home string) *term {
	t.Helper()
	mustAssay(t, home, "demo")
	tm := startTermStatus(t, home, 80, 24)
	tm.waitFor("audits", "Cooperativa")
	tm.keys("Enter")
	tm.waitFor("walk", "Finding")
	tm.keys("Enter")
	tm.waitFor("esc done")
	tm.text(noteMark)
	return tm
}

// typedOnDisk returns the characters typed after the mark that audit.json
// holds, or fails.
func typedOnDisk(t *testing.T, home string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(home, "audits", "*", "audit.json"))
	if len(files) != 1 {
		t.Fatalf("want one audit, found %v", files)
	}
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Findings map[string]struct{ Notes string }
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatalf("audit.json does not load: %v", err)
	}
	for _, f := range a.Findings {
		if _, after, ok := strings.Cut(f.Notes, noteMark); ok {
			return after
		}
	}
	return ""
}

// lostTyping says how much of what was sent is not in saved: the count of
// characters and the time since the first of them was typed (0 when
// nothing is missing). saved must be a prefix of sent.
func lostTyping(t *testing.T, sent []rune, at []time.Time, saved string, end time.Time) (int, time.Duration) {
	t.Helper()
	s := []rune(saved)
	if len(s) > len(sent) || string(sent[:len(s)]) != saved {
		t.Fatalf("audit.json holds %q, not a prefix of what was typed (%d characters)", saved, len(sent))
	}
	if len(s) == len(sent) {
		return 0, 0
	}
	return len(sent) - len(s), end.Sub(at[len(s)])
}

// processGone waits until pid has exited (or fails after a generous
// wait). An exited process its parent has not reaped yet is a zombie:
// gone too.
func processGone(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return
		}
		// pid (comm) STATE ...: the state follows the last ')'.
		if i := strings.LastIndexByte(string(stat), ')'); i > 0 && strings.HasPrefix(string(stat[i+1:]), " Z") {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("assay (pid %d) did not exit", pid)
}

// assayPID is the pid of the assay process in the pane: the pane's own
// process, or its child when a shell runs it.
func assayPID(t *testing.T, tm *term) int {
	t.Helper()
	isAssay := func(pid int) bool {
		comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
		return strings.HasPrefix(strings.TrimSpace(string(comm)), "assay")
	}
	pane := tm.pid()
	if isAssay(pane) {
		return pane
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		procs, _ := filepath.Glob("/proc/[0-9]*/stat")
		for _, p := range procs {
			stat, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			// pid (comm) state ppid ...
			i := strings.LastIndexByte(string(stat), ')')
			f := strings.Fields(string(stat[i+1:]))
			if len(f) > 1 && f[1] == strconv.Itoa(pane) {
				pid, _ := strconv.Atoi(strings.Fields(string(stat))[0])
				if isAssay(pid) {
					return pid
				}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no assay process under pane process %d", pane)
	return 0
}

// Typing without a pause (a key every 100 ms), then kill -9 at a random
// moment, ten times over in parallel terminals: what reached disk is
// always what was typed up to at most 1.5 s before the kill.
func TestTmuxKill9WhileTypingLosesAtMostASecond(t *testing.T) {
	requireTool(t, "tmux")
	const runs = 10
	type figure struct {
		chars int
		lost  time.Duration
		typed int
	}
	figs := make([]figure, runs)
	t.Run("runs", func(t *testing.T) {
		for i := range runs {
			t.Run(strconv.Itoa(i), func(t *testing.T) {
				t.Parallel()
				home := t.TempDir()
				tm := openDemoNote(t, home)
				pid := assayPID(t, tm)
				ty := startTypist(tm, 100*time.Millisecond)
				time.Sleep(4*time.Second + time.Duration(rand.IntN(3000))*time.Millisecond)
				if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
				killed := time.Now()
				sent, at := ty.halt()
				processGone(t, pid)
				n, lost := lostTyping(t, sent, at, typedOnDisk(t, home), killed)
				figs[i] = figure{n, lost, len(sent)}
				if lost > 1500*time.Millisecond {
					t.Errorf("kill -9 lost %d characters, %v of typing (of %d typed)", n, lost.Round(time.Millisecond), len(sent))
				}
			})
		}
	})
	var worst time.Duration
	for i, f := range figs {
		t.Logf("kill %d: %d typed, %d lost = %v of typing", i, f.typed, f.chars, f.lost.Round(time.Millisecond))
		worst = max(worst, f.lost)
	}
	t.Logf("worst loss over %d kills: %v", runs, worst.Round(time.Millisecond))
}

// SIGTERM, SIGHUP and SIGINT while typing without a pause, and closing the
// tmux window: nothing typed is lost, and the exit status is the shell's
// convention for the signal (143, 129, 130).
func TestTmuxSignalsWhileTypingLoseNothing(t *testing.T) {
	requireTool(t, "tmux")
	for _, c := range []struct {
		name   string
		sig    syscall.Signal
		status int
	}{{"SIGTERM", syscall.SIGTERM, 143}, {"SIGHUP", syscall.SIGHUP, 129}, {"SIGINT", syscall.SIGINT, 130}, {"kill-window", 0, -1}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			home := t.TempDir()
			tm := openDemoNote(t, home)
			pid := assayPID(t, tm)
			ty := startTypist(tm, 100*time.Millisecond)
			time.Sleep(2*time.Second + time.Duration(rand.IntN(1000))*time.Millisecond)
			sent, _ := ty.halt() // and at once, no pause:
			start := time.Now()
			if c.sig != 0 {
				if err := syscall.Kill(pid, c.sig); err != nil {
					t.Fatal(err)
				}
			} else if out, err := exec.Command("tmux", "kill-window", "-t", tm.name).CombinedOutput(); err != nil {
				t.Fatalf("tmux kill-window: %v: %s", err, out)
			}
			processGone(t, pid)
			took := time.Since(start)
			if c.status > 0 {
				if got := exitStatus(t, home); got != c.status {
					t.Errorf("exit status %d, want %d", got, c.status)
				}
			}
			saved := typedOnDisk(t, home)
			if saved != string(sent) {
				t.Errorf("typed %d characters, %d on disk (%q)", len(sent), len([]rune(saved)), saved)
			}
			t.Logf("%s: %d characters typed, %d saved, exited %v after the signal", c.name, len(sent), len([]rune(saved)), took.Round(time.Millisecond))
		})
	}
}

// markedOnDisk is the run of typed letters after noteMark anywhere in the
// home's audit.json files ("" when there is none).
func markedOnDisk(t *testing.T, home string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(home, "audits", "*", "audit.json"))
	best := ""
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range strings.Split(string(raw), noteMark)[1:] {
			n := strings.IndexFunc(part, func(r rune) bool { return r < 'a' || r > 'z' })
			if n < 0 {
				n = len(part)
			}
			if n > len(best) {
				best = part[:n]
			}
		}
	}
	return best
}

// kill -9 while typing without a pause into fields other than a note: an
// evidence caption (saved only on enter before), and the new-audit form
// (not an audit yet: the next start makes the draft that ctrl+c would).
func TestTmuxKill9InACaptionAndTheNewAuditForm(t *testing.T) {
	requireTool(t, "tmux")
	for _, field := range []string{"caption", "new audit"} {
		t.Run(field, func(t *testing.T) {
			t.Parallel()
			home := t.TempDir()
			id := strings.TrimSpace(mustAssay(t, home, "demo").stdout)
			if field == "caption" {
				f := filepath.Join(t.TempDir(), "acta.txt")
				os.WriteFile(f, []byte("acta de la reunión"), 0o644)
				mustAssay(t, home, "evidence", "add", id, f, "--req", "0.2.6")
			}
			tm := startTermStatus(t, home, 80, 24)
			tm.waitFor("audits", "Cooperativa")
			if field == "caption" {
				tm.keys("Enter")
				tm.waitFor("walk", "Finding")
				tm.text("v")
				tm.text("C")
				tm.waitFor("enter accept")
			} else {
				tm.text("n")
				tm.waitFor("New audit")
			}
			tm.text(noteMark)
			pid := assayPID(t, tm)
			ty := startTypist(tm, 100*time.Millisecond)
			time.Sleep(3*time.Second + time.Duration(rand.IntN(2000))*time.Millisecond)
			if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed := time.Now()
			sent, at := ty.halt()
			processGone(t, pid)
			if field == "new audit" {
				tm2 := startTermStatus(t, home, 80, 24)
				tm2.waitFor("kept as a draft")
			}
			n, lost := lostTyping(t, sent, at, markedOnDisk(t, home), killed)
			if lost > 1500*time.Millisecond {
				t.Errorf("kill -9 lost %d characters, %v of typing (of %d typed)", n, lost.Round(time.Millisecond), len(sent))
			}
			t.Logf("%s: %d typed, %d lost = %v of typing", field, len(sent), n, lost.Round(time.Millisecond))
		})
	}
}
