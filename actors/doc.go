// Package actors is dyad's actors stage: it finds who acts in a document (people, organisations,
// countries, capitals and seats of power, regions, groups named by a demonym and a sector word) and
// codes each one in CAMEO's composition (country or international type, then sector: RUSGOV,
// IGOWSTNAT, UKRMIL).
//
// The stage is dictionaries plus rules. The dictionaries are line-oriented text files embedded
// from data/ (countries, regions, places, organisations, sector words and titles, people with dated
// roles, given names); see data/FORMAT.md. Users add or override entries with their own files
// (Options.Dicts), and Lint checks all of them, naming file and line.
//
// Matching walks a byte trie of the folded patterns from every word start of a folded view of the
// text (curly quotes and dashes folded, lower case, word boundaries marked), which gives the
// leftmost-longest matches; patterns match whole words only and offsets stay those of Doc.Text;
// proper names must be capitalised as in the dictionary (a match whose case does not fit falls back
// to the next shorter one). Rules then compose and type the matches and the capitalised words
// around them: a title and a demonym code the name that follows ("Russian Foreign Minister Sergey
// Lavrov" is the PERSON "Sergey Lavrov", RUSGOV), a possessive or apposition codes an unknown name
// ("Putin's spokesman, X"), a demonym with a sector word is a nominal actor ("Ukrainian soldiers",
// UKRMIL), and unknown capitalised names are typed from context (names.go): honorifics, head words
// ("Inc.", "Ministry of", "University of the Philippines", "People's Party"), the nouns around them
// ("the Unite union", "oil company Ecopetrol", "the Yamuna river"), datelines ("NAIROBI, Kenya (AP)
// _"), coordination with a typed name, speech verbs, apposition and a gazetteer of given names.
// Title-case and capitals headlines take their types from the body. A family name alone refers
// back to the person named in full earlier in the article, and a name typed by a rule keeps its
// type in later mentions ("Halden Motors" ... "Halden"); ResolveMention does the same for pronouns,
// titles and nominals for the stages that follow.
//
// Every entity and actor records the dictionary entry (file:line) or rule that produced it.
package actors
