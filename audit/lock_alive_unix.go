//go:build unix

package audit

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this pid exists. The pid file
// outlives its writer (it is only rewritten by the next holder), so a lock
// held by a process that never wrote one, such as a backup tool, would
// otherwise name a long-dead assay.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
