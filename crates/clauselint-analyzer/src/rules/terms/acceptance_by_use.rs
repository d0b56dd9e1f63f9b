//! `terms/acceptance-by-use` (CLAUDETTE `use`)
//!
//! ## What it flags
//! Terms that bind the consumer merely because they use, access, visit, install or keep using the
//! service: "By using the Service you agree to these Terms", "your continued use constitutes
//! acceptance of the revised Terms", "you will be deemed to have accepted the changes".
//!
//! ## Why it matters
//! Consent inferred from conduct is weak consent: the consumer may never have seen the terms, and
//! "continued use" turns every later change into an agreement nobody signed. It is potentially
//! unfair (CLAUDETTE level 2) and in many legal systems such terms are not incorporated at all
//! unless the consumer had a real opportunity to read them before being bound.
//!
//! ## Not flagged
//! Express acceptance ("by clicking I agree"), instructions not to use the service without
//! agreeing ("if you do not agree, do not use the Service"), and clauses where the consumer is told
//! the changes bind only once they accept them.

use super::common::{dual_regex, finding_at, quote_from, regex, sentences_with_any, DualRegex};
use crate::context::{Context, SentenceFacts};
use crate::finding::{Finding, Severity};
use crate::lexicon::Concept;
use crate::pattern::{AnyWord, InOrder};
use crate::rule::{Rule, RuleDoc, RuleMeta, Scope};

pub struct AcceptanceByUse;

static META: RuleMeta = RuleMeta {
    id: "terms/acceptance-by-use",
    default_severity: Severity::Warning,
    doc: RuleDoc {
        summary: "The consumer is bound merely by using, accessing or continuing to use the service.",
        why: "Consent inferred from conduct lets terms — and every later change to them — bind a consumer \
              who may never have read them. Ask for express acceptance of the terms and of each material change.",
        example: "By using the Service, you agree to be bound by these Terms.",
        suggested: "These Terms apply once you accept them by ticking the acceptance box when you create your \
                    account. We will ask for your express acceptance of any material change, and until you give \
                    it the version you accepted continues to apply.",
        references: &[
            "REVIEW-GUIDE: Unfair terms — contract by using (use)",
            "Council Directive 93/13/EEC, Annex 1(i)",
            "Lippi et al. (2019), CLAUDETTE, category use",
        ],
    },
};

/// Conduct that is treated as consent.
const CONDUCT: &str = r"(?:continu(?-u:\w)* (?:to )?(?:use|using|access(?-u:\w)*)|(?:use|using|uses|access|accessing|visit(?-u:\w)*|brows(?-u:\w)*|download(?-u:\w)*|install(?-u:\w)*|register(?-u:\w)*|signing up|sign up|creat(?-u:\w)* (?:an? |your )?(?:(?-u:\w)+ )?account|open(?-u:\w)*|placing an order|shopping|participat(?-u:\w)*|maintain(?-u:\w)*|utiliz(?-u:\w)*|utilis(?-u:\w)*)|your (?:continued |further |ongoing )?(?:use|access|usage|participation)|the (?:continued |ongoing |further )?(?:use|usage) of)";

/// A literal inside every wording of [`CONDUCT`].
const CONDUCT_LITERALS: &[&str] = &[
    "continu",
    "use",
    "using",
    "usage",
    "access",
    "visit",
    "brows",
    "download",
    "install",
    "register",
    "sign",
    "creat",
    "open",
    "placing an order",
    "shopping",
    "participat",
    "maintain",
    "utiliz",
    "utilis",
];

/// A literal inside every wording of [`ASSENT_TO`] (its assent verb, or "bound"/"binding").
const ASSENT_LITERALS: &[&str] = &["bound", "binding", "agree", "accept", "consent", "signif"];

/// The stretches of the patterns of [`by_conduct`] in the order they must occur, each inside a
/// run without `.` or `;` (`accept_by` allows `;`): a sentence without that order is not searched.
static BY_IN_ORDER: InOrder = InOrder::new(
    &[
        &["by "],
        CONDUCT_LITERALS,
        &["you", "user", "subscriber"],
        ASSENT_LITERALS,
    ],
    b".;",
);
static CONSTITUTES_IN_ORDER: InOrder = InOrder::new(
    &[
        CONDUCT_LITERALS,
        &[
            "constitut",
            "means",
            "indicat",
            "signif",
            "construed",
            "deemed",
        ],
        ASSENT_LITERALS,
    ],
    b".;",
);
static SUBJECT_NEW_IN_ORDER: InOrder = InOrder::new(
    &[
        CONDUCT_LITERALS,
        &["is subject to "],
        &["new", "revised", "updated", "amended", "modified"],
    ],
    b".;",
);
static AS_ACCEPTANCE_IN_ORDER: InOrder = InOrder::new(
    &[
        CONDUCT_LITERALS,
        &[
            "as acceptance",
            "as your acceptance",
            "as agreement",
            "as your agreement",
            "as consent",
            "as your consent",
        ],
    ],
    b".;",
);
static CONDITIONAL_IN_ORDER: InOrder = InOrder::new(
    &[
        &[
            "if you",
            "when you",
            "once you",
            "where you",
            "whenever you",
        ],
        CONDUCT_LITERALS,
        &["you"],
        ASSENT_LITERALS,
    ],
    b".;",
);
static BOUND_IF_IN_ORDER: InOrder = InOrder::new(
    &[
        &["bound", "become part of your agreement", "you agree to th"],
        &["if you"],
        CONDUCT_LITERALS,
    ],
    b".;",
);
static ACCEPT_BY_IN_ORDER: InOrder = InOrder::new(
    &[
        &["accept", "agree to"],
        &["terms", "agreement", "conditions", "tos"],
        &["by"],
        CONDUCT_LITERALS,
    ],
    b".",
);

/// Assent to the terms themselves (not to some other thing: "you agree that we may send emails").
const ASSENT_TO: &str = r"(?:(?:be|are|is|will be|shall be) bound|legally binding contract|(?:agree(?:s|d|ing|ment)?|accept(?:s|ed|ing|ance)?|consent(?:s|ed|ing)?|acknowledge(?-u:\w)* and agree(?-u:\w)*|signify|signifies)(?: (?:to|of|with))?(?: be bound(?: by)?)? (?:(?:all|each|any)(?: of)? )?(?:these|this|the|our|such|those|its|all|any|revised|updated|new|amended|modified|following|relevant|applicable)?[^.;]{0,25}?(?-u:\b)(?:terms|conditions|agreement|tos|t&cs|contract|polic(?:y|ies)|eula|changes|modifications|amendments|updates|revisions|version|fees))";

/// The gate words besides [`ASSENT_GATE_WORDS`] and [`ASSENT_OBJECTS`]: what the other patterns
/// below need (conduct, "constitutes", "deemed", who acts).
const CONDUCT_GATE_WORDS: &[&str] = &[
    "by",
    "constitut",
    "mean",
    "indicat",
    "construed",
    "deemed",
    "acceptance",
    "if you",
    "when you",
    "once you",
    "where you",
    "whenever you",
    "accepted by you",
    "fail",
    "by ",
    "you",
    "user",
    "subscriber",
    "binding contract",
    "deemed to have",
];

/// What assent is given to: the literals that end `ASSENT_TO`, which needs one of them.
const ASSENT_OBJECTS: &[&str] = &[
    "terms",
    "conditions",
    "agreement",
    "tos",
    "t&cs",
    "contract",
    "polic",
    "eula",
    "changes",
    "modifications",
    "amendments",
    "updates",
    "revisions",
    "version",
    "fees",
];

const GATE_WORD_COUNT: usize =
    ASSENT_GATE_WORDS.len() + CONDUCT_GATE_WORDS.len() + ASSENT_OBJECTS.len();

/// Literals the patterns below need, found in one Aho-Corasick pass over the sentence: the gates
/// keep the large patterns (whose lazy DFAs keep growing new states on new text) off sentences
/// that cannot match.
const GATE_WORDS: [&str; GATE_WORD_COUNT] = {
    let parts = [ASSENT_GATE_WORDS, CONDUCT_GATE_WORDS, ASSENT_OBJECTS];
    let mut words = [""; GATE_WORD_COUNT];
    let (mut part, mut at, mut i) = (0, 0, 0);
    while part < parts.len() {
        if at == parts[part].len() {
            part += 1;
            at = 0;
            continue;
        }
        words[i] = parts[part][at];
        at += 1;
        i += 1;
    }
    words
};

/// Which of [`GATE_WORDS`] occur in `norm`, as bits.
fn gate_words(norm: &str) -> u64 {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    let ac = AC.get_or_init(|| aho_corasick::AhoCorasick::new(GATE_WORDS).expect("valid literals"));
    ac.find_overlapping_iter(norm)
        .fold(0, |bits, m| bits | 1 << m.pattern().as_usize())
}

/// The bit of `word` in [`gate_words`]'s result.
const fn gate(word: &str) -> u64 {
    let mut i = 0;
    while i < GATE_WORDS.len() {
        if const_eq(GATE_WORDS[i], word) {
            return 1 << i;
        }
        i += 1;
    }
    panic!("not a gate word")
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Any of the words.
const fn any(words: &[&str]) -> u64 {
    let mut bits = 0;
    let mut i = 0;
    while i < words.len() {
        bits |= gate(words[i]);
        i += 1;
    }
    bits
}

/// Every pattern of [`by_conduct`] needs one of these words; most sentences that mention use
/// have none. They are also the first of [`GATE_WORDS`].
const ASSENT_GATE_WORDS: &[&str] = &[
    "agree",
    "accept",
    "consent",
    "bound",
    "binding",
    "signif",
    "subject to",
];

fn by_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b)by (?:[a-z\x22',/ ]{{0,60}}? )?{CONDUCT}(?-u:\b)[^.;]*?(?-u:\b)(?:you|user|users|subscriber)(?-u:\b)[^.;]*?(?-u:\b){ASSENT_TO}"
    ))
}

fn constitutes_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b){CONDUCT}(?-u:\b)[^.;]*?(?-u:\b)(?:constitutes?|constituting|shall constitute|will constitute|means|indicates?|signifies|signify|will be construed|shall be deemed|will be deemed|is deemed)(?-u:\b)[^.;]{{0,40}}?(?-u:\b)(?:(?:your )?(?:acceptance|agreement|consent|accept|agree)(?:s|d|ed|ing|ment)?(?-u:\b)|{ASSENT_TO})"
    ))
}

fn subject_new_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b){CONDUCT}(?-u:\b)[^.;]*?(?-u:\b)is subject to (?:the )?(?:relevant )?(?:new|revised|updated|amended|modified) (?:terms|t&cs|agreement|version|conditions)"
    ))
}

fn as_acceptance_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b){CONDUCT}(?-u:\b)[^.;]*?(?-u:\b)as (?:your )?(?:acceptance|agreement|consent)(?-u:\b)"
    ))
}

fn conditional_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b)(?:if|when|once|where|whenever) you(?-u:\b)[^.;]{{0,30}}?(?-u:\b){CONDUCT}(?-u:\b)[^.;]*?(?-u:\b)you(?-u:\b)[^.;]{{0,40}}?(?-u:\b)(?:{ASSENT_TO}|(?:will be|shall be|are) deemed to have (?:accepted|agreed|consented))"
    ))
}

fn bound_if_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b)(?:you will be bound|will be bound by them|you are bound|become part of your agreement|you agree to (?:these|the) terms)(?-u:\b)[^.;]*?(?-u:\b)if you(?-u:\b)[^.;]{{0,20}}?(?-u:\b){CONDUCT}"
    ))
}

fn accept_by_pattern() -> &'static DualRegex {
    dual_regex!(format!(
        r"(?-u:\b)(?:accept|agree to)(?-u:\w)* (?:the |these |this )?(?:terms|agreement|conditions|tos)(?-u:\b)[^.]{{0,20}}(?-u:\b)by(?-u:\b)[^.]*?(?-u:\b)(?:actually )?{CONDUCT}"
    ))
}

/// The patterns of [`by_conduct`] that an [`InOrder`] gate guards, with their gates.
#[cfg(test)]
fn gated_patterns() -> [(&'static DualRegex, &'static InOrder); 7] {
    [
        (by_pattern(), &BY_IN_ORDER),
        (constitutes_pattern(), &CONSTITUTES_IN_ORDER),
        (subject_new_pattern(), &SUBJECT_NEW_IN_ORDER),
        (as_acceptance_pattern(), &AS_ACCEPTANCE_IN_ORDER),
        (conditional_pattern(), &CONDITIONAL_IN_ORDER),
        (bound_if_pattern(), &BOUND_IF_IN_ORDER),
        (accept_by_pattern(), &ACCEPT_BY_IN_ORDER),
    ]
}

fn by_conduct(norm: &str) -> Option<(usize, usize)> {
    const ASSENT_WORDS: u64 = any(ASSENT_GATE_WORDS);
    // One search that stops at the first assent word, where `gate_words` reports every
    // occurrence of every gate word ("by", "you" are everywhere).
    static ASSENT: AnyWord = AnyWord::new(ASSENT_GATE_WORDS);
    if !ASSENT.is_in(norm) {
        return None;
    }
    let present = gate_words(norm);
    if present & ASSENT_WORDS == 0 {
        return None;
    }
    let has = |bits: u64| present & bits != 0;
    // `ASSENT_TO` needs "bound", "binding contract", or an assent verb and what it is given to.
    let assent_to = has(any(&["bound", "binding contract"]))
        || (has(any(&["agree", "accept", "consent", "signif"])) && has(any(ASSENT_OBJECTS)));
    // "By using the Service, you agree …", "by clicking accept or accessing the service, you agree".
    let by = by_pattern();
    // "Your continued use … constitutes / means / indicates acceptance", "use … will be construed
    // to be your acceptance".
    let constitutes = constitutes_pattern();
    // "the ongoing use of our Products is subject to the relevant new T&Cs".
    let subject_new = subject_new_pattern();
    // "treat Your use of the services as acceptance of the Agreement".
    let as_acceptance = as_acceptance_pattern();
    // "If you continue to use the Service after …, you agree / you will be bound",
    // "When you use our Services you agree to all of these terms".
    let conditional = conditional_pattern();
    // "you will be bound by them if you continue to use", "become part of your agreement with us
    // if you use those Services".
    let bound_if = bound_if_pattern();
    // "You can accept the Agreement by … actually using the services".
    let accept_by = accept_by_pattern();
    // "These Terms are accepted by you … when you download and/or use the Software".
    let accepted_when = dual_regex!(format!(
        r"(?-u:\b)accepted by you(?-u:\b)[^.]*?(?-u:\b)when you(?-u:\b)[^.;]{{0,30}}?(?-u:\b){CONDUCT}"
    ));
    // Silence as acceptance: "you will be deemed to have accepted the changes unless you notify us",
    // "your failure to cancel … will constitute your acceptance".
    let deemed = dual_regex!(
        r"(?-u:\b)(?:you|user|users)(?-u:\b)[^.;]{0,30}?(?-u:\b)(?:will be|shall be|are|is) deemed to have (?:accepted|agreed|consented)|(?-u:\b)(?:failure|fail) to (?:cancel|object|reject|terminate)(?-u:\b)[^.;]*?(?-u:\b)(?:constitutes?|will constitute|shall constitute|means)(?-u:\b)[^.;]{0,30}?(?-u:\b)(?:acceptance|agreement|consent)|(?-u:\b)deemed (?:that you have|your) (?:accepted|consented|acceptance|consent)"
    );
    let off_topic = dual_regex!(
        r"(?-u:\b)(?:pay|on behalf of|described in|receive|provide|transfer(?-u:\w)*|collected|processed|must (?:agree|accept)|agree(?-u:\w)* that|acknowledge(?-u:\w)* that)(?-u:\b)"
    );
    // Each pattern needs at least one of its words; checking that first keeps the lazy DFAs of
    // these large patterns from being built for sentences that cannot match.
    let patterns: [(bool, &DualRegex); 9] = [
        (
            has(gate("by "))
                && has(any(&["you", "user", "subscriber"]))
                && assent_to
                && BY_IN_ORDER.may_match(norm),
            by,
        ),
        (
            has(any(&[
                "constitut",
                "mean",
                "indicat",
                "signif",
                "construed",
                "deemed",
            ])) && (has(any(&[
                "acceptance",
                "agreement",
                "consent",
                "accept",
                "agree",
            ])) || assent_to)
                && CONSTITUTES_IN_ORDER.may_match(norm),
            constitutes,
        ),
        (
            has(gate("subject to")) && SUBJECT_NEW_IN_ORDER.may_match(norm),
            subject_new,
        ),
        (
            has(any(&["acceptance", "agreement", "consent"]))
                && AS_ACCEPTANCE_IN_ORDER.may_match(norm),
            as_acceptance,
        ),
        (
            has(any(&[
                "if you",
                "when you",
                "once you",
                "where you",
                "whenever you",
            ])) && (assent_to || has(gate("deemed to have")))
                && CONDITIONAL_IN_ORDER.may_match(norm),
            conditional,
        ),
        (
            has(gate("if you")) && BOUND_IF_IN_ORDER.may_match(norm),
            bound_if,
        ),
        (
            has(gate("by")) && ACCEPT_BY_IN_ORDER.may_match(norm),
            accept_by,
        ),
        (has(gate("accepted by you")), accepted_when),
        (has(any(&["deemed", "fail"])), deemed),
    ];
    for (possible, re) in patterns {
        if !possible {
            continue;
        }
        let found = re.find_map(norm, |start, end| {
            // The assent must be to the terms, not to something the terms go on to describe.
            let tail_from = end.saturating_sub(45).max(start);
            let tail_from = clauselint_parser::line_index::floor_char_boundary(norm, tail_from);
            let tail_to = clauselint_parser::line_index::floor_char_boundary(
                norm,
                (end + 25).min(norm.len()),
            );
            (!off_topic.is_match(&norm[tail_from..tail_to])).then_some((start, end))
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// "If you do not agree, do not use the Service": the opposite direction, not consent by use.
fn merely_instruction(norm: &str) -> bool {
    regex!(r"(?-u:\b)(?:if you do not|if you don't|if you disagree|unless you)(?-u:\b)[^.;]{0,20}(?-u:\b)(?:agree|accept)(?-u:\w)*(?-u:\b)[^.]*(?-u:\b)(?:do not|don't|not|cease|stop|discontinue)(?-u:\b)[^.;]{0,30}(?-u:\b)(?:use|using|access)").is_match(norm)
}

impl Rule for AcceptanceByUse {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Local
    }

    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let concepts = Concept::Use.bit() | Concept::Consent.bit() | Concept::OptOut.bit();
        for s in sentences_with_any(cx, concepts) {
            if let Some(f) = assess(cx, s) {
                out.push(f);
            }
        }
    }
}

fn assess(cx: &Context, s: &SentenceFacts) -> Option<Finding> {
    let (start, end) = by_conduct(&s.norm)?;
    if merely_instruction(&s.norm) {
        return None;
    }
    let quote = quote_from(cx, s, start, end, 4);
    let changes = regex!(
        r"(?-u:\b)(?:continu(?-u:\w)*|revised|updated|modified|amended|changes?|modifications?)(?-u:\b)"
    )
    .is_match(&s.norm[start..end]);
    let why = if changes {
        "continued use is made to count as acceptance of changed terms, so a revision binds the consumer \
         without any act of agreement. Ask that material changes bind only after express acceptance, with \
         the previous version applying until then"
    } else {
        "the consumer is bound by conduct, not by an informed act of agreement, and may never have seen the \
         terms. Ask for express acceptance (a tick box or signature) before the terms apply"
    };
    Some(finding_at(
        cx,
        &META,
        s,
        Severity::Warning,
        format!("Contract by use: “{quote}”. Here {why}."),
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_clean, assert_flags};

    /// A gate that refused a sentence its pattern matches would drop findings silently.
    fn assert_gates_admit(text: &str) {
        for (regex, gate) in super::gated_patterns() {
            assert!(
                !regex.is_match(text) || gate.may_match(text),
                "a gate refuses {text:?}"
            );
        }
    }

    #[test]
    fn gates_admit_what_their_patterns_match() {
        let mut matched = 0;
        for text in [
            "by using amazon services, you signify your agreement to be bound by these conditions.",
            "your continued use of our communications after the effective date of such changes constitutes your acceptance of such changes.",
            "if you continue to use the service after the changes become effective, then you agree to the revised agreement.",
            "once any updated terms are in effect, you will be bound by them if you continue to use our products.",
            "the ongoing use of our products is subject to the relevant new t&cs.",
            "we treat your use of the services as acceptance of the agreement.",
            "you can accept the agreement by actually using the services; or by clicking.",
            "by accessing “the site” — you agree to these terms",
        ] {
            assert_gates_admit(text);
            matched += super::gated_patterns()
                .iter()
                .filter(|(regex, _)| regex.is_match(text))
                .count();
        }
        assert!(
            matched >= 7,
            "the examples exercise the patterns ({matched} matches)"
        );
    }

    proptest::proptest! {
        #[test]
        fn gates_admit_what_their_patterns_match_on_any_text(
            words in proptest::collection::vec(
                "(by|by using|using|use|usage|access|continue to use|creating an account|sign up|the|service|you|user|your|agree|agree to|accept|acceptance|consent|bound|be bound|binding contract|signify|these|terms|agreement|conditions|constitutes|means|deemed|as|as your acceptance|if you|when you|is subject to|new|revised|become part of your agreement|actually|will be|\\.|;|,|“|é)",
                0..24,
            )
        ) {
            assert_gates_admit(&words.join(" "));
        }
    }

    const ID: &str = "terms/acceptance-by-use";

    #[test]
    fn flags_use_as_acceptance() {
        // Amazon Conditions of Use.
        assert_flags(
            ID,
            "By using Amazon Services, you signify your agreement to be bound by these conditions.",
        );
        // Kardia (AliveCor), in capitals.
        assert_flags(ID, "BY CLICKING “ACCEPT” OR ACCESSING THE ALIVECOR SERVICE, YOU AGREE TO BE BOUND BY THE TERMS OF SERVICE.");
        // Endomondo (Under Armour).
        assert_flags(ID, "YOUR CHOICE TO MAINTAIN AN ACCOUNT, ACCESS OR USE THE SERVICES (REGARDLESS OF WHETHER YOU CREATE AN ACCOUNT WITH US) CONSTITUTES YOUR AGREEMENT TO THESE TERMS AND OUR PRIVACY POLICY.");
    }

    #[test]
    fn flags_continued_use_after_changes() {
        // Mozilla Communications Terms.
        assert_flags(ID, "Your continued use of our Communications after the effective date of such changes constitutes your acceptance of such changes.");
        // Tinder.
        assert_flags(ID, "If you continue to use the Service after the changes become effective, then you agree to the revised Agreement.");
        // Facebook.
        assert_flags(ID, "Once any updated Terms are in effect, you will be bound by them if you continue to use our Products.");
        // GooglePayments: silence as acceptance.
        assert_flags(ID, "You understand and agree that You will be deemed to have accepted the changes unless You notify GPL to the contrary.");
    }

    #[test]
    fn assent_to_something_else_is_not_flagged() {
        // Tricky (Endomondo): conduct, but assent to something other than the terms.
        assert_clean(ID, "By using our Services, you agree, represent and warrant that you have received consent from your physician to participate in wellness and fitness programs.");
    }

    #[test]
    fn express_acceptance_and_instructions_are_not_flagged() {
        assert_clean(ID, "By clicking “I agree”, you accept these Terms.");
        // Tumblr.
        assert_clean(ID, "If you don’t agree to all the terms and conditions of this Agreement, you shouldn't, and aren't permitted to, use the Services.");
        assert_clean(
            ID,
            "You agree to use the Services only for lawful purposes.",
        );
        assert_clean(
            ID,
            "We will ask for your express agreement before any change applies to you.",
        );
    }
}
