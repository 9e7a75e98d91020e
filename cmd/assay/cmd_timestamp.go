package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/pdfsign"
)

// Words of the timestamp command, kept together for translation.
const (
	tsSummary   = "add a trusted time (RFC 3161 document time-stamp) to a signed report, once online"
	tsUsage     = "timestamp REPORT.pdf --tsa URL [-o FILE] [--force]"
	tsFlagTSA   = "the RFC 3161 time-stamping authority's `URL` (required)"
	tsFlagOut   = "write the time-stamped report to `FILE` instead of updating REPORT.pdf in place"
	tsFlagForce = "let -o replace an existing file"
	tsNoFile    = "timestamp: missing REPORT.pdf"
	tsNoTSA     = "timestamp: --tsa URL is required (your certification body names the time-stamping authority to use)"
	tsTooMany   = "timestamp: unexpected argument %q (one report at a time)"
	tsRead      = "timestamp: %v"
	tsInvalid   = "timestamp: %s is NOT VALID (%s); a time-stamp would only prove when a damaged report existed"
	tsFailed    = "timestamp: %s: %v"
	tsExists    = "timestamp: %s already exists: choose another file or use --force"
	tsDone      = "time-stamped %s: %s by %s\n"
)

func init() {
	register(command{name: "timestamp", summary: tsSummary, run: runTimestamp})
}

func runTimestamp(e *env, args []string) int {
	flags := e.flags("timestamp", tsUsage)
	tsa := flags.String("tsa", "", tsFlagTSA)
	out := flags.String("o", "", tsFlagOut)
	force := flags.Bool("force", false, tsFlagForce)
	if code, ok := e.parse(flags, args); !ok {
		return code
	}
	if flags.NArg() == 0 {
		return e.usageErr(tsNoFile)
	}
	file := flags.Arg(0)
	if code, ok := e.parse(flags, flags.Args()[1:]); !ok {
		return code
	}
	if flags.NArg() > 0 {
		return e.usageErr(tsTooMany, flags.Arg(0))
	}
	if strings.TrimSpace(*tsa) == "" {
		return e.usageErr(tsNoTSA)
	}
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() {
		return e.errorf(verNotFile, file)
	}
	data, err := readReportFile(file)
	if err != nil {
		return e.errorf(tsRead, err)
	}
	target := file
	if *out != "" {
		target = *out
		if _, err := os.Lstat(target); err == nil && !*force {
			return e.errorf(tsExists, target)
		}
	}
	// Only a report that verifies is worth a trusted time.
	if v := report.Verify(data); !v.Valid {
		return e.errorf(tsInvalid, file, verifyEnglish.word(v.Problems[0]))
	}
	stamped, err := pdfsign.AddDocTimestamp(data, pdfsign.HTTPTimestamper{URL: *tsa}, time.Now())
	if err != nil {
		return e.errorf(tsFailed, file, err)
	}
	v := report.Verify(stamped)
	if !v.Valid || len(v.Timestamps) == 0 {
		msg := "no time-stamp found after adding it"
		if len(v.Problems) > 0 {
			msg = verifyEnglish.word(v.Problems[0])
		}
		return e.errorf(tsFailed, file, errors.New(msg))
	}
	if err := writeReplacing(target, stamped); err != nil {
		return e.errorf(tsRead, err)
	}
	ts := v.Timestamps[len(v.Timestamps)-1]
	fmt.Fprintf(e.stdout, tsDone, verLine(target), verifyEnglish.when(ts.Time), verLine(ts.TSA))
	return exitOK
}

// writeReplacing writes data to path through a temporary file in the same
// folder and a rename, so a crash leaves the old report or the new one,
// never half of one. An existing file keeps its permissions.
func writeReplacing(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
