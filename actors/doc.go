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
// Matching runs a leftmost-longest Aho-Corasick automaton over a folded view of the text (curly
// quotes and dashes folded, lower case, word boundaries marked), so patterns match whole words
// only and offsets stay those of Doc.Text; proper names must be capitalised as in the dictionary.
// Rules then compose and type the matches and the capitalised words around them: a title and a
// demonym code the name that follows ("Russian Foreign Minister Sergey Lavrov" is the PERSON
// "Sergey Lavrov", RUSGOV), a possessive or apposition codes an unknown name ("Putin's spokesman,
// X"), a demonym with a sector word is a nominal actor ("Ukrainian soldiers", UKRMIL), and unknown
// capitalised names are typed from honorifics, head words (Inc., Ministry, University), speech
// verbs and a gazetteer of given names. A family name alone refers back to the person named in full
// earlier in the article; ResolveMention does the same for pronouns, titles and nominals for the
// stages that follow.
//
// Every entity and actor records the dictionary entry (file:line) or rule that produced it.
package actors
