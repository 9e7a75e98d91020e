//go:build unix

package main

import (
	"os"
	"syscall"
)

// ownedByMe reports whether the file is this user's (others' files in a
// shared temp folder are none of assay's business).
func ownedByMe(st os.FileInfo) bool {
	sys, ok := st.Sys().(*syscall.Stat_t)
	return !ok || int(sys.Uid) == os.Getuid()
}
