//! A small element tree over quick-xml for the parts of a Word package, read under limits.
//!
//! Word parts are a few megabytes at most, so a tree is simpler to walk than events and costs
//! little. What makes XML dangerous is refused or bounded here: any `<!DOCTYPE>` (entity
//! declarations are how billion-laughs bombs expand; Word never writes one), entity references
//! other than the five predefined ones and character references, nesting deeper than
//! [`DocxLimits::max_xml_depth`](super::DocxLimits) and more elements than
//! [`DocxLimits::max_xml_elements`](super::DocxLimits).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{DocxError, DocxLimits};

#[derive(Clone, Debug)]
pub(crate) enum Node {
    Element(Element),
    Text(String),
}

/// An element with its namespace prefixes dropped (`w:p` → `p`), which is how Word parts are
/// read in practice: the prefixes are fixed by the format.
#[derive(Clone, Debug, Default)]
pub(crate) struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    /// The value of an attribute by local name (`w:val` → `val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// `<w:x w:val="…"/>` under this element: the child's `val`.
    pub fn child_val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// All text nodes below, concatenated.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => e.collect_text(out),
            }
        }
    }
}

/// An on/off property (`<w:b/>`, `<w:isLgl w:val="0"/>`): present and not switched off.
pub(crate) fn flag(element: Option<&Element>) -> bool {
    element.is_some_and(|e| !matches!(e.attr("val"), Some("0" | "false" | "off")))
}

fn local(name: &[u8]) -> String {
    let local = match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(local).into_owned()
}

fn element_from(start: &BytesStart<'_>, part: &str) -> Result<Element, DocxError> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| malformed(part, &e.to_string()))?;
        let value = attr
            .unescape_value()
            .map_err(|e| malformed(part, &e.to_string()))?;
        attrs.push((local(attr.key.as_ref()), value.into_owned()));
    }
    Ok(Element {
        name: local(start.name().as_ref()),
        attrs,
        children: Vec::new(),
    })
}

fn malformed(part: &str, why: &str) -> DocxError {
    DocxError::MalformedXml {
        part: part.to_string(),
        reason: why.to_string(),
    }
}

/// Parses one package part into its root element.
pub(crate) fn parse(bytes: &[u8], part: &str, limits: &DocxLimits) -> Result<Element, DocxError> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    let mut elements = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| malformed(part, &e.to_string()))?;
        match event {
            Event::DocType(_) => {
                return Err(DocxError::Doctype {
                    part: part.to_string(),
                })
            }
            Event::Start(start) | Event::Empty(start) if stack.len() > limits.max_xml_depth => {
                let _ = start;
                return Err(DocxError::LimitExceeded {
                    what: "XML nesting depth",
                    limit: limits.max_xml_depth.to_string(),
                });
            }
            Event::Start(start) => {
                elements += 1;
                check_elements(elements, limits)?;
                stack.push(element_from(&start, part)?);
            }
            Event::Empty(start) => {
                elements += 1;
                check_elements(elements, limits)?;
                let element = element_from(&start, part)?;
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(element));
                }
            }
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err(malformed(part, "unbalanced end tag"));
                }
                let done = stack.pop().expect("len checked");
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::Element(done));
                }
            }
            Event::Text(t) => {
                let text = t.decode().map_err(|e| malformed(part, &e.to_string()))?;
                push_text(&mut stack, &text);
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| malformed(part, &e.to_string()))?;
                push_text(&mut stack, &text);
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| malformed(part, &e.to_string()))?
                } else {
                    let name: &[u8] = &r;
                    match name {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        other => {
                            return Err(malformed(
                                part,
                                &format!("undeclared entity &{};", String::from_utf8_lossy(other)),
                            ))
                        }
                    }
                };
                if let Some(c) = resolved {
                    push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
        buf.clear();
    }
    if stack.len() != 1 {
        return Err(malformed(
            part,
            "the XML ends before its elements are closed",
        ));
    }
    let root = stack.pop().expect("one left");
    root.children
        .into_iter()
        .find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| malformed(part, "no root element"))
}

fn check_elements(count: usize, limits: &DocxLimits) -> Result<(), DocxError> {
    if count > limits.max_xml_elements {
        return Err(DocxError::LimitExceeded {
            what: "XML element count",
            limit: limits.max_xml_elements.to_string(),
        });
    }
    Ok(())
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    // Text outside the root, and whitespace between elements, carries nothing Word shows except
    // inside `w:t`, where it is kept whole.
    if let Some(Node::Text(last)) = parent.children.last_mut() {
        last.push_str(text);
    } else {
        parent.children.push(Node::Text(text.to_string()));
    }
}
