// Package i18ntest checks a surface's message files against its code, for
// the surface's tests: every shipped language is complete, and every
// message the code asks for exists, with the values it needs.
package i18ntest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/report/i18n"
)

// Use is one place the code asks for a message.
type Use struct {
	ID  string
	Pos string // file:line
	// Args are the keys of the Args literal passed along; nil when none is
	// a literal (then they cannot be checked).
	Args []string
	// Plural: the call passes a count (the n/N form), which fills
	// {{.Count}}.
	Plural bool
}

// Uses finds the messages the non-test Go files of dir ask for: the first
// argument of a call to one of funcs (method or function names, e.g. "t",
// "n" for a surface's helpers; the Localizer's T and N are always
// included), and the string values of composite literals assigned to a
// package variable whose name ends in "IDs" (tables from a kind to its
// message). plural names the funcs whose second argument is a count. A
// call whose id is not a string literal is returned in bad: its message
// could not be checked; the bodies of funcs themselves (helpers that pass
// their id on to T or N) are not searched.
func Uses(dir string, funcs, plural []string) (uses []Use, bad []string, err error) {
	funcs = append(funcs, "T", "N")
	plural = append(plural, "N")
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, nil, err
	}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return nil, nil, err
		}
		pos := func(n ast.Node) string {
			p := fset.Position(n.Pos())
			return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				// The helpers themselves pass their id on.
				return !slices.Contains(funcs, n.Name.Name)
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				if !slices.Contains(funcs, name) || len(n.Args) == 0 {
					return true
				}
				lit, ok := n.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					bad = append(bad, pos(n)+": "+name+"(…) with an id that is not a string literal")
					return true
				}
				id, _ := strconv.Unquote(lit.Value)
				u := Use{ID: id, Pos: pos(n), Plural: slices.Contains(plural, name)}
				for _, a := range n.Args[1:] {
					if cl, ok := a.(*ast.CompositeLit); ok && isArgs(cl.Type) {
						u.Args = []string{}
						for _, e := range cl.Elts {
							if kv, ok := e.(*ast.KeyValueExpr); ok {
								if k, ok := kv.Key.(*ast.BasicLit); ok && k.Kind == token.STRING {
									ks, _ := strconv.Unquote(k.Value)
									u.Args = append(u.Args, ks)
								}
							}
						}
					}
				}
				uses = append(uses, u)
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if !strings.HasSuffix(name.Name, "IDs") || i >= len(n.Values) {
						continue
					}
					ast.Inspect(n.Values[i], func(v ast.Node) bool {
						if cl, ok := v.(*ast.CompositeLit); ok {
							for _, e := range cl.Elts {
								if kv, ok := e.(*ast.KeyValueExpr); ok {
									e = kv.Value
								}
								if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
									id, _ := strconv.Unquote(lit.Value)
									uses = append(uses, Use{ID: id, Pos: pos(lit)})
								}
							}
						}
						return true
					})
				}
			}
			return true
		})
	}
	return uses, bad, nil
}

// isArgs reports whether a composite literal's type is i18n.Args or Args.
func isArgs(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name == "Args"
	case *ast.SelectorExpr:
		return t.Sel.Name == "Args"
	}
	return false
}

// CheckSurface fails t for each problem of the surface's message files
// (Messages.Check) and of its code in dir: a message asked for that the
// English file lacks, an id that is not a literal, an Args literal that
// misses a placeholder of the message, and a message of the surface's
// English file that no code asks for (stale). funcs and plural are as for
// Uses.
func CheckSurface(t testing.TB, m *i18n.Messages, dir string, funcs, plural []string) {
	t.Helper()
	for _, p := range m.Check() {
		t.Error(p)
	}
	uses, bad, err := Uses(dir, funcs, plural)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
	used := map[string]bool{}
	for _, u := range uses {
		used[u.ID] = true
		want, ok := m.Placeholders(u.ID)
		if !ok {
			t.Errorf("%s: message %q is not in the English %s file", u.Pos, u.ID, m.Surface())
			continue
		}
		if u.Args == nil {
			continue
		}
		for _, p := range want {
			if p == "Count" && u.Plural {
				continue
			}
			if !slices.Contains(u.Args, p) {
				t.Errorf("%s: message %q needs {{.%s}}, which the call does not pass (it passes %v)", u.Pos, u.ID, p, u.Args)
			}
		}
	}
	for _, id := range m.IDs() {
		if !used[id] {
			t.Errorf("message %q of the English %s file is used nowhere in %s (stale, or asked for with a computed id)", id, m.Surface(), dir)
		}
	}
}
