package ontology_test

import (
	"fmt"
	"testing/fstest"

	"dyad/ontology"
)

func ExampleLookup() {
	c := ontology.Lookup("020")
	fmt.Println(c.Code, c.Plover, c.Goldstein, c.Quad, c.Penta)
	// An unknown child falls back to its nearest parent, keeping the code asked for.
	c = ontology.Lookup("0219")
	fmt.Println(c.Code, c.Name, c.Plover, c.Mode)
	fmt.Println(ontology.Root("112"))
	// Output:
	// 020 REQUEST 3 1 0
	// 0219 Appeal for material cooperation, not specified below REQUEST assist
	// 11
}

func ExampleCameo() {
	for _, code := range []string{"010", "046", "112", "193", "0215"} {
		c, ok := ontology.Cameo(code)
		fmt.Printf("%s %v %q %s %q %+.1f\n", code, ok, c.Name, c.Plover, c.Mode, c.Goldstein)
	}
	// Output:
	// 010 true "Make statement, not specified below"  "" +0.0
	// 046 true "Engage in negotiation" CONSULT "" +7.0
	// 112 true "Accuse, not specified below" ACCUSE "disapprove" -2.0
	// 193 true "Fight with small arms and light weapons" ASSAULT "firearms" -10.0
	// 0215 false ""  "" +0.0
}

func ExamplePlover() {
	p, _ := ontology.Plover("PROTEST")
	fmt.Println(p.Name, p.Quad, len(p.Modes))
	for _, m := range p.Modes[:3] {
		fmt.Println(m.Name)
	}
	// Output:
	// PROTEST 4 7
	// demo
	// riot
	// strike-gen
}

func ExampleNew() {
	mine := fstest.MapFS{ // in practice os.DirFS("my-ontology")
		"cameo.txt":        {Data: []byte("1951|Employ precision-guided aerial munitions|-10\n")},
		"plover.txt":       {Data: []byte("ASSAULT|aerial|Air strikes, drones\n")},
		"cameo-plover.txt": {Data: []byte("1951|ASSAULT|aerial|military\n")},
	}
	tab, err := ontology.New(mine)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := tab.Cameo("1951")
	fmt.Println(c.Plover, c.Mode, c.Goldstein, c.Ref)
	_, err = ontology.New(fstest.MapFS{"cameo.txt": {Data: []byte("# mine\n1951|Bad|-12\n")}})
	fmt.Println(err)
	// Output:
	// ASSAULT aerial -10 cameo.txt:1 cameo-plover.txt:1
	// cameo.txt:2: Goldstein score "-12" is not a number in [-10, 10]
}
