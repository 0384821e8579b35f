package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"dyad/doc"
	"dyad/store"
)

// PLOVEREvent is a PLOVER JSON event record (the field names of the PLOVER specification's "JSON
// Data Fields" chapter, as POLECAT uses them), with dyad's additions at the end.
type PLOVEREvent struct {
	ID        string        `json:"id"`
	Date      string        `json:"date"`
	Source    []PLOVERActor `json:"source"`
	Recipient []PLOVERActor `json:"recipient,omitempty"`
	Event     []string      `json:"event"`
	Mode      []string      `json:"mode,omitempty"`
	QuadCode  int           `json:"quad_code"`
	// EventScale is the Goldstein score of the CAMEO code.
	EventScale float64  `json:"event_scale"`
	EventText  []string `json:"event_text,omitempty"`
	TextInfo   TextInfo `json:"text_info"`
	CiteInfo   CiteInfo `json:"cite_info"`
	Coder      string   `json:"coder"`
	CodedDate  string   `json:"coded_date,omitempty"`
	// Not in the specification (which welcomes extra fields): the CAMEO code, negation and
	// modality, the rule that fired, and the cluster with its counts.
	Cameo       string `json:"cameo"`
	Negated     bool   `json:"negated"`
	Modality    string `json:"modality,omitempty"`
	Rule        string `json:"rule,omitempty"`
	Cluster     string `json:"cluster,omitempty"`
	NumArticles int    `json:"num_articles"`
	NumSources  int    `json:"num_sources"`
}

// PLOVERActor is a PLOVER actor object.
type PLOVERActor struct {
	// Code is the top-level code: the country, or the international type (IGO, NGO, ...).
	Code string `json:"code"`
	// Sector is the rest of the CAMEO code (GOV, MIL, WSTNAT, ...).
	Sector string `json:"sector,omitempty"`
	// ActorText is the mention as written.
	ActorText string `json:"actor_text,omitempty"`
	// IdentifierText is the canonical name.
	IdentifierText string `json:"identifier_text,omitempty"`
	// Office is the role the article's date selects.
	Office string `json:"office,omitempty"`
}

// TextInfo locates the sentence that was coded: its index in the document's events is not kept,
// so Sequence is the event's index, Start and End the sentence's byte offsets.
type TextInfo struct {
	Sequence int `json:"sequence"`
	Start    int `json:"start"`
	End      int `json:"end"`
}

// CiteInfo identifies the article.
type CiteInfo struct {
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	Citation    string `json:"citation,omitempty"`
	Coder       string `json:"coder"`
}

// ToPLOVER converts a stored event to a PLOVER record. It reports false for an event without a
// PLOVER type (CAMEO 01 statements), which PLOVER does not code.
func ToPLOVER(r *store.EventRow) (PLOVEREvent, bool) {
	if r.Plover == "" {
		return PLOVEREvent{}, false
	}
	p := PLOVEREvent{
		ID: "dyad-" + strconv.FormatInt(r.ID, 10), Date: r.Day, Event: []string{r.Plover},
		QuadCode: r.QuadClass, EventScale: r.Goldstein, TextInfo: TextInfo{Sequence: r.Index, Start: r.Sentence.Start, End: r.Sentence.End},
		CiteInfo: CiteInfo{URL: r.URL, Title: r.Title, Publication: r.Outlet, Citation: r.ArticleID, Coder: "dyad"},
		Coder:    "dyad", Cameo: r.Cameo, Negated: r.Negated, Modality: r.Modality, Rule: r.Rule,
		Cluster: r.Cluster.Key, NumArticles: r.Cluster.Articles, NumSources: r.Cluster.Sources,
	}
	if len(r.Added) >= 10 {
		p.CodedDate = r.Added[:10]
	}
	if r.Mode != "" {
		p.Mode = []string{r.Mode}
	}
	if r.Trigger.Text != "" {
		p.EventText = []string{r.Trigger.Text}
	}
	conv := func(as []doc.Actor) []PLOVERActor {
		var out []PLOVERActor
		for _, a := range as {
			top := a.Country
			if top == "" && len(a.Code) >= 3 {
				top = a.Code[:3]
			}
			sector := a.Code
			if len(top) <= len(sector) && sector[:len(top)] == top {
				sector = sector[len(top):]
			}
			text := ""
			if s, e := a.Start-r.Sentence.Start, a.End-r.Sentence.Start; a.End > 0 && s >= 0 && e <= len(r.SentenceText) && s <= e {
				text = r.SentenceText[s:e]
			}
			out = append(out, PLOVERActor{Code: top, Sector: sector, ActorText: text, IdentifierText: a.Name, Office: a.Role})
		}
		return out
	}
	p.Source, p.Recipient = conv(r.Source), conv(r.Target)
	if p.Source == nil {
		p.Source = []PLOVERActor{}
	}
	return p, true
}

type ploverWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// NewPLOVER returns an EventWriter of PLOVER JSON records, one per line (JSONL, as the
// specification suggests). Events without a PLOVER type are skipped.
func NewPLOVER(w io.Writer) EventWriter {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &ploverWriter{w: bw, enc: enc}
}

func (p *ploverWriter) Write(r *store.EventRow) error {
	rec, ok := ToPLOVER(r)
	if !ok {
		return nil
	}
	return p.enc.Encode(rec)
}

func (p *ploverWriter) Close() error { return p.w.Flush() }

// ReadPLOVER reads PLOVER JSON records, one per line.
func ReadPLOVER(r io.Reader) ([]PLOVEREvent, error) {
	dec := json.NewDecoder(r)
	var out []PLOVEREvent
	for n := 1; dec.More(); n++ {
		var p PLOVEREvent
		if err := dec.Decode(&p); err != nil {
			return out, fmt.Errorf("plover record %d: %w", n, err)
		}
		out = append(out, p)
	}
	return out, nil
}
