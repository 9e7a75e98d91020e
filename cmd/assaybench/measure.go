package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// sample is one measured child process.
type sample struct {
	wall   time.Duration
	cpu    time.Duration // user + system, from GNU time: on a machine others share, steadier than wall
	maxRSS int64         // bytes
}

// gnuTime is GNU time, which reports its child's peak RSS. The child's own
// rusage cannot be used here: Linux counts in it the RSS of the process
// that forked it (this one, which holds the generated photos), so a 10 MB
// assay --version would show as 190 MB.
const gnuTime = "/usr/bin/time"

// measure runs name with args twice: directly, for its wall time (fork to
// exit, as the shell sees it), and under GNU time for its peak resident
// memory. It returns the direct run's stdout.
func measure(name string, args ...string) (sample, []byte, error) {
	out, wall, err := run(name, args...)
	if err != nil {
		return sample{}, nil, err
	}
	s := sample{wall: wall, cpu: -1, maxRSS: -1}
	if _, err := os.Stat(gnuTime); err != nil {
		return s, out, nil
	}
	f, err := os.CreateTemp("", "assaybench-rss-*")
	if err != nil {
		return sample{}, nil, err
	}
	f.Close()
	defer os.Remove(f.Name())
	if _, _, err := run(gnuTime, append([]string{"-f", "%M %U %S", "-o", f.Name(), name}, args...)...); err != nil {
		return sample{}, nil, err
	}
	b, err := os.ReadFile(f.Name())
	if err != nil {
		return sample{}, nil, err
	}
	f3 := strings.Fields(string(b))
	if len(f3) < 3 {
		return sample{}, nil, fmt.Errorf("%s said %q", gnuTime, b)
	}
	f3 = f3[len(f3)-3:]
	kb, err1 := strconv.ParseInt(f3[0], 10, 64)
	user, err2 := strconv.ParseFloat(f3[1], 64)
	sys, err3 := strconv.ParseFloat(f3[2], 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return sample{}, nil, fmt.Errorf("%s said %q", gnuTime, b)
	}
	s.maxRSS = kb * 1024
	s.cpu = time.Duration((user + sys) * float64(time.Second))
	return s, out, nil
}

func run(name string, args ...string) ([]byte, time.Duration, error) {
	cmd := exec.Command(name, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return nil, 0, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, errOut.Bytes())
	}
	return out.Bytes(), wall, nil
}

// repeat measures runs runs and prints one line: min, median, max of the
// wall time and the largest peak RSS.
func repeat(label string, runs int, name string, args ...string) ([]sample, error) {
	var ss []sample
	for range runs {
		s, _, err := measure(name, args...)
		if err != nil {
			return nil, err
		}
		ss = append(ss, s)
	}
	printSamples(label, ss)
	return ss, nil
}

func printSamples(label string, ss []sample) {
	walls := make([]time.Duration, len(ss))
	cpus := make([]time.Duration, len(ss))
	var rss int64
	for i, s := range ss {
		walls[i], cpus[i] = s.wall, s.cpu
		rss = max(rss, s.maxRSS)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	mem := "peak RSS unknown (no " + gnuTime + ")"
	if rss >= 0 {
		// GNU time gives CPU in hundredths of a second.
		mem = fmt.Sprintf("cpu median %6s  peak RSS %6.1f MB", cpus[len(cpus)/2].Round(10*time.Millisecond), float64(rss)/(1<<20))
	}
	fmt.Printf("%-28s runs %3d  wall min %8s  median %8s  max %8s  %s\n", label, len(ss),
		round(walls[0]), round(walls[len(walls)/2]), round(walls[len(walls)-1]), mem)
}

func round(d time.Duration) time.Duration {
	if d > 10*time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(10 * time.Microsecond)
}
