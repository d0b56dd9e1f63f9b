//! PDF reading on PDFs the tests build themselves with lopdf: layout (justified text, hyphenation,
//! ligatures, paragraphs, columns, rotation, headers and footers), composite fonts, and every kind
//! of bad input (not a PDF, truncated, corrupt, encrypted, image-only, zero pages, bombs, nesting).

use std::time::Duration;

use clauselint_parser::pdf::{extract, PdfError, PdfLimits, PdfOptions};
use clauselint_parser::{parse_pdf, Format};
use lopdf::{dictionary, Document, Object, Stream};

const LEFT: f32 = 72.0;
const RIGHT: f32 = 540.0;

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// Courier advance (600/1000 em) makes wrapping exact.
fn courier_width(s: &str, size: f32) -> f32 {
    s.chars().count() as f32 * 0.6 * size
}

/// Typesets words as justified lines between `x0` and `x1` in Courier (`/F1`), each word its own
/// string in a `TJ` array with the justification as kerning, no space characters at all. The
/// last line is ragged. Returns the content and the baseline after the paragraph.
fn justified(text: &str, x0: f32, x1: f32, y: f32, size: f32, leading: f32) -> (String, f32) {
    typeset(text, x0, x1, y, size, leading, true)
}

fn typeset(
    text: &str,
    x0: f32,
    x1: f32,
    mut y: f32,
    size: f32,
    leading: f32,
    ragged_last: bool,
) -> (String, f32) {
    let space = 0.6 * size;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
    let mut width = 0.0;
    for w in words {
        let ww = courier_width(w, size);
        let line = lines.last_mut().unwrap();
        if !line.is_empty() && width + space + ww > x1 - x0 {
            lines.push(vec![w]);
            width = ww;
        } else {
            width += if line.is_empty() { ww } else { space + ww };
            line.push(w);
        }
    }
    let mut out = String::new();
    let n = lines.len();
    for (i, line) in lines.iter().enumerate() {
        let used: f32 = line.iter().map(|w| courier_width(w, size)).sum();
        let gaps = (line.len() - 1).max(1) as f32;
        let gap = if i + 1 < n || !ragged_last {
            (x1 - x0 - used) / gaps
        } else {
            space
        };
        let mut tj = String::new();
        for (k, w) in line.iter().enumerate() {
            if k > 0 {
                tj.push_str(&format!(" {} ", -gap * 1000.0 / size));
            }
            tj.push_str(&format!("({})", esc(w)));
        }
        out.push_str(&format!(
            "BT /F1 {size} Tf 1 0 0 1 {x0} {y} Tm [{tj}] TJ ET\n"
        ));
        y -= leading;
    }
    (out, y)
}

fn line(font: &str, x: f32, y: f32, size: f32, text: &str) -> String {
    format!("BT /{font} {size} Tf {x} {y} Td ({}) Tj ET\n", esc(text))
}

/// A document whose pages have the given content streams and a shared set of resources: `/F1`
/// Courier, `/F2` Helvetica with `fi`/`fl` ligatures at codes 1 and 2, `/Im1` an image.
fn build(pages: &[String]) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let courier = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
        "Encoding" => "WinAnsiEncoding",
    });
    let helvetica = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => dictionary! {
            "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![1.into(), Object::Name(b"fi".to_vec()), Object::Name(b"fl".to_vec())],
        },
    });
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => courier, "F2" => helvetica },
        "XObject" => dictionary! { "Im1" => image },
    });
    let mut kids = Vec::new();
    for content in pages {
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("lopdf writes the test PDF");
    out
}

fn text_of(bytes: &[u8]) -> String {
    extract(bytes, &PdfOptions::default())
        .unwrap_or_else(|e| panic!("extraction failed: {e}"))
        .text
}

/// A one-page PDF whose content stream is `expanded_len` spaces, FlateDecode-compressed: small on
/// disk, large once decompressed.
fn one_page_of_compressed_spaces(expanded_len: usize) -> Vec<u8> {
    let mut doc = build(&[String::new()]);
    let mut bomb = Stream::new(dictionary! {}, vec![b' '; expanded_len]);
    bomb.compress().unwrap();
    let bomb_id = doc.add_object(bomb);
    let page_id = doc.page_iter().next().unwrap();
    doc.get_object_mut(page_id)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set("Contents", bomb_id);
    save(doc)
}

fn err_of(bytes: &[u8], options: &PdfOptions) -> PdfError {
    match extract(bytes, options) {
        Ok(e) => panic!("expected an error, got text {:?}", e.text),
        Err(e) => e,
    }
}

const CLAUSES: [&str; 6] = [
    "1. Licence. The Provider grants the Customer a non-exclusive licence to use the Service \
     during the Term, and the Customer shall use it only for its internal business purposes and \
     in accordance with the documentation supplied from time to time.",
    "2. Customer Data. The Provider may use Customer Data to train and improve its machine \
     learning models and may retain such data indefinitely after termination of this Agreement \
     for any purpose.",
    "3. Fees. The Customer shall pay the fees set out in the Order Form within thirty days of the \
     date of each invoice, without set-off or deduction of any kind.",
    "4. Support. The Provider shall use reasonable efforts to answer support requests during \
     business hours and to correct reproducible errors in the Service.",
    "5. Term. This Agreement starts on the Effective Date and continues for one year, renewing \
     automatically for further terms of one year unless either party gives notice.",
    "6. Security. The Provider shall keep Customer Data secure using industry standard measures \
     and may change those measures at any time in its sole discretion.",
];

/// Three pages of justified clauses with a running header, footer and page numbers.
fn contract_pages() -> Vec<String> {
    let mut pages = Vec::new();
    for p in 1..=3 {
        let mut c = String::new();
        c.push_str(&line(
            "F1",
            LEFT,
            760.0,
            9.0,
            "ACME CLOUD SERVICES AGREEMENT - CONFIDENTIAL",
        ));
        let mut y = 700.0;
        for clause in &CLAUSES[(p - 1) * 2..p * 2] {
            let (s, after) = justified(clause, LEFT, RIGHT, y, 11.0, 13.0);
            c.push_str(&s);
            y = after - 10.0;
        }
        c.push_str(&line("F1", 280.0, 40.0, 9.0, &format!("Page {p} of 3")));
        pages.push(c);
    }
    pages
}

#[test]
fn justified_text_reads_as_single_spaced_paragraphs() {
    let text = text_of(&save(build(&contract_pages())));
    assert!(!text.contains("  "), "runs of spaces in {text:?}");
    assert!(
        text.contains(
            "1. Licence. The Provider grants the Customer a non-exclusive licence to use the Service"
        ),
        "{text}"
    );
    // One paragraph per clause, blank lines between.
    let page_one = text.split('\x0c').next().unwrap();
    let paras: Vec<&str> = page_one
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(paras.len(), 2, "{page_one:?}");
    assert!(paras[1].starts_with("2. Customer Data."));
    assert!(!paras[0].contains('\n'));
}

#[test]
fn running_headers_footers_and_page_numbers_are_removed() {
    let bytes = save(build(&contract_pages()));
    let e = extract(&bytes, &PdfOptions::default()).unwrap();
    assert!(!e.text.contains("Page 2 of 3"), "{}", e.text);
    assert!(!e.text.contains("ACME CLOUD SERVICES"), "{}", e.text);
    assert_eq!(e.furniture.len(), 6);
    assert_eq!(e.text.matches('\x0c').count(), 2);
    let kept = extract(
        &bytes,
        &PdfOptions {
            keep_furniture: true,
            ..PdfOptions::default()
        },
    )
    .unwrap();
    assert!(kept.text.contains("Page 2 of 3"));
}

#[test]
fn findings_can_carry_pages_and_clauses() {
    let doc = parse_pdf(&save(build(&contract_pages()))).unwrap();
    assert_eq!(doc.format, Format::Pdf);
    assert_eq!(doc.page_starts.len(), 3);
    let train = doc.source.find("train and improve").unwrap();
    assert_eq!(doc.page_of(train), Some(1));
    let discretion = doc.source.find("sole discretion").unwrap();
    assert_eq!(doc.page_of(discretion), Some(3));
    let clause = doc.clause_at(discretion).expect("in a clause");
    assert_eq!(doc.clause_label(clause).as_deref(), Some("6 Security"));
    let numbers: Vec<_> = doc
        .clauses
        .iter()
        .filter_map(|c| c.number.clone())
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
    // Every page begins right after a form feed.
    for &start in &doc.page_starts[1..] {
        assert_eq!(&doc.source[start - 1..start], "\x0c");
    }
}

#[test]
fn line_end_hyphenation_is_joined_but_real_hyphens_stay() {
    // Justified lines ending in hyphens. "third-party" appears whole first, so a split
    // "third-/party" keeps its hyphen; "termi-/nation" is one word; "Non-/Compete" keeps it.
    let lines = [
        "A third-party service provider may at any time receive the termi-",
        "nation notice from the Customer, and any appointed third-",
        "party auditor may then review all of the associated Non-",
        "Compete records.",
    ];
    let mut c = String::new();
    for (i, l) in lines.iter().enumerate() {
        let y = 700.0 - 13.0 * i as f32;
        c.push_str(&typeset(l, LEFT, RIGHT, y, 11.0, 13.0, i + 1 == lines.len()).0);
    }
    let text = text_of(&save(build(&[c])));
    assert!(text.contains("receive the termination notice"), "{text}");
    assert!(text.contains("any appointed third-party auditor"), "{text}");
    assert!(
        text.contains("the associated Non-Compete records."),
        "{text}"
    );
    assert!(!text.trim().contains('\n'), "one paragraph: {text}");
}

#[test]
fn ligatures_are_decoded() {
    // Codes 1 and 2 are the fi and fl ligature glyphs in /F2.
    let c = "BT /F2 12 Tf 72 700 Td (The \\001nal \\002oor plan is con\\001dential.) Tj ET\n";
    let text = text_of(&save(build(&[c.to_string()])));
    assert!(
        text.contains("The final floor plan is confidential."),
        "{text}"
    );
}

#[test]
fn two_columns_are_read_column_by_column() {
    let left = "Left column first sentence about the licence grant and its scope, which runs \
                over several lines of text so that the column is tall enough to be one.";
    let right = "Right column second part about data retention and deletion, which also runs \
                 over several lines of text in the narrower right hand column here.";
    let mut c = line("F1", 200.0, 740.0, 14.0, "TWO COLUMN TERMS");
    let (l, _) = justified(left, LEFT, 290.0, 700.0, 10.0, 12.0);
    let (r, _) = justified(right, 322.0, RIGHT, 700.0, 10.0, 12.0);
    c.push_str(&l);
    c.push_str(&r);
    let text = text_of(&save(build(&[c])));
    let l_end = text.find("tall enough to be one.").expect("left column");
    let r_start = text.find("Right column second part").expect("right column");
    assert!(l_end < r_start, "{text}");
    assert!(
        text.contains("about the licence grant and its scope, which runs over"),
        "{text}"
    );
    assert!(text.starts_with("TWO COLUMN TERMS"), "{text}");
}

#[test]
fn rotated_pages_read_upright() {
    // Text drawn rotated 90 degrees (a landscape page), bottom to top.
    let mut c = String::new();
    for (i, s) in [
        "First rotated line of the agreement.",
        "Second rotated line follows it.",
    ]
    .iter()
    .enumerate()
    {
        let x = 300.0 + 14.0 * i as f32;
        c.push_str(&format!("BT /F1 11 Tf 0 1 -1 0 {x} 100 Tm ({s}) Tj ET\n"));
    }
    let text = text_of(&save(build(&[c])));
    assert!(
        text.contains("First rotated line of the agreement.") && text.contains("Second rotated"),
        "{text}"
    );
    assert!(text.find("First").unwrap() < text.find("Second").unwrap());
}

#[test]
fn paragraphs_continue_across_pages() {
    let long = "The Customer may terminate this Agreement for convenience on thirty days notice \
                and the Provider shall then return all Customer Data within ten days of the \
                effective date of termination";
    // The page ends on a full line: the paragraph may go on.
    let (a, _) = typeset(long, LEFT, RIGHT, 80.0, 11.0, 13.0, false);
    let p1 = format!("{}{a}", line("F1", LEFT, 700.0, 11.0, "Intro paragraph."));
    let p2 = line("F1", LEFT, 720.0, 11.0, "without undue delay.");
    let doc = parse_pdf(&save(build(&[p1, p2]))).unwrap();
    // One block spans the page break, so the sentence is whole.
    let s = doc.source.find("without undue delay").unwrap();
    let sentence = doc.sentence_at(s).expect("sentence");
    assert!(doc
        .sentence_text(sentence)
        .starts_with("The Customer may terminate"));
    assert_eq!(doc.page_of(s), Some(2));
}

#[test]
fn tagged_artifacts_are_dropped() {
    let c = format!(
        "/Artifact <</Type /Pagination>> BDC {}EMC\n{}",
        line("F1", LEFT, 760.0, 9.0, "Draft header"),
        line("F1", LEFT, 700.0, 11.0, "Body text stays.")
    );
    let text = text_of(&save(build(&[c])));
    assert_eq!(text.trim(), "Body text stays.");
}

/// A Type0 font with Identity-H codes and a ToUnicode CMap, as Word and most producers write.
#[test]
fn composite_fonts_with_to_unicode() {
    let mut doc = build(&[String::new()]);
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        2 beginbfchar <0003> <0020> <0011> <0066006C> endbfchar\n\
        1 beginbfrange <0024> <003D> <0041> endbfrange\n\
        1 beginbfrange <0044> <005D> <0061> endbfrange\n\
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
    let cid = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+Arial",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500, "W" => vec![3.into(), vec![Object::Integer(250)].into()],
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+Arial",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![cid.into()], "ToUnicode" => to_unicode,
    });
    // Codes: C=0x26 l=0x4F o=0x52 u=0x58 d=0x47 space=0x03 (fl)=0x11 o w=0x5A
    let hex = "0026004F00520058004700030011005200580057";
    let content = format!("BT /F9 12 Tf 72 700 Td <{hex}> Tj ET\n");
    let page_id = doc.page_iter().next().unwrap();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let res = doc.add_object(dictionary! { "Font" => dictionary! { "F9" => font } });
    let page = doc.get_object_mut(page_id).unwrap().as_dict_mut().unwrap();
    page.set("Contents", content_id);
    page.set("Resources", res);
    let text = text_of(&save(doc));
    assert_eq!(text.trim(), "Cloud flout");
}

// --- Bad input -------------------------------------------------------------------------------

#[test]
fn not_a_pdf() {
    let e = err_of(b"Just some text, not a PDF.", &PdfOptions::default());
    assert_eq!(e, PdfError::NotPdf);
    assert!(e.to_string().contains("not a PDF"));
}

#[test]
fn truncated_and_corrupt_files_are_errors_not_panics() {
    let good = save(build(&contract_pages()));
    for cut in [10, 50, good.len() / 4, good.len() / 2, good.len() - 40] {
        match extract(&good[..cut], &PdfOptions::default()) {
            Err(PdfError::Internal) => panic!("panic inside the reader at cut {cut}"),
            Err(e) => assert!(!e.to_string().is_empty()),
            // lopdf may rebuild the cross-reference table and recover pages: say so.
            Ok(e) => assert!(
                e.diagnostics
                    .iter()
                    .any(|d| d.message.contains("damaged or truncated")),
                "cut {cut}: {:?}",
                e.diagnostics
            ),
        }
    }
    let e = err_of(
        b"%PDF-1.7\n garbage \x00\xff\xfe no objects at all",
        &PdfOptions::default(),
    );
    assert!(
        matches!(e, PdfError::Corrupt(_)),
        "expected corrupt, got {e:?}"
    );
    assert!(e.to_string().contains("truncated or corrupt"), "{e}");
}

#[test]
fn flipped_bytes_never_panic() {
    let good = save(build(&contract_pages()));
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed % bytes.len() as u64) as usize;
            bytes[i] = (seed >> 32) as u8;
        }
        if let Err(PdfError::Internal) = extract(&bytes, &PdfOptions::default()) {
            panic!("the reader panicked on a mutated file");
        }
    }
}

fn encrypted(user_password: &str) -> Vec<u8> {
    let mut doc = build(&contract_pages());
    let id = Object::String(
        b"0123456789abcdef".to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", vec![id.clone(), id]);
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner-secret",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    save(doc)
}

#[test]
fn encrypted_with_a_password_says_so() {
    let e = err_of(&encrypted("user-secret"), &PdfOptions::default());
    assert_eq!(e, PdfError::Encrypted);
    assert!(e.to_string().contains("encrypted"), "{e}");
}

#[test]
fn encrypted_without_a_user_password_is_read() {
    let text = text_of(&encrypted(""));
    assert!(text.contains("Customer Data"), "{text}");
}

#[test]
fn scanned_image_without_text_needs_ocr() {
    let scan = "q 612 0 0 792 0 0 cm /Im1 Do Q\n".to_string();
    let e = err_of(&save(build(&[scan.clone(), scan])), &PdfOptions::default());
    assert!(
        matches!(
            e,
            PdfError::NoText {
                pages: 2,
                images: 2,
                ..
            }
        ),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("no text found") && msg.contains("OCR"),
        "{msg}"
    );
}

#[test]
fn a_scanned_page_among_text_pages_is_a_warning() {
    let mut pages = contract_pages();
    pages.push("q 612 0 0 792 0 0 cm /Im1 Do Q\n".to_string());
    let doc = parse_pdf(&save(build(&pages))).unwrap();
    assert_eq!(doc.page_starts.len(), 4);
    assert!(doc
        .diagnostics
        .iter()
        .any(|d| d.page == Some(4) && d.message.contains("OCR")));
}

#[test]
fn zero_pages() {
    let e = err_of(&save(build(&[])), &PdfOptions::default());
    assert_eq!(e, PdfError::NoPages);
    assert_eq!(e.to_string(), "the PDF has zero pages");
}

#[test]
fn decompression_bombs_hit_the_stream_limit() {
    let bytes = one_page_of_compressed_spaces(4 << 20);
    assert!(bytes.len() < 64 << 10, "the bomb is small on disk");
    let options = PdfOptions {
        limits: PdfLimits {
            max_stream_bytes: 1 << 20,
            ..PdfLimits::default()
        },
        ..PdfOptions::default()
    };
    let e = err_of(&bytes, &options);
    assert!(matches!(e, PdfError::LimitExceeded { .. }), "{e:?}");
    assert!(e.to_string().contains("decompressed"), "{e}");
}

/// Page → form 1 → form 2 → … → form 40, and a form that draws itself.
#[test]
fn nested_and_recursive_forms_are_bounded() {
    let mut doc = build(&[String::new()]);
    let mut inner = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()] },
        line("F1", LEFT, 700.0, 11.0, "Deep text.").into_bytes(),
    ));
    for _ in 0..40 {
        let res = dictionary! { "XObject" => dictionary! { "X" => inner } };
        inner = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => res },
            b"/X Do".to_vec(),
        ));
    }
    let page_id = doc.page_iter().next().unwrap();
    let content = doc.add_object(Stream::new(dictionary! {}, b"/X Do".to_vec()));
    let res = doc.add_object(dictionary! { "XObject" => dictionary! { "X" => inner } });
    {
        let page = doc.get_object_mut(page_id).unwrap().as_dict_mut().unwrap();
        page.set("Contents", content);
        page.set("Resources", res);
    }
    let e = err_of(&save(doc), &PdfOptions::default());
    assert!(
        matches!(
            e,
            PdfError::LimitExceeded {
                what: "form nesting depth",
                ..
            }
        ),
        "{e:?}"
    );

    // A form whose resources name itself: drawn once, no loop.
    let mut doc = build(&[String::new()]);
    let self_id = doc.new_object_id();
    let res = dictionary! { "XObject" => dictionary! { "Me" => self_id }, "Font" => dictionary! {
    "F1" => doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier" }) } };
    let body = format!("{}/Me Do", line("F1", LEFT, 700.0, 11.0, "Loop text."));
    doc.objects.insert(
        self_id,
        Object::Stream(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form", "Resources" => res },
            body.into_bytes(),
        )),
    );
    let content = doc.add_object(Stream::new(dictionary! {}, b"/Me Do".to_vec()));
    let page_res = doc.add_object(dictionary! { "XObject" => dictionary! { "Me" => self_id } });
    let page_id = doc.page_iter().next().unwrap();
    {
        let page = doc.get_object_mut(page_id).unwrap().as_dict_mut().unwrap();
        page.set("Contents", content);
        page.set("Resources", page_res);
    }
    assert_eq!(text_of(&save(doc)).trim(), "Loop text.");
}

#[test]
fn deeply_nested_objects_do_not_overflow() {
    let mut bytes = save(build(&contract_pages()));
    // An object of 100 000 nested arrays appended as an incremental body.
    let deep = format!(
        "\n999 0 obj\n{}{}\nendobj\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    bytes.extend_from_slice(deep.as_bytes());
    let _ = extract(&bytes, &PdfOptions::default());
    // Inside the catalog itself, which lopdf must parse (offsets shift, so it rebuilds the
    // cross-reference table by scanning, and meets the nesting on the way).
    let good = save(build(&contract_pages()));
    let at = good
        .windows(13)
        .position(|w| w == b"/Type/Catalog" || w == b"/Type /Catalo")
        .expect("catalog");
    let mut bytes = good[..at].to_vec();
    bytes.extend_from_slice(
        format!("/Deep {}{} ", "[".repeat(50_000), "]".repeat(50_000)).as_bytes(),
    );
    bytes.extend_from_slice(&good[at..]);
    // lopdf stops at its nesting limit, so the catalog is unreadable: corrupt, not a crash.
    let e = err_of(&bytes, &PdfOptions::default());
    assert!(matches!(e, PdfError::Corrupt(_)), "{e:?}");
    // And nested arrays inside a content stream.
    let c = format!(
        "{}{} TJ {}",
        "[".repeat(100_000),
        "]".repeat(100_000),
        line("F1", LEFT, 700.0, 11.0, "Still read.")
    );
    let text = text_of(&save(build(&[c])));
    assert!(text.contains("Still read."), "{text}");
}

#[test]
fn work_limits_are_errors() {
    let bytes = save(build(&contract_pages()));
    let limited = |limits: PdfLimits| {
        err_of(
            &bytes,
            &PdfOptions {
                limits,
                ..PdfOptions::default()
            },
        )
    };
    let e = limited(PdfLimits {
        max_time: Duration::ZERO,
        ..PdfLimits::default()
    });
    assert!(
        matches!(e, PdfError::LimitExceeded { what: "time", .. }),
        "{e:?}"
    );
    let e = limited(PdfLimits {
        max_operations: 10,
        ..PdfLimits::default()
    });
    assert!(matches!(
        e,
        PdfError::LimitExceeded {
            what: "content operation count",
            ..
        }
    ));
    let e = limited(PdfLimits {
        max_input_bytes: 100,
        ..PdfLimits::default()
    });
    assert!(matches!(
        e,
        PdfError::LimitExceeded {
            what: "file size",
            ..
        }
    ));
    let e = limited(PdfLimits {
        max_pages: 2,
        ..PdfLimits::default()
    });
    assert!(matches!(
        e,
        PdfError::LimitExceeded {
            what: "page count",
            ..
        }
    ));
    let e = limited(PdfLimits {
        max_glyphs: 50,
        ..PdfLimits::default()
    });
    assert!(matches!(
        e,
        PdfError::LimitExceeded {
            what: "character count",
            ..
        }
    ));
    assert!(e
        .to_string()
        .starts_with("the PDF exceeds the character count limit"));
}

/// A page tree whose `Kids` point back at itself (directly and through a child), and a content
/// stream whose `/Length` is an indirect reference to the stream itself: read or refused, never a
/// loop.
#[test]
fn self_referencing_object_graphs_end() {
    // Pages → [page, Pages]: the page tree contains itself.
    let mut doc = build(&contract_pages());
    let pages_id = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let pages = doc.get_object_mut(pages_id).unwrap().as_dict_mut().unwrap();
    let mut kids = pages.get(b"Kids").unwrap().as_array().unwrap().clone();
    kids.push(Object::Reference(pages_id));
    pages.set("Kids", kids);
    match extract(&save(doc), &PdfOptions::default()) {
        Ok(e) => assert!(e.text.contains("Customer"), "{}", e.text),
        Err(e) => assert!(
            matches!(e, PdfError::Corrupt(_) | PdfError::LimitExceeded { .. }),
            "{e:?}"
        ),
    }

    // A page whose `Kids` (it claims to be a Pages node) names only itself, as the only root.
    let mut doc = build(&contract_pages());
    let pages = doc.get_object_mut(pages_id).unwrap().as_dict_mut().unwrap();
    pages.set("Kids", vec![Object::Reference(pages_id)]);
    pages.set("Count", 1);
    let e = err_of(&save(doc), &PdfOptions::default());
    assert!(
        matches!(
            e,
            PdfError::NoPages | PdfError::Corrupt(_) | PdfError::LimitExceeded { .. }
        ),
        "{e:?}"
    );

    // `/Length 4 0 R` inside object 4 itself, written by hand (lopdf would write a direct length).
    let content = b"BT /F1 11 Tf 72 720 Td (1. Fees. Customer pays monthly.) Tj ET";
    let mut bytes = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        [b"<< /Length 4 0 R >>\nstream\n".as_slice(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>".to_vec(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(bytes.len());
        bytes.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        bytes.extend_from_slice(body);
        bytes.extend_from_slice(b"\nendobj\n");
    }
    let xref = bytes.len();
    bytes.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        bytes.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    bytes.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    match extract(&bytes, &PdfOptions::default()) {
        Ok(e) => assert!(e.text.contains("Customer pays"), "{}", e.text),
        Err(e) => assert!(
            matches!(e, PdfError::Corrupt(_) | PdfError::NoText { .. }),
            "{e:?}"
        ),
    }
}

/// A FlateDecode stream of about 130 KB on disk that would expand to 128 MiB, twice the default
/// per-stream limit: decompression stops at the limit and the message names it.
#[test]
fn a_stream_expanding_far_past_the_default_limit_is_refused() {
    let bytes = one_page_of_compressed_spaces(128 << 20);
    assert!(
        bytes.len() < 1 << 20,
        "the bomb is small on disk: {}",
        bytes.len()
    );
    let e = err_of(&bytes, &PdfOptions::default());
    assert!(
        matches!(
            e,
            PdfError::LimitExceeded {
                what: "decompressed stream size",
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.limit(), Some(clauselint_parser::Limit::PdfStreamSize));
}
