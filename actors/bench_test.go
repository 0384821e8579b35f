package actors

import (
	"strings"
	"syscall"
	"testing"
	"time"

	"dyad/doc"
	"dyad/text"
)

// benchText is made-up news prose with the usual mix of names, titles, countries and groups.
const benchText = `Russian Foreign Minister Sergey Lavrov met his Chinese counterpart Wang Yi in Beijing on Tuesday, the Kremlin said.
Ukrainian soldiers repelled an attack near Kharkiv, according to the General Staff of the Armed Forces of Ukraine. "We will not give up," said Marta Kowalenko, a local official.
NATO Secretary General Mark Rutte told reporters in Brussels that the alliance would send more air defence systems. The United States and the European Union announced new sanctions.
Mr. Hollis, the chief executive of Northwind Logistics Inc., said the company had suspended shipments to the region. Protesters gathered outside the parliament in Tbilisi.
Putin's spokesman, Dmitry Peskov, said Moscow was ready for talks, but Washington and its Western allies insisted on a ceasefire first. The Russian side did not comment.
Israeli troops and Hamas fighters clashed in Gaza, the Israel Defense Forces said, while the UN Security Council met in New York. Iran's Foreign Ministry condemned the strikes.
`

func benchCorpus() []*doc.Doc {
	var docs []*doc.Doc
	for i := 0; i < 20; i++ {
		d := doc.New(doc.Article{Text: strings.Repeat(benchText, 1+i%3), Published: "2024-11-05"})
		text.New().Apply(d)
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkApply measures the actors stage alone (sentences already split), in bytes per second on
// one core.
func BenchmarkApply(b *testing.B) {
	st := testStage(b)
	docs := benchCorpus()
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	t0 := cpuTime()
	defer func() {
		// CPU time, not wall time: on a shared machine this is the per-core figure.
		if cpu := cpuTime() - t0; cpu > 0 {
			b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
		}
	}()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Entities = nil
			if err := st.Apply(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkNew measures building the stage: parsing every dictionary and compiling the matcher.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	t0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-t0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime returns the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
