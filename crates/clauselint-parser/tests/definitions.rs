//! Defined terms, their uses, cross-references and list structure as the parser reads them from
//! real drafting habits: curly quotes and apostrophes, terms with "(s)", bold terms without quotes,
//! parentheses within parentheses, and the fragments that only look like definitions.

use clauselint_parser::{parse, Document, Format};

fn markdown(text: &str) -> Document {
    parse(text, Format::Markdown)
}

fn terms(doc: &Document) -> Vec<&str> {
    doc.definitions.iter().map(|d| d.term.as_str()).collect()
}

fn uses_of(doc: &Document, term: &str) -> Vec<String> {
    let index = doc
        .definitions
        .iter()
        .position(|d| d.term == term)
        .unwrap_or_else(|| panic!("{term} is not defined: {:?}", terms(doc)));
    doc.term_uses
        .iter()
        .filter(|u| u.definition == index)
        .map(|u| doc.source[u.span.start..u.span.end].to_string())
        .collect()
}

#[test]
fn a_curly_apostrophe_inside_a_term_does_not_end_it() {
    let doc = markdown(
        "“Licensor’s Materials” means the materials Licensor provides. \
         You may copy Licensor’s Materials — but not sell them.\n",
    );
    assert_eq!(terms(&doc), ["Licensor’s Materials"]);
    assert_eq!(
        uses_of(&doc, "Licensor’s Materials"),
        ["Licensor’s Materials"]
    );
    let term = &doc.definitions[0].term_span;
    assert_eq!(
        &doc.source[term.start..term.end],
        "Licensor’s Materials",
        "the span is in bytes and lands on character boundaries"
    );
}

#[test]
fn a_single_quoted_term_still_ends_at_its_closing_quote() {
    let doc = markdown("‘Services’ means the hosted platform. The Services are provided as is.\n");
    assert_eq!(terms(&doc), ["Services"]);
}

#[test]
fn a_colon_between_the_term_and_means_is_accepted() {
    let doc = markdown("“Affiliate” : means any entity that controls a party.\n");
    assert_eq!(terms(&doc), ["Affiliate"]);
}

#[test]
fn which_means_and_which_refers_to_define_a_term() {
    let doc = markdown(
        "A “Business” which means a firm. Usage caps apply to (1) “Sourced Candidates”, which \
         refers to saved candidates.\n",
    );
    assert_eq!(terms(&doc), ["Business", "Sourced Candidates"]);
}

#[test]
fn a_term_with_parentheses_inside_a_parenthesis_is_read_whole() {
    let doc = markdown(
        "You (hereinafter, “**Client(s)**”) accept. Each Client(s) agrees. \
         The apps (what we call “App Store Provider(s)”) apply.\n",
    );
    assert_eq!(terms(&doc), ["Client(s)", "App Store Provider(s)"]);
    assert_eq!(uses_of(&doc, "Client(s)"), ["Client(s)"]);
}

#[test]
fn a_nested_parenthesis_does_not_cut_the_outer_one() {
    let doc = markdown(
        "The content (with the exclusion of “Feedback,” as defined in Section 7) (collectively, \
         the “Content”) is yours. Acme Inc. (“Acme” (as defined below), together with its \
         affiliates) hosts the Content.\n",
    );
    // "with the exclusion of" is no defining lead, so "Feedback" stays undefined here.
    assert_eq!(terms(&doc), ["Content", "Acme"]);
}

#[test]
fn a_bold_term_in_a_parenthesis_is_defined_without_quotes() {
    let doc = markdown(
        "This material you contribute to our site (**Content**) is yours. The customer \
         (hereinafter referred to as **Customer**) may remove Content at any time.\n",
    );
    assert_eq!(terms(&doc), ["Content", "Customer"]);
    assert_eq!(uses_of(&doc, "Content"), ["Content"]);
}

#[test]
fn bold_emphasis_in_a_parenthesis_is_not_a_definition() {
    let doc = markdown(
        "Fees are due monthly (**not** annually). Notices go by email (**see below** for \
         details).\n",
    );
    assert!(terms(&doc).is_empty(), "{:?}", terms(&doc));
}

#[test]
fn a_section_title_in_parentheses_after_its_number_is_not_a_definition() {
    let doc = markdown(
        "Except as provided in sections 9 (**Our Intellectual Property Rights**), 11 \
         (“Third-Party Materials; Advertising”) and 13 (**Indemnification**), there are no \
         third-party beneficiaries.\n",
    );
    assert!(terms(&doc).is_empty(), "{:?}", terms(&doc));
}

#[test]
fn a_parenthesis_after_an_address_still_defines_its_term() {
    let doc = markdown(
        "These terms are between you and World Market, LLC, 1201 Marina Village Parkway, \
         Alameda, CA 94501 (“the Company”).\n",
    );
    assert_eq!(terms(&doc), ["the Company"]);
}

#[test]
fn heading_fragments_and_code_strings_are_not_terms() {
    let doc = markdown(
        "# Definitions\n\n\
         **Suspension or Termination of an** **Account** If you break these terms we may \
         suspend you.\n\n\
         **Between Creators and** users, disputes go to mediation.\n\n\
         The form is at (“DMCACounternoticeForm.pdf”) and (“https://example.com/form”).\n\n\
         **Robux** — the official currency of the platform.\n",
    );
    assert_eq!(terms(&doc), ["Robux"]);
}

#[test]
fn plural_uses_of_a_singular_term_are_found() {
    let doc = markdown(
        "“Party” means a signatory. “Business” means a firm. “Crush” means a like. \
         The Parties agree that all Businesses and Crushes — and the Crushs the app counts — \
         are covered; each Party signs.\n",
    );
    assert_eq!(uses_of(&doc, "Party"), ["Parties", "Party"]);
    assert_eq!(uses_of(&doc, "Business"), ["Businesses"]);
    assert_eq!(uses_of(&doc, "Crush"), ["Crushes", "Crushs"]);
}

fn xref_texts(doc: &Document) -> Vec<&str> {
    doc.cross_refs
        .iter()
        .map(|r| &doc.source[r.span.start..r.span.end])
        .collect()
}

#[test]
fn a_plural_keyword_is_not_read_as_a_reference_to_a_lettered_attachment() {
    let doc = markdown("See the EXHIBITS attached and Exhibit A — § 3 applies.\n");
    assert_eq!(xref_texts(&doc), ["Exhibit A", "§ 3"]);
}

#[test]
fn an_abbreviation_after_clauses_is_not_an_item_reference() {
    let doc = markdown(
        "Transfers use the Standard Contractual Clauses (SCCs). See clause 2(b) and Section \
         4(iv).\n",
    );
    assert_eq!(xref_texts(&doc), ["clause 2(b)", "Section 4(iv)"]);
}

fn outline(doc: &Document) -> Vec<(usize, String)> {
    doc.clauses
        .iter()
        .map(|c| {
            (
                c.depth,
                c.number.clone().or(c.title.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn items_of_one_markdown_list_are_siblings() {
    let doc = markdown(
        "# Terms\n\n1. The vendor shall provide the service — as described.\n\
         2. The customer shall pay the fees when due.\n\
         3. Either party may terminate on notice.\n",
    );
    assert_eq!(
        outline(&doc),
        [
            (0, "Terms".to_string()),
            (1, "1.".to_string()),
            (1, "2.".to_string()),
            (1, "3.".to_string())
        ]
    );
}

#[test]
fn a_nested_list_nests_and_a_numbered_heading_keeps_its_items() {
    let doc = markdown(
        "# Terms\n\n## 3. Fees\n\n1. The customer shall pay.\n   1. Within thirty days.\n   \
         2. In dollars.\n2. Late fees apply.\n\n## 4. Term\n\nThe term is one year.\n",
    );
    assert_eq!(
        outline(&doc),
        [
            (0, "Terms".to_string()),
            (1, "3".to_string()),
            (2, "1.".to_string()),
            (3, "1.".to_string()),
            (3, "2.".to_string()),
            (2, "2.".to_string()),
            (1, "4".to_string())
        ]
    );
}

#[test]
fn a_list_restarting_at_one_inside_a_higher_numbered_list_is_a_sub_list() {
    // Converted documents flatten sub-items: 1–4 belong to 12, and 13 continues the outer list.
    let doc = markdown(
        "12. Paid Services — the fees.\n\n1. General.\n2. No refunds.\n3. Payment.\n\n\
         13. Mobile\n\nSee Section 12(d) above.\n",
    );
    assert_eq!(
        outline(&doc),
        [
            (0, "12.".to_string()),
            (1, "1.".to_string()),
            (1, "2.".to_string()),
            (1, "3.".to_string()),
            (0, "13.".to_string())
        ]
    );
}

#[test]
fn a_list_numbered_one_one_one_is_numbered_by_count() {
    let doc = markdown("1. First — item.\n1. Second item.\n1. Third item.\n");
    assert_eq!(
        outline(&doc),
        [
            (0, "1.".to_string()),
            (0, "2.".to_string()),
            (0, "3.".to_string())
        ]
    );
}
