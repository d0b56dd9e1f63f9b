//! Word input: packages built here (numbering variants, tracked changes, tables, notes, headers,
//! comments, bad input) and real documents converted by LibreOffice (`tests/fixtures/docx/`).

#[path = "../../../tests/docx/builder.rs"]
mod builder;

use builder::*;
use clauselint_parser::docx::{DocxLimits, DocxOptions, RevisionView};
use clauselint_parser::{
    parse_docx, BlockKind, Document, DocxError, Format, HeaderFooterKind, RevisionKind, WordPart,
};

fn read(bytes: &[u8]) -> Document {
    let doc =
        parse_docx(bytes, &DocxOptions::default()).unwrap_or_else(|e| panic!("unreadable: {e}"));
    assert_eq!(doc.invariant_violations(), Vec::<String>::new());
    doc
}

fn read_original(bytes: &[u8]) -> Document {
    let doc = parse_docx(
        bytes,
        &DocxOptions {
            view: RevisionView::Original,
            ..DocxOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("unreadable: {e}"));
    assert_eq!(doc.invariant_violations(), Vec::<String>::new());
    doc
}

fn numbers(doc: &Document) -> Vec<String> {
    doc.paragraphs
        .iter()
        .filter_map(|p| p.number.clone())
        .collect()
}

fn clause_numbers(doc: &Document) -> Vec<String> {
    doc.clauses
        .iter()
        .filter_map(|c| c.number.clone())
        .collect()
}

/// A contract-style list: 1. / 1.1 / (a) / (i), as law firms' templates define it.
fn contract_numbering(extra_nums: &str) -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>{extra_nums}"#,
        lvl(0, 1, "decimal", "%1.", ""),
        lvl(1, 1, "decimal", "%1.%2", ""),
        lvl(2, 1, "lowerLetter", "(%3)", ""),
        lvl(3, 1, "lowerRoman", "(%4)", ""),
    )
}

#[test]
fn multilevel_numbers_are_reconstructed_and_resolve_cross_references() {
    let bytes = Docx::new()
        .numbering(&contract_numbering(""))
        .body(&numbered(1, 0, "Definitions"))
        .body(&numbered(1, 1, "“Customer Data” means data you upload."))
        .body(&numbered(1, 1, "“Services” means the hosted software."))
        .body(&numbered(1, 0, "Licence"))
        .body(&numbered(
            1,
            1,
            "We may host Customer Data only to provide the Services.",
        ))
        .body(&numbered(1, 2, "subject to Section 1.2; and"))
        .body(&numbered(1, 2, "as described in Section 2.1(a)."))
        .body(&numbered(1, 3, "first sub-item"))
        .body(&numbered(1, 3, "second sub-item"))
        .body(&numbered(1, 0, "Term"))
        .build();
    let doc = read(&bytes);
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(
        numbers(&doc),
        ["1.", "1.1", "1.2", "2.", "2.1", "(a)", "(b)", "(i)", "(ii)", "3."]
    );
    assert!(doc.source.contains("2.1 We may host Customer Data"));
    assert_eq!(
        clause_numbers(&doc),
        ["1", "1.1", "1.2", "2", "2.1", "(a)", "(b)", "(i)", "(ii)", "3"]
    );
    let two_one = doc
        .clauses
        .iter()
        .find(|c| c.number.as_deref() == Some("2.1"))
        .expect("2.1");
    assert_eq!(
        doc.clauses[two_one.parent.expect("nested")]
            .number
            .as_deref(),
        Some("2")
    );
    for target in doc.cross_refs.iter().flat_map(|x| &x.targets) {
        let resolved = target.resolved.map(|c| doc.clauses[c].keys.clone());
        assert!(
            resolved
                .as_ref()
                .is_some_and(|keys| keys.contains(&target.key)),
            "cross-reference {} resolves to {resolved:?}",
            target.key
        );
    }
    assert!(doc.cross_refs.len() >= 2, "{:?}", doc.cross_refs);
}

#[test]
fn formats_start_values_and_bullets() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="3">{}{}</w:abstractNum>
           <w:abstractNum w:abstractNumId="4">{}</w:abstractNum>
           <w:abstractNum w:abstractNumId="5">{}</w:abstractNum>
           <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
           <w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>
           <w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>"#,
        lvl(0, 4, "upperRoman", "Article %1", ""),
        lvl(1, 1, "upperLetter", "%2.", ""),
        lvl(0, 5, "decimal", "Section %1.", ""),
        lvl(0, 1, "bullet", "•", ""),
    );
    let doc = read(
        &Docx::new()
            .numbering(&numbering)
            .body(&numbered(3, 0, "Payment"))
            .body(&numbered(3, 1, "Fees are due monthly."))
            .body(&numbered(3, 1, "Taxes are yours."))
            .body(&numbered(3, 0, "Liability"))
            .body(&numbered(4, 0, "Notices must be in writing."))
            .body(&numbered(5, 0, "a bulleted point"))
            .build(),
    );
    assert_eq!(
        numbers(&doc),
        ["Article IV", "A.", "B.", "Article V", "Section 5."]
    );
    assert!(doc.source.contains("a bulleted point"));
    assert!(!doc.source.contains('•'));
    let article = doc
        .clauses
        .iter()
        .find(|c| c.number.as_deref() == Some("Article V"))
        .expect("article V");
    assert!(
        article.keys.contains(&"5".to_string()),
        "{:?}",
        article.keys
    );
}

#[test]
fn restarts_follow_lvl_restart_and_num_overrides() {
    // Level 1 never restarts (lvlRestart 0): 1.1, 1.2, 2.3.
    let never = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
           <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>"#,
        lvl(0, 1, "decimal", "%1.", ""),
        lvl(1, 1, "decimal", "%1.%2", r#"<w:lvlRestart w:val="0"/>"#),
    );
    let doc = read(
        &Docx::new()
            .numbering(&never)
            .body(&numbered(1, 0, "One"))
            .body(&numbered(1, 1, "first"))
            .body(&numbered(1, 1, "second"))
            .body(&numbered(1, 0, "Two"))
            .body(&numbered(1, 1, "third"))
            // Another num on the same abstract continues the count…
            .body(&numbered(2, 0, "Three"))
            // …unless it overrides the start: a new list.
            .body(&numbered(3, 0, "Restarted"))
            .body(&numbered(3, 0, "Next"))
            // A whole level replaced by an override.
            .body(&numbered(4, 0, "Lettered"))
            .build(),
    );
    assert_eq!(
        numbers(&doc),
        ["1.", "1.1", "1.2", "2.", "2.3", "3.", "1.", "2.", "g)"]
    );
}

#[test]
fn legal_numbering_shows_higher_levels_as_arabic() {
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum>
           <w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum>
           <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
           <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#,
        lvl(0, 1, "upperRoman", "ARTICLE %1", ""),
        lvl(1, 1, "decimal", "%1.%2", r#"<w:isLgl/>"#),
        lvl(0, 1, "upperRoman", "%1.", ""),
        lvl(1, 1, "decimal", "%1.%2", ""),
    );
    let doc = read(
        &Docx::new()
            .numbering(&numbering)
            .body(&numbered(1, 0, "DEFINITIONS"))
            .body(&numbered(1, 0, "SERVICES"))
            .body(&numbered(1, 1, "We provide the Services."))
            .body(&numbered(2, 0, "Other"))
            .body(&numbered(2, 1, "Not legal-numbered."))
            .build(),
    );
    assert_eq!(
        numbers(&doc),
        ["ARTICLE I", "ARTICLE II", "2.1", "I.", "I.1"]
    );
}

#[test]
fn heading_styles_and_style_linked_numbering() {
    let styles = r#"
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/>
        <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Berschrift3"><w:name w:val="Heading 3"/></w:style>"#;
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="9">{}{}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="9"/></w:num>"#,
        lvl(0, 1, "decimal", "%1.", r#"<w:pStyle w:val="Heading1"/>"#),
        lvl(1, 1, "decimal", "%1.%2", r#"<w:pStyle w:val="Heading2"/>"#),
    );
    let doc = read(
        &Docx::new()
            .styles(styles)
            .numbering(&numbering)
            .body(&styled("Heading1", None, "Customer Content"))
            .body(&styled("Heading2", None, "Ownership"))
            .body(&p("You retain all rights in Customer Content."))
            .body(&styled("Berschrift3", None, "A third-level heading"))
            .body(&styled("Heading1", None, "Term"))
            .build(),
    );
    assert_eq!(numbers(&doc), ["1.", "1.1", "2."]);
    let headings: Vec<(BlockKind, u8)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.heading_level))
        .collect();
    assert_eq!(
        headings,
        [
            (BlockKind::Heading, 1),
            (BlockKind::Heading, 2),
            (BlockKind::Paragraph, 0),
            (BlockKind::Heading, 3),
            (BlockKind::Heading, 1),
        ]
    );
    let ownership = doc
        .clauses
        .iter()
        .find(|c| c.number.as_deref() == Some("1.1"))
        .expect("1.1");
    assert_eq!(ownership.title.as_deref(), Some("Ownership"));
    assert_eq!(doc.paragraphs[1].style.as_deref(), Some("Heading2"));
}

const JANE: &str = "Jane Roe (Acme Legal)";
const DATE: &str = "2026-10-02T09:30:00Z";

fn redline() -> Vec<u8> {
    Docx::new()
        .body(&format!(
            "<w:p>{}{}{}</w:p>",
            r("We will process Customer Data only to provide the Services"),
            ins(JANE, DATE, " and to train our artificial intelligence models"),
            r("."),
        ))
        .body(&format!(
            "<w:p>{}{}{}</w:p>",
            r("We will not sell Customer Data"),
            del(JANE, DATE, " or share it with advertisers"),
            r("."),
        ))
        .body(&format!(
            r#"<w:p><w:moveFrom w:id="5" w:author="{JANE}" w:date="{DATE}">{}</w:moveFrom></w:p>"#,
            r("Moved sentence.")
        ))
        // A deleted paragraph mark: once accepted, this paragraph runs on into the next.
        .body(&format!(
            r#"<w:p><w:pPr><w:rPr><w:del w:id="8" w:author="{JANE}" w:date="{DATE}"/></w:rPr></w:pPr>{}</w:p>"#,
            r("Joined ")
        ))
        .body(&p("paragraph."))
        .body(&format!(
            r#"<w:p><w:moveTo w:id="6" w:author="{JANE}" w:date="{DATE}">{}</w:moveTo></w:p>"#,
            r("Moved sentence.")
        ))
        .build()
}

#[test]
fn tracked_changes_accepted_by_default() {
    let doc = read(&redline());
    assert!(doc
        .source
        .contains("provide the Services and to train our artificial intelligence models."));
    assert!(doc.source.contains("We will not sell Customer Data."));
    assert!(!doc.source.contains("advertisers"));
    assert!(doc.source.contains("Joined paragraph."));
    assert_eq!(doc.source.matches("Moved sentence.").count(), 1);

    let insertion = doc
        .revisions
        .iter()
        .find(|r| r.kind == RevisionKind::Insertion)
        .expect("insertion");
    let span = insertion
        .span
        .expect("an accepted insertion is in the text");
    assert_eq!(
        doc.slice(span),
        " and to train our artificial intelligence models"
    );
    assert_eq!(insertion.author.as_deref(), Some(JANE));
    assert_eq!(
        insertion.attribution(),
        "Jane Roe (Acme Legal) on 2026-10-02"
    );
    assert_eq!(insertion.paragraph, 1);
    let train = doc.source.find("train our").expect("inserted text");
    let found = doc
        .revision_overlapping(clauselint_parser::Span::new(train, train + 5))
        .expect("the insertion covers it");
    assert_eq!(found.kind, RevisionKind::Insertion);

    let deletion = doc
        .revisions
        .iter()
        .find(|r| r.kind == RevisionKind::Deletion)
        .expect("deletion listed");
    assert_eq!(deletion.span, None);
    assert_eq!(deletion.text, " or share it with advertisers");
    assert!(doc
        .revisions
        .iter()
        .any(|r| r.kind == RevisionKind::MoveTo && r.span.is_some()));
    // The merged paragraph keeps the index of its first Word paragraph.
    let joined = doc.source.find("Joined").expect("joined");
    assert_eq!(doc.paragraph_at(joined).expect("paragraph").index, 4);
}

#[test]
fn tracked_changes_original_view() {
    let doc = read_original(&redline());
    assert!(doc
        .source
        .contains("We will process Customer Data only to provide the Services."));
    assert!(!doc.source.contains("train"));
    assert!(doc
        .source
        .contains("We will not sell Customer Data or share it with advertisers."));
    assert!(
        doc.source.contains("Joined \n\nparagraph.") || doc.source.contains("Joined\n\nparagraph.")
    );
    let deletion = doc
        .revisions
        .iter()
        .find(|r| r.kind == RevisionKind::Deletion)
        .expect("deletion");
    assert_eq!(
        doc.slice(deletion.span.expect("shown in the original")),
        " or share it with advertisers"
    );
    let insertion = doc
        .revisions
        .iter()
        .find(|r| r.kind == RevisionKind::Insertion)
        .expect("insertion listed");
    assert_eq!(insertion.span, None);
}

#[test]
fn tables_footnotes_headers_and_comments() {
    let table = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("Data category"),
        p("Retention"),
        p("Account data"),
        p("30 days after termination"),
    );
    let bytes = Docx::new()
        .body(&p("Schedule of retention periods."))
        .body(&table)
        .body(&format!(
            r#"<w:p>{}<w:commentRangeStart w:id="0"/>{}<w:commentRangeEnd w:id="0"/><w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#,
            r("We may "),
            r("use aggregated data")
        ))
        .body(&p(""))
        .body(&p("Last paragraph."))
        .footnotes(&format!(
            r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
               <w:footnote w:id="2">{}</w:footnote>"#,
            p("Aggregated data is never re-identified.")
        ))
        .comments(&format!(
            r#"<w:comment w:id="0" w:author="John Smith" w:date="2026-10-03T10:00:00Z">{}</w:comment>"#,
            p("Ask them to define “aggregated”.")
        ))
        .part(
            "word/header1.xml",
            &header_footer("hdr", &p("CONFIDENTIAL — DRAFT 3")),
        )
        .part("word/footer1.xml", &header_footer("ftr", &p("Page 1")))
        .build();
    let doc = read(&bytes);
    let cells: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::TableCell)
        .map(|b| doc.plain(b.text_span))
        .collect();
    assert_eq!(
        cells,
        [
            "Data category",
            "Retention",
            "Account data",
            "30 days after termination"
        ]
    );
    assert!(!doc.source.contains("CONFIDENTIAL"));
    assert!(!doc.source.contains("Page 1"));
    assert_eq!(doc.headers_footers.len(), 2);
    assert_eq!(doc.headers_footers[0].kind, HeaderFooterKind::Header);
    assert_eq!(doc.headers_footers[0].text, "CONFIDENTIAL — DRAFT 3");
    assert_eq!(doc.headers_footers[1].kind, HeaderFooterKind::Footer);

    assert!(doc
        .source
        .ends_with("[1] Aggregated data is never re-identified.\n\n"));
    let note = doc.paragraphs.last().expect("note");
    assert_eq!(note.part, WordPart::Footnote);

    assert!(!doc.source.contains("define"));
    assert_eq!(doc.comments.len(), 1);
    let comment = &doc.comments[0];
    assert_eq!(comment.author.as_deref(), Some("John Smith"));
    assert_eq!(comment.text, "Ask them to define “aggregated”.");
    assert_eq!(
        doc.slice(comment.span.expect("anchored")),
        "use aggregated data"
    );

    // Indexes count every w:p, table cells and the empty one included.
    let last = doc.source.find("Last paragraph").expect("last");
    assert_eq!(doc.paragraph_at(last).expect("paragraph").index, 8);
}

#[test]
fn non_ascii_text_survives_with_spans_on_char_boundaries() {
    let doc = read(
        &Docx::new()
            .body(&p(
                "“Customer Content” means all data — including text — you upload.",
            ))
            .body(&p(
                "Subject to § 4, we won’t sell Customer Content; résumés excluded.",
            ))
            .build(),
    );
    assert!(doc
        .source
        .contains("“Customer Content” means all data — including"));
    assert!(doc.source.contains("§ 4, we won’t sell"));
    assert!(doc.definition_of("Customer Content").is_some());
    for s in &doc.sentences {
        assert!(
            doc.source.is_char_boundary(s.span.start) && doc.source.is_char_boundary(s.span.end)
        );
    }
    for p in &doc.paragraphs {
        assert!(
            doc.source.is_char_boundary(p.span.start) && doc.source.is_char_boundary(p.span.end)
        );
    }
}

fn err(bytes: &[u8]) -> DocxError {
    err_with(bytes, DocxLimits::default())
}

fn err_with(bytes: &[u8], limits: DocxLimits) -> DocxError {
    match parse_docx(
        bytes,
        &DocxOptions {
            limits,
            ..DocxOptions::default()
        },
    ) {
        Ok(_) => panic!("read a file that should be refused"),
        Err(e) => e,
    }
}

#[test]
fn refuses_files_that_are_not_word_packages() {
    assert_eq!(err(b"Hello, plain text."), DocxError::NotZip);
    assert_eq!(err(b""), DocxError::NotZip);
    assert_eq!(
        err(&Docx::new()
            .without_document()
            .part("readme.txt", b"hi")
            .build()),
        DocxError::NoDocumentPart
    );
    assert!(err(&Docx::new().without_document().build())
        .to_string()
        .contains("no word/document.xml"));
    let mut truncated = Docx::new().body(&p("Some text.")).build();
    truncated.truncate(truncated.len() / 2);
    assert!(
        matches!(err(&truncated), DocxError::CorruptZip(_)),
        "{}",
        err(&truncated)
    );
}

#[test]
fn refuses_password_protected_legacy_and_macro_files() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    assert_eq!(err(&ole), DocxError::LegacyDoc);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let e = err(&ole);
    assert_eq!(e, DocxError::Encrypted);
    assert!(e
        .to_string()
        .contains("encrypted/password-protected Word file"));
    let macros = Docx::new()
        .body(&p("Text."))
        .part("word/vbaProject.bin", b"\x00VBA")
        .build();
    assert_eq!(err(&macros), DocxError::MacroEnabled);
}

#[test]
fn refuses_xml_bombs_and_bounds_xml() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let bomb = Docx::new()
        .without_document()
        .part("word/document.xml", laughs.as_bytes())
        .build();
    let e = err(&bomb);
    assert!(matches!(e, DocxError::Doctype { .. }), "{e}");
    assert!(e.to_string().contains("DOCTYPE"));

    let undeclared = Docx::new()
        .body("<w:p><w:r><w:t>&custom;</w:t></w:r></w:p>")
        .build();
    assert!(matches!(err(&undeclared), DocxError::MalformedXml { .. }));

    let deep = format!("{}{}", "<w:sdt>".repeat(400), "</w:sdt>".repeat(400));
    let e = err(&Docx::new().body(&deep).build());
    assert!(
        matches!(
            e,
            DocxError::LimitExceeded {
                what: "XML nesting depth",
                ..
            }
        ),
        "{e}"
    );

    let many = p("x").repeat(2_000);
    let limits = DocxLimits {
        max_xml_elements: 1_000,
        ..DocxLimits::default()
    };
    let e = err_with(&Docx::new().body(&many).build(), limits);
    assert!(
        matches!(
            e,
            DocxError::LimitExceeded {
                what: "XML element count",
                ..
            }
        ),
        "{e}"
    );

    let broken = Docx::new()
        .body("<w:p><w:r><w:t>unclosed</w:r></w:p>")
        .build();
    assert!(matches!(err(&broken), DocxError::MalformedXml { .. }));
}

#[test]
fn refuses_decompression_bombs() {
    // 8 MiB of one byte deflates about 1000:1.
    let filler = vec![b' '; 8 << 20];
    let bomb = Docx::new()
        .body(&p("Short."))
        .part("word/footer1.xml", &filler)
        .build();
    assert!(bomb.len() < 100_000);
    let e = err(&bomb);
    assert!(
        matches!(
            e,
            DocxError::LimitExceeded {
                what: "compression ratio",
                ..
            }
        ),
        "{e}"
    );
    let limits = DocxLimits {
        max_part_bytes: 1_000,
        ..DocxLimits::default()
    };
    let e = err_with(
        &Docx::new().body(&p(&"long text ".repeat(200))).build(),
        limits,
    );
    assert!(matches!(e, DocxError::LimitExceeded { .. }), "{e}");
}

#[test]
fn malformed_optional_parts_are_warnings() {
    let doc = read(
        &Docx::new()
            .body(&numbered(1, 0, "Text stays readable."))
            .part("word/numbering.xml", b"<w:numbering><broken")
            .build(),
    );
    assert!(doc.source.contains("Text stays readable."));
    assert_eq!(doc.diagnostics.len(), 1);
    assert!(doc.diagnostics[0].message.contains("word/numbering.xml"));
}

#[test]
fn random_bytes_never_panic() {
    let good = Docx::new()
        .numbering(&contract_numbering(""))
        .body(&numbered(1, 0, "Definitions"))
        .body(&redline_body())
        .build();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for round in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..(round % 7 + 1) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = (seed as usize) % bytes.len();
            bytes[at] = (seed >> 32) as u8;
        }
        if let Ok(doc) = parse_docx(&bytes, &DocxOptions::default()) {
            assert_eq!(doc.invariant_violations(), Vec::<String>::new());
        }
    }
}

fn redline_body() -> String {
    format!(
        "<w:p>{}{}</w:p>",
        r("We may "),
        ins(JANE, DATE, "sell data")
    )
}

/// The Markdown as a reader sees it rendered: text and code, breaks as spaces, one block per line.
/// (The parser's Markdown analysis text blanks markup in place, which splits `[#](#x)tl;dr` or
/// `1\.` into two words where the rendered page has one.)
fn rendered(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut out = String::new();
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Real documents: Open Terms Archive snapshots converted to .docx by LibreOffice
/// (`tests/docx/regenerate.sh`). The text read back must match the Markdown it came from.
#[test]
fn libreoffice_documents_read_back_their_source_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/docx");
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).expect("read fixture");
        let doc = read(&bytes);
        let markdown = std::fs::read_to_string(path.with_extension("md")).expect("source text");
        let reference = rendered(&markdown);
        let sim = clauselint_parser::pdf::word_similarity(&doc.text, &reference);
        println!("{}: f1 {:.4} ({} words)", path.display(), sim.f1, sim.words);
        assert!(
            sim.f1 >= 0.99,
            "{}: word similarity {:.4} < 0.99",
            path.display(),
            sim.f1
        );
        assert!(!doc.paragraphs.is_empty());
        checked += 1;
    }
    assert!(
        checked >= 10,
        "expected at least ten fixtures, found {checked}"
    );
}
