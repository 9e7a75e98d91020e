package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assay-dev/assay/audit"
)

// runExport: a signed export of the demo audit with --photos photos;
// with --against, a second binary on the same audit, run for run.
func runExport(args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	var o opts
	o.register(fs, 3)
	photos := fs.Int("photos", 22, "photos in the audit, the demo's two included")
	against := fs.String("against", "", "a second assay binary (say, built from main) measured on the same audit, run for run")
	reuse := fs.String("home", "", "a bench home kept with --keep, instead of building a new audit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, cleanup, err := o.workdir()
	if err != nil {
		return err
	}
	defer cleanup()
	bin, err := o.assay(dir)
	if err != nil {
		return err
	}
	bins := []string{bin}
	if *against != "" {
		other, err := filepath.Abs(*against)
		if err != nil {
			return err
		}
		bins = append(bins, other)
	}
	home, id := filepath.Join(dir, "home"), ""
	if *reuse != "" {
		if home, id, err = benchHome(*reuse); err != nil {
			return err
		}
		fmt.Printf("audit %s from %s\n", id, home)
	} else {
		t := time.Now()
		if id, err = demoWithPhotos(home, *photos); err != nil {
			return err
		}
		if err := finalizeWithKey(home, id); err != nil {
			return err
		}
		fmt.Printf("audit %s with %d photos of 2000x1500, finalized (built in %s)\n", id, *photos, time.Since(t).Round(time.Second))
	}
	exports := filepath.Join(home, "audits", id, "exports")
	ss := make([][]sample, len(bins))
	var size int64
	for r := range o.runs {
		for i, b := range bins {
			out := filepath.Join(dir, fmt.Sprintf("report-%d-%d.pdf", i, r))
			s, _, err := measure(b, "--home", home, "export", id, "-o", out, "--force")
			if err != nil {
				return err
			}
			ss[i] = append(ss[i], s)
			if st, err := os.Stat(out); err == nil {
				size = st.Size()
			}
			// Every binary meets the same exports folder (and writes the
			// same file name) on every run.
			os.Remove(out)
			olds, _ := filepath.Glob(filepath.Join(exports, "*.pdf"))
			for _, p := range olds {
				os.Remove(p)
			}
		}
	}
	for i, b := range bins {
		label := fmt.Sprintf("export --photos %d", *photos)
		if *reuse != "" {
			label = "export"
		}
		if len(bins) > 1 {
			label += " " + filepath.Base(b)
		}
		printSamples(label, ss[i])
	}
	fmt.Printf("signed PDF: %.1f MB\n", float64(size)/(1<<20))
	return nil
}

// benchHome finds the home and the audit of a kept bench folder (or of a
// home itself).
func benchHome(path string) (home, id string, err error) {
	for _, h := range []string{filepath.Join(path, "home"), path} {
		entries, err := os.ReadDir(filepath.Join(h, "audits"))
		if err == nil && len(entries) == 1 {
			return h, entries[0].Name(), nil
		}
	}
	return "", "", fmt.Errorf("%s: not a bench home with one audit (keep one with export --keep)", path)
}

// runAttach: what attaching a 12 MP phone photo costs, as separate
// processes so each figure is that step's own peak memory.
func runAttach(args []string) error {
	fs := flag.NewFlagSet("attach", flag.ContinueOnError)
	var o opts
	o.register(fs, 5)
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, cleanup, err := o.workdir()
	if err != nil {
		return err
	}
	defer cleanup()
	home := filepath.Join(dir, "home")
	s, cat, err := openStore(home)
	if err != nil {
		return err
	}
	id, err := audit.CreateDemo(s, cat, time.Now())
	if err != nil {
		return err
	}
	data, err := photoJPEG(photo(4000, 3000, 12), 6)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, "IMG_20261118_094217.jpg")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("photo: 4000x3000 JPEG, %.1f MB, EXIF orientation 6\n", float64(len(data))/(1<<20))
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, step := range attachSteps {
		var ss []sample
		var inproc []string
		for range o.runs {
			smp, out, err := measure(self, "attach-step", "--home", home, "--id", id, "--file", file, "--step", step)
			if err != nil {
				return err
			}
			ss = append(ss, smp)
			inproc = append(inproc, strings.TrimSpace(string(out)))
		}
		printSamples("attach: "+step, ss)
		fmt.Printf("  in-process %s: %s\n", step, strings.Join(inproc, " "))
	}
	return nil
}

// attachSteps are the parts of an attach, each measured in its own process:
// what the inspector waits for, then the report-ready image made in the
// background.
var attachSteps = []string{"store", "derive"}

// runAttachStep is the child process of runAttach: open the store, then
// time one step.
func runAttachStep(args []string) error {
	fs := flag.NewFlagSet("attach-step", flag.ContinueOnError)
	home := fs.String("home", "", "")
	id := fs.String("id", "", "")
	file := fs.String("file", "", "")
	step := fs.String("step", "", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, _, err := openStore(*home)
	if err != nil {
		return err
	}
	h, err := s.Open(*id)
	if err != nil {
		return err
	}
	defer h.Close()
	var took time.Duration
	switch *step {
	case "store":
		t := time.Now()
		if _, err := h.StoreEvidence(*file); err != nil {
			return err
		}
		took = time.Since(t)
		// The next run must copy it in again, as a new photo would be.
		os.RemoveAll(filepath.Join(*home, "audits", *id, "evidence"))
	case "derive":
		ev, err := h.StoreEvidence(*file)
		if err != nil {
			return err
		}
		t := time.Now()
		name, err := h.DeriveEvidence(*ev)
		if err != nil {
			return err
		}
		took = time.Since(t)
		os.RemoveAll(filepath.Join(*home, "audits", *id, "evidence", name))
	default:
		return fmt.Errorf("unknown step %q", *step)
	}
	fmt.Println(took.Round(time.Millisecond))
	return nil
}

// runStartup: assay --version, and a warm assay list of --audits audits.
func runStartup(args []string) error {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	var o opts
	o.register(fs, 20)
	n := fs.Int("audits", 200, "audits in the home")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, cleanup, err := o.workdir()
	if err != nil {
		return err
	}
	defer cleanup()
	bin, err := o.assay(dir)
	if err != nil {
		return err
	}
	home := filepath.Join(dir, "home")
	if err := manyAudits(home, *n); err != nil {
		return err
	}
	if _, err := repeat("assay --version", o.runs, bin, "--version"); err != nil {
		return err
	}
	// Warm: the first list writes the summary caches and fills the page cache.
	if _, _, err := measure(bin, "--home", home, "list"); err != nil {
		return err
	}
	_, err = repeat(fmt.Sprintf("assay list (%d audits)", *n), o.runs, bin, "--home", home, "list")
	return err
}
