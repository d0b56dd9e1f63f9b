//! The PDF reader on arbitrary bytes, under limits small enough that one input costs milliseconds:
//! every input must give a document whose invariants hold or a `PdfError`, never a panic (the
//! reader catches lopdf's panics and reports them as `PdfError::Internal`, which this target
//! treats as a crash so that they are found and fixed at their root).
#![no_main]

use std::time::Duration;

use clauselint_parser::pdf::{parse_pdf_with, PdfError, PdfLimits, PdfOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = PdfOptions {
        limits: PdfLimits {
            max_input_bytes: 1 << 20,
            max_stream_bytes: 4 << 20,
            max_total_decoded_bytes: 16 << 20,
            max_objects: 20_000,
            max_pages: 200,
            max_operations: 200_000,
            max_glyphs: 100_000,
            max_nesting: 12,
            max_time: Duration::from_secs(5),
        },
        keep_furniture: data.first().is_some_and(|b| b & 1 == 1),
    };
    match parse_pdf_with(data, &options) {
        Ok(doc) => {
            let violations = doc.invariant_violations();
            assert!(violations.is_empty(), "{violations:#?}");
        }
        Err(PdfError::Internal) => panic!("the PDF reader panicked (caught as PdfError::Internal)"),
        Err(_) => {}
    }
});
