package audit

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assay-dev/assay/standards"
)

// The tests in this package that need a second process re-run the test
// binary with ASSAY_STORE_CHILD set; TestStoreChildProcess then plays that
// process's part and the parent test watches it from outside.
const (
	childModeEnv = "ASSAY_STORE_CHILD"
	childHomeEnv = "ASSAY_STORE_CHILD_HOME"
	childIDEnv   = "ASSAY_STORE_CHILD_ID"
)

// child is a running helper process and the lines it prints.
type child struct {
	cmd   *exec.Cmd
	lines chan string
}

// startChild runs the test binary as a helper in the given mode.
func startChild(t *testing.T, mode, home, id string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestStoreChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childModeEnv+"="+mode, childHomeEnv+"="+home, childIDEnv+"="+id)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, lines: make(chan string, 4096)}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	return c
}

// waitLine returns the next line starting with prefix, failing after d.
func (c *child) waitLine(t *testing.T, prefix string, d time.Duration) string {
	t.Helper()
	timeout := time.After(d)
	for {
		select {
		case l, ok := <-c.lines:
			if !ok {
				t.Fatalf("helper process ended before printing %q", prefix)
			}
			if strings.HasPrefix(l, prefix) {
				return strings.TrimPrefix(l, prefix)
			}
		case <-timeout:
			t.Fatalf("helper process did not print %q within %v", prefix, d)
		}
	}
}

// kill ends the helper the way a crash or a power button would: SIGKILL.
func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	c.cmd.Wait()
}

// TestStoreChildProcess is the second process of the lock, crash and
// disk-full tests; run on its own it does nothing.
func TestStoreChildProcess(t *testing.T) {
	mode := os.Getenv(childModeEnv)
	if mode == "" {
		t.Skip("helper process for the lock, crash and disk-full tests")
	}
	home, id := os.Getenv(childHomeEnv), os.Getenv(childIDEnv)
	if mode == "diskfull" {
		// Ignore SIGXFSZ so writing past the limit fails with EFBIG, the
		// same error path as a full disk, instead of killing the process.
		signal.Ignore(syscall.SIGXFSZ)
		lim := syscall.Rlimit{Cur: 96 << 10, Max: 96 << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			fmt.Println("ERR setrlimit:", err)
			return
		}
	}
	s, err := OpenStore(home, standards.NewSet(standards.Builtin()...))
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	h, err := s.Open(id)
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	fmt.Println("open")
	switch mode {
	case "hold":
		time.Sleep(time.Minute)
	case "saveloop":
		a := h.Audit()
		n := crashCounter(t, a)
		for {
			n++
			setCrashVersion(a, n)
			if err := h.Save(a); err != nil {
				fmt.Println("ERR", err)
				return
			}
			fmt.Println("saved", n)
		}
	case "diskfull":
		a := h.Audit()
		a.Finding(stCatalog(t).Requirements[0].ID).Notes = strings.Repeat("Relave sin impermeabilizar. ", 300<<10/28)
		if err := h.Save(a); err != nil {
			fmt.Println("SAVEERR", err)
			return
		}
		fmt.Println("SAVED")
	}
}

func TestSecondProcessIsRefusedUntilTheFirstDies(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()

	c := startChild(t, "hold", s.Home(), a.ID)
	defer c.kill()
	c.waitLine(t, "open", 20*time.Second)

	_, err = s.Open(a.ID)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: got %v, want ErrLocked", err)
	}
	want := fmt.Sprintf("audit %s is open in another assay process (pid %d); close it there first", a.ID, c.cmd.Process.Pid)
	if err.Error() != want {
		t.Errorf("message:\n got %s\nwant %s", err, want)
	}
	// Reading stays possible while another process edits.
	if _, err := s.Load(a.ID); err != nil {
		t.Errorf("Load while locked: %v", err)
	}

	c.kill()
	h2, err := s.Open(a.ID)
	if err != nil {
		t.Fatalf("after the holder was killed: %v", err)
	}
	h2.Close()
}

func TestSameProcessSecondOpenRefused(t *testing.T) {
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(a.ID); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open in one process: %v", err)
	}
	h.Close()
	if err := h.Save(a); err == nil {
		t.Error("a closed handle saved")
	}
	h2, err := s.Open(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	h2.Close()
}
