package typeset

import (
	"strings"
	"testing"
	"time"

	"victimsite/internal/benchcpu"
)

// benchParagraphs are paragraphs of the length a leaflet's "what happens
// next" text has (250 to 400 characters), per script.
var benchParagraphs = []sample{
	{"en", "en", "After you report a crime, the police will give you a crime reference number, such as 12345-26. " +
		"Keep it safe: you will need it when you call 101 or write to victim.support@lincs.police.example.uk. " +
		"You have the right to be told what happens next, and to get support from Victim Support on 0808 168 9111 " +
		"or at https://www.victimsupport.org.uk/, whether or not you report the crime."},
	{"pl", "pl", "Po zgłoszeniu przestępstwa policja poda Ci numer sprawy, na przykład 12345-26. Zachowaj go: " +
		"będzie potrzebny, gdy zadzwonisz pod 101 lub napiszesz na adres victim.support@lincs.police.example.uk. " +
		"Masz prawo wiedzieć, co dzieje się dalej, i otrzymać wsparcie od Victim Support pod numerem 0808 168 9111."},
	{"ru", "ru", "После того как вы сообщите о преступлении, полиция даст вам номер дела, например 12345-26. " +
		"Сохраните его: он понадобится, когда вы позвоните по номеру 101 или напишете на адрес " +
		"victim.support@lincs.police.example.uk. Вы имеете право знать, что будет дальше, и получить поддержку."},
	{"ar", "ar", "بعد أن تبلغ عن جريمة، ستعطيك الشرطة رقم مرجع للجريمة، مثل 12345-26. احتفظ به: ستحتاج إليه " +
		"عندما تتصل بالرقم 101 أو تكتب إلى victim.support@lincs.police.example.uk. لك الحق في أن تعرف ما " +
		"سيحدث بعد ذلك، وفي الحصول على الدعم من منظمة دعم الضحايا على الرقم 0808 168 9111."},
	{"ur", "ur", "جرم کی اطلاع دینے کے بعد پولیس آپ کو جرم کا حوالہ نمبر دے گی، جیسے 12345-26۔ اسے سنبھال کر رکھیں: " +
		"جب آپ 101 پر فون کریں یا victim.support@lincs.police.example.uk پر لکھیں تو اس کی ضرورت ہوگی۔ آپ کو " +
		"یہ جاننے کا حق ہے کہ آگے کیا ہوگا، اور وکٹم سپورٹ سے 0808 168 9111 پر مدد لینے کا حق ہے۔"},
	{"pa", "pa", "ਅਪਰਾਧ ਦੀ ਰਿਪੋਰਟ ਕਰਨ ਤੋਂ ਬਾਅਦ ਪੁਲਿਸ ਤੁਹਾਨੂੰ ਅਪਰਾਧ ਦਾ ਹਵਾਲਾ ਨੰਬਰ ਦੇਵੇਗੀ, ਜਿਵੇਂ 12345-26। ਇਸਨੂੰ ਸੰਭਾਲ ਕੇ " +
		"ਰੱਖੋ: ਜਦੋਂ ਤੁਸੀਂ 101 ਤੇ ਫ਼ੋਨ ਕਰੋ ਜਾਂ victim.support@lincs.police.example.uk ਤੇ ਲਿਖੋ ਤਾਂ ਇਸਦੀ ਲੋੜ ਪਵੇਗੀ। " +
		"ਤੁਹਾਨੂੰ ਇਹ ਜਾਣਨ ਦਾ ਹੱਕ ਹੈ ਕਿ ਅੱਗੇ ਕੀ ਹੋਵੇਗਾ, ਅਤੇ 0808 168 9111 ਤੇ ਸਹਾਇਤਾ ਲੈਣ ਦਾ ਹੱਕ ਹੈ।"},
}

// BenchmarkLayout sets a leaflet paragraph in 12 pt type in a 480 pt
// column (A4 with margins), per script: "cached" is the second and later
// time the same text is set (line breaking only), "uncached" shapes it
// every time. cpu-ns/op is the process's CPU time per layout.
func BenchmarkLayout(b *testing.B) {
	for _, p := range benchParagraphs {
		for _, cached := range []bool{true, false} {
			name := p.name + "/uncached"
			if cached {
				name = p.name + "/cached"
			}
			b.Run(name, func(b *testing.B) {
				st := Style{Stack: newStack(b, p.lang), Size: 12, Lang: p.lang}
				if !cached {
					st.Stack.SetCacheSize(0)
				}
				mustLayout(b, p.text, st, 480)
				b.ReportAllocs()
				cpu := benchcpu.Time()
				for b.Loop() {
					if _, err := Layout(p.text, st, 480); err != nil {
						b.Fatal(err)
					}
				}
				benchcpu.Report(b, cpu, b.N, time.Nanosecond, "op")
			})
		}
	}
}

// TestBenchParagraphs checks that the benchmark texts set without error
// into several lines, so the benchmark measures what it says.
func TestBenchParagraphs(t *testing.T) {
	for _, p := range benchParagraphs {
		b := mustLayout(t, p.text, testStyle(t, p.lang, 12), 480)
		if len(b.Lines) < 3 || len([]rune(p.text)) < 250 || !strings.Contains(p.text, "12345-26") {
			t.Errorf("%s: %d lines of %d runes", p.name, len(b.Lines), len([]rune(p.text)))
		}
	}
}
