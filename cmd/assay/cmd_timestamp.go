package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/assay-dev/assay/report"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/pdfsign"
)

func init() {
	register(command{name: "timestamp", run: runTimestamp})
}

func runTimestamp(e *env, args []string) int {
	flags := e.flags("timestamp", e.t("synopsis_timestamp", nil))
	tsa := flags.String("tsa", "", e.t("flag_timestamp_tsa", nil))
	out := flags.String("o", "", e.t("flag_timestamp_out", nil))
	force := flags.Bool("force", false, e.t("flag_force", nil))
	e.uiLang(flags)
	if code, ok := e.parse(flags, args); !ok {
		return code
	}
	if flags.NArg() == 0 {
		return e.usage("timestamp_no_file", nil)
	}
	file := flags.Arg(0)
	if code, ok := e.parse(flags, flags.Args()[1:]); !ok {
		return code
	}
	if flags.NArg() > 0 {
		return e.usage("timestamp_too_many", i18n.Args{"Arg": strconv.Quote(flags.Arg(0))})
	}
	if strings.TrimSpace(*tsa) == "" {
		return e.usage("timestamp_no_tsa", nil)
	}
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() {
		return e.fail("not_a_report_file", i18n.Args{"Path": file})
	}
	data, err := readReportFile(file)
	if err != nil {
		return e.fail("timestamp_failed", i18n.Args{"Error": e.errText(err)})
	}
	target := file
	if *out != "" {
		target = *out
		if _, err := os.Lstat(target); err == nil && !*force {
			return e.fail("timestamp_exists", i18n.Args{"Path": target})
		}
	}
	// Only a report that verifies is worth a trusted time.
	if v := report.Verify(data); !v.Valid {
		return e.fail("timestamp_invalid", i18n.Args{"Path": file, "Problem": e.findingText(v.Problems[0])})
	}
	stamped, err := pdfsign.AddDocTimestamp(data, pdfsign.HTTPTimestamper{URL: *tsa}, time.Now())
	if err != nil {
		return e.fail("timestamp_tsa_failed", i18n.Args{"Path": file, "Error": e.errText(err)})
	}
	v := report.Verify(stamped)
	if !v.Valid || len(v.Timestamps) == 0 {
		problem := e.t("timestamp_not_found", nil)
		if len(v.Problems) > 0 {
			problem = e.findingText(v.Problems[0])
		}
		return e.fail("timestamp_tsa_failed", i18n.Args{"Path": file, "Error": problem})
	}
	if err := writeReplacing(target, stamped); err != nil {
		return e.fail("timestamp_failed", i18n.Args{"Error": e.errText(err)})
	}
	ts := v.Timestamps[len(v.Timestamps)-1]
	e.out("timestamp_done", i18n.Args{"Path": verLine(target), "Time": when(ts.Time), "TSA": verLine(ts.TSA)})
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
