// The house rule for go doc: every package opens with a "Package x …"
// sentence, and every file's own summary is separated from its package
// clause, so file summaries never leak into the package documentation.

package main

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGoDocOpensWithPackageSentence(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dirs := map[string][]string{}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			dirs[filepath.Dir(path)] = append(dirs[filepath.Dir(path)], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 10 {
		t.Fatalf("found %d package directories under %s, want the whole module", len(dirs), root)
	}
	for dir, files := range dirs {
		rel, _ := filepath.Rel(root, dir)
		t.Run(rel, func(t *testing.T) {
			fset := token.NewFileSet()
			var pkgFiles []*ast.File
			for _, path := range files {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
				if err != nil {
					t.Fatal(err)
				}
				base := filepath.Base(path)
				if !strings.HasSuffix(base, "_test.go") && !hasLeadingComment(f) {
					t.Errorf("%s: no comment at the top saying what the file is for", base)
				}
				if f.Doc != nil && base != "doc.go" {
					t.Errorf("%s:%d: the file comment is attached to the package clause; separate it with a blank line (only doc.go documents the package)",
						base, fset.Position(f.Doc.Pos()).Line)
				}
				if !strings.HasSuffix(base, "_test.go") {
					pkgFiles = append(pkgFiles, f)
				}
			}
			if len(pkgFiles) == 0 {
				return
			}
			p, err := doc.NewFromFiles(fset, pkgFiles, "example.org/"+rel)
			if err != nil {
				t.Fatal(err)
			}
			want := "Package " + p.Name + " "
			if !strings.HasPrefix(p.Doc, want) {
				first, _, _ := strings.Cut(p.Doc, "\n")
				t.Errorf("go doc opens with %q, want a sentence starting %q in doc.go", first, want)
			}
		})
	}
}

// hasLeadingComment reports whether the file starts with a comment (a build
// constraint alone does not count).
func hasLeadingComment(f *ast.File) bool {
	for _, c := range f.Comments {
		if c.Pos() > f.Package {
			return false
		}
		for _, l := range c.List {
			if !strings.HasPrefix(l.Text, "//go:build") {
				return true
			}
		}
	}
	return false
}
