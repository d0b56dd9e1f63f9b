//! Print each sentence's normalised text and concept hits (a debugging aid for rule authors).
//! `cargo run --release -p clauselint-analyzer --example facts -- FILE [WORD]`
use clauselint_analyzer::Context;
use clauselint_parser::{format_for_path, parse};

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let filter = std::env::args().nth(2).map(|w| w.to_lowercase());
    let src = std::fs::read_to_string(&path).expect("readable UTF-8");
    let doc = parse(&src, format_for_path(&path));
    let cx = Context::new(&doc);
    for s in cx.sentences.iter() {
        if filter
            .as_ref()
            .is_some_and(|f| !s.norm.contains(f.as_str()))
        {
            continue;
        }
        println!(
            "#{} heading={} lead_in={:?}\n  {}",
            s.index, s.in_heading, s.lead_in, s.norm
        );
        for h in &s.hits {
            println!(
                "    {:>4}..{:<4} {:?} {}",
                h.start,
                h.end,
                concepts(h.mask),
                &s.norm[h.start..h.end]
            );
        }
    }
}

const NAMES: &[&str] = &[
    "Content",
    "Personal",
    "UsageData",
    "Data",
    "Ai",
    "Train",
    "Improve",
    "Negation",
    "Exception",
    "Consent",
    "OptOut",
    "Vendor",
    "Customer",
    "License",
    "ThirdParty",
    "Aggregated",
    "Retain",
    "Delete",
    "Ownership",
    "Share",
    "Output",
    "Encryption",
    "Change",
    "Terminate",
    "Liability",
    "Court",
    "Law",
    "Arbitration",
    "Discretion",
    "Use",
    "Purpose",
];

fn concepts(mask: u64) -> Vec<&'static str> {
    (0..NAMES.len())
        .filter(|i| mask & (1 << i) != 0)
        .map(|i| NAMES[i])
        .collect()
}
