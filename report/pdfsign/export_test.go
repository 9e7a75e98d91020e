package pdfsign

// SetWindows sets the first window of a parse from a file and the chunk of
// the whole-file passes (VerifyReader, SignFile), and returns a function
// that restores them. Tiny windows make every parse grow its window and
// every search straddle chunks, which is where reading from a file could
// differ from reading from memory.
func SetWindows(first, chunk int) (restore func()) {
	f, c := firstWindow, chunkSize
	firstWindow, chunkSize = first, chunk
	return func() { firstWindow, chunkSize = f, c }
}
