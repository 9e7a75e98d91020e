// Command assaybench measures assay as the inspector meets it: whole
// processes, wall time and peak memory (the child's rusage), on audits
// built like real ones. It is a developer tool, not shipped.
//
//	go run ./cmd/assaybench export --photos 22    # demo audit + photos, signed export
//	go run ./cmd/assaybench export --photos 200 --against ./assay-main --keep
//	                                              # and another build, run for run
//	go run ./cmd/assaybench attach                # store and derive a 12 MP photo
//	go run ./cmd/assaybench startup --audits 200  # assay --version and a warm list
//
// Every sub-command builds its own temp home and removes it (--keep keeps
// it). assay itself is built from this checkout unless --bin names one.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "export":
		err = runExport(os.Args[2:])
	case "attach":
		err = runAttach(os.Args[2:])
	case "attach-step":
		err = runAttachStep(os.Args[2:])
	case "startup":
		err = runStartup(os.Args[2:])
	case "-h", "--help", "help":
		usage()
		return
	default:
		usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "assaybench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `usage: assaybench export [--photos N | --home KEPT] [--runs R] [--bin ASSAY] [--against ASSAY] [--keep]
       assaybench attach [--runs R] [--keep]
       assaybench startup [--audits N] [--runs R] [--bin ASSAY] [--keep]
`)
}

// common flags of every sub-command.
type opts struct {
	bin  string
	runs int
	keep bool
}

func (o *opts) register(fs *flag.FlagSet, runs int) {
	fs.StringVar(&o.bin, "bin", "", "assay binary to measure (default: build ./cmd/assay)")
	fs.IntVar(&o.runs, "runs", runs, "measured runs")
	fs.BoolVar(&o.keep, "keep", false, "keep the temp home and print its path")
}

// workdir makes the temp folder that holds the home and the binary.
func (o *opts) workdir() (string, func(), error) {
	dir, err := os.MkdirTemp("", "assaybench-*")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() {
		if o.keep {
			fmt.Println("kept:", dir)
			return
		}
		os.RemoveAll(dir)
	}
	return dir, cleanup, nil
}

// assay returns the binary to measure, building it into dir when --bin is
// not given.
func (o *opts) assay(dir string) (string, error) {
	if o.bin != "" {
		return filepath.Abs(o.bin)
	}
	out := filepath.Join(dir, "assay")
	cmd := exec.Command("go", "build", "-o", out, "github.com/assay-dev/assay/cmd/assay")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", errors.New("go build ./cmd/assay failed (run assaybench from the repository, or give --bin)")
	}
	return out, nil
}
