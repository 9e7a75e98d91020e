// Command assay is the Fairmined audit tool: with no arguments it opens the
// terminal UI; sub-commands serve scripts and certification bodies.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], newEnv()))
}
