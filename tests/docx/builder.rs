//! Writes small Word packages for tests: the parts a test names, wrapped in the namespaces and the
//! `[Content_Types].xml` Word writes, zipped with deflate. Shared by the parser and CLI tests.

#![allow(dead_code)]

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

#[derive(Default)]
pub struct Docx {
    body: String,
    numbering: Option<String>,
    styles: Option<String>,
    comments: Option<String>,
    footnotes: Option<String>,
    parts: Vec<(String, Vec<u8>)>,
    without_document: bool,
}

/// A paragraph with plain runs: `p("Hello")`.
pub fn p(text: &str) -> String {
    format!("<w:p>{}</w:p>", r(text))
}

/// A run; text is escaped and spaces preserved.
pub fn r(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

/// A paragraph with a style and, optionally, direct numbering.
pub fn styled(style: &str, num: Option<(u32, u32)>, text: &str) -> String {
    let num = num
        .map(|(id, lvl)| {
            format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#)
        })
        .unwrap_or_default();
    format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{num}</w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// A numbered paragraph without a style.
pub fn numbered(num_id: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{}</w:p>"#,
        r(text)
    )
}

/// An inserted run as Word writes a tracked insertion.
pub fn ins(author: &str, date: &str, text: &str) -> String {
    format!(
        r#"<w:ins w:id="{}" w:author="{}" w:date="{date}">{}</w:ins>"#,
        text.len(),
        escape(author),
        r(text)
    )
}

/// A deleted run (its text in `w:delText`).
pub fn del(author: &str, date: &str, text: &str) -> String {
    format!(
        r#"<w:del w:id="{}" w:author="{}" w:date="{date}"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>"#,
        text.len() + 1000,
        escape(author),
        escape(text)
    )
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One level of an abstract numbering.
pub fn lvl(ilvl: u32, start: i64, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>"#
    )
}

impl Docx {
    pub fn new() -> Docx {
        Docx::default()
    }

    /// Body XML (paragraphs and tables), placed inside `w:body`.
    pub fn body(mut self, xml: &str) -> Docx {
        self.body.push_str(xml);
        self
    }

    /// `w:abstractNum` and `w:num` elements, placed inside `w:numbering`.
    pub fn numbering(mut self, xml: &str) -> Docx {
        self.numbering = Some(xml.to_string());
        self
    }

    /// `w:style` elements, placed inside `w:styles`.
    pub fn styles(mut self, xml: &str) -> Docx {
        self.styles = Some(xml.to_string());
        self
    }

    pub fn comments(mut self, xml: &str) -> Docx {
        self.comments = Some(xml.to_string());
        self
    }

    pub fn footnotes(mut self, xml: &str) -> Docx {
        self.footnotes = Some(xml.to_string());
        self
    }

    /// Any other part, byte for byte.
    pub fn part(mut self, name: &str, bytes: &[u8]) -> Docx {
        self.parts.push((name.to_string(), bytes.to_vec()));
        self
    }

    pub fn without_document(mut self) -> Docx {
        self.without_document = true;
        self
    }

    pub fn build(self) -> Vec<u8> {
        let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let mut put = |name: &str, bytes: &[u8]| {
            zip.start_file(name, options).expect("start part");
            zip.write_all(bytes).expect("write part");
        };
        put(
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        );
        let decl = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
        if !self.without_document {
            put(
                "word/document.xml",
                format!(
                    "{decl}<w:document {NS}><w:body>{}</w:body></w:document>",
                    self.body
                )
                .as_bytes(),
            );
        }
        if let Some(n) = &self.numbering {
            put(
                "word/numbering.xml",
                format!("{decl}<w:numbering {NS}>{n}</w:numbering>").as_bytes(),
            );
        }
        if let Some(s) = &self.styles {
            put(
                "word/styles.xml",
                format!("{decl}<w:styles {NS}>{s}</w:styles>").as_bytes(),
            );
        }
        if let Some(c) = &self.comments {
            put(
                "word/comments.xml",
                format!("{decl}<w:comments {NS}>{c}</w:comments>").as_bytes(),
            );
        }
        if let Some(f) = &self.footnotes {
            put(
                "word/footnotes.xml",
                format!("{decl}<w:footnotes {NS}>{f}</w:footnotes>").as_bytes(),
            );
        }
        for (name, bytes) in &self.parts {
            put(name, bytes);
        }
        zip.finish().expect("finish zip").into_inner()
    }
}

/// A header or footer part's XML around some paragraphs.
pub fn header_footer(root: &str, paragraphs: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:{root} {NS}>{paragraphs}</w:{root}>"#)
        .into_bytes()
}
