package typeset_test

import (
	"errors"
	"fmt"

	"victimsite/fonts"
	"victimsite/internal/typeset"
)

// Set an Urdu sentence with a phone number in it, in 12 pt type, 150 pt
// wide, and walk its lines and runs as a PDF writer would.
func ExampleLayout() {
	lib := typeset.NewLibrary(fonts.FS())
	stack, err := lib.Stack(typeset.DefaultFamilies("ur")...)
	if err != nil {
		panic(err)
	}
	style := typeset.Style{Stack: stack, Size: 12, Lang: "ur"}
	block, err := typeset.Layout("پولیس کو 101 پر فون کریں یا +44 (0)1522 000000 پر۔", style, 150)
	if err != nil {
		panic(err)
	}
	for _, line := range block.Lines {
		// A right-to-left block's lines belong at the right margin.
		fmt.Printf("line at x = %.1f, height %.0f\n", 150-line.Width, line.Height)
		for _, run := range line.Runs {
			fmt.Printf("  %v %q in %s, %d glyphs\n", run.Dir, run.Text, run.Font.Name(), len(run.Glyphs))
		}
	}
	// Output:
	// line at x = 36.2, height 30
	//   rtl " " in NotoNastaliqUrdu-Regular.ttf, 0 glyphs
	//   rtl " پر فون کریں یا" in NotoNastaliqUrdu-Regular.ttf, 24 glyphs
	//   ltr "101" in NotoSans-Regular.ttf, 3 glyphs
	//   rtl "پولیس کو " in NotoNastaliqUrdu-Regular.ttf, 14 glyphs
	// line at x = 24.3, height 30
	//   rtl " پر۔" in NotoNastaliqUrdu-Regular.ttf, 6 glyphs
	//   ltr "+44 (0)1522 000000" in NotoSans-Regular.ttf, 18 glyphs
}

// Refuse text that the fonts of a language cannot draw, naming where it
// is, before anything is drawn.
func ExampleStack_Check() {
	lib := typeset.NewLibrary(fonts.FS())
	stack, err := lib.Stack(typeset.DefaultFamilies("en")...)
	if err != nil {
		panic(err)
	}
	var missing *typeset.MissingGlyphError
	if err := stack.Check("Officer 李明", false); errors.As(err, &missing) {
		fmt.Printf("officer name: %v\n", err)
	}
	// Output:
	// officer name: no font can draw the character U+674E (at byte 8)
}
