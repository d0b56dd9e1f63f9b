// Temporary development helper (removed before commit).
use clauselint_parser::pdf::{extract, word_similarity, PdfOptions};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let keep = std::env::var("KEEP").is_ok();
    let opts = PdfOptions { keep_furniture: keep, ..Default::default() };
    for path in &args {
        let bytes = std::fs::read(path).unwrap();
        let t = std::time::Instant::now();
        match extract(&bytes, &opts) {
            Ok(e) => {
                let el = t.elapsed();
                if std::env::var("PRINT").is_ok() { print!("{}", e.text); }
                let txt = path.trim_end_matches(".pdf").to_string() + ".txt";
                if let Ok(r) = std::fs::read_to_string(&txt) {
                    let s = word_similarity(&e.text, &r);
                    eprintln!("{:.4} p={:.4} r={:.4} words={} ref={} furn={} {:?} {}", s.f1, s.precision, s.recall, s.words, s.reference_words, e.furniture.len(), el, &path[path.rfind('/').map_or(0,|i|i+1)..][..25.min(path.len())]);
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
