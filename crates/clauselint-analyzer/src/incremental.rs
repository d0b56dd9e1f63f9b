//! Re-analysis after an edit that re-runs only what the edit can have changed.
//!
//! [`Incremental`] keeps, for one document, the parsed model, every sentence's facts, and the
//! findings of each [`Scope::Local`] rule per *unit* (a run of consecutive blocks). Given the next
//! version's `Document` it finds the edited byte range (common prefix and suffix of the texts), and
//! takes the fast path only when the edit left the document's structure alone: the same blocks,
//! clauses, sentences, definitions and cross-references (term uses may differ: only whole-document
//! rules read them), with every span equal to the
//! old one moved past the edit, and the same document-wide facts (party aliases, content, usage
//! and AI-tool names). Then it
//! - keeps the facts of every sentence outside the edited range (moved by the length change) and
//!   recomputes those of the sentences the edit touches, and the lead-ins that changed;
//! - re-runs the `Local` rules only on the units holding a changed sentence or a list item whose
//!   lead-in changed, keeping (moved) the other units' findings;
//! - re-runs `Document` rules, custom rules and suppression comments on the whole document.
//!
//! Anything else (a new paragraph, a changed number, title or defined term, a definition that now
//! names a party or content) is a full analysis, which also rebuilds the per-unit findings. The
//! result is always exactly what [`Analyzer::analyze`] returns for the new document; the
//! `incremental_equals_full` test checks that on random edits of the bundled corpus.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

pub(crate) use clauselint_parser::{common_prefix, common_suffix};
use clauselint_parser::{Deadline, Document, Format, Span};

use crate::context::{
    ai_terms_from, doc_facts, in_heading, lead_in, mark_ai_terms_in, sentence_facts, Context,
    DocFacts, ExtraNames, Hit, SentenceFacts,
};
use crate::finding::Finding;
use crate::lexicon::Concept;
use crate::rule::{Rule, Scope};
use crate::rules::drafting::{brands_asked_for, BrandTally};
use crate::Analyzer;

/// Sentences per unit (at least; a unit ends at a block boundary). Small units re-run little
/// after an edit; each unit costs one call per local rule on a full analysis.
const UNIT_SENTENCES: usize = 24;

/// What the last [`Incremental::update`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Update {
    /// The text did not change.
    Unchanged,
    /// Local rules re-ran on `units` of `of` units.
    Partial {
        sentences: usize,
        units: usize,
        of: usize,
    },
    /// Everything re-ran, for the reason given.
    Full(&'static str),
}

/// One document's analysis, kept so the next version can reuse what an edit did not touch.
pub struct Incremental {
    analyzer: Arc<Analyzer>,
    doc: Arc<Document>,
    sentences: Vec<SentenceFacts>,
    /// For sentences whose facts gained AI-tool hits, their hits and mask before that.
    unmarked: Vec<Option<(Vec<Hit>, u64)>>,
    facts: DocFacts,
    extra: ExtraNames,
    /// Sentence index ranges, in order, covering every sentence.
    units: Vec<Range<usize>>,
    /// `local[i][u]`: findings of the `i`-th local rule on unit `u` (settled, before suppression).
    local: Vec<Vec<Vec<Finding>>>,
    /// The drafting rules' brand evidence, kept once they have asked for brand names (most
    /// documents never need them).
    brands: Option<BrandTally>,
    /// Whether the last run's rules asked for brand names.
    brands_asked: bool,
    findings: Vec<Finding>,
}

/// The byte range an edit replaced: `start..old_end` in the old text is `start..new_end` in the new.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TextEdit {
    start: usize,
    old_end: usize,
    new_end: usize,
}

impl TextEdit {
    /// The smallest range outside which both the source and the analysis text are unchanged, or
    /// `None` when nothing changed. The old range is never empty (an insertion takes the character
    /// before it along), so every old offset is clearly before, inside or after it.
    fn between(old: &Document, new: &Document) -> Option<TextEdit> {
        let (os, ns) = (old.source.as_bytes(), new.source.as_bytes());
        let (ot, nt) = (old.text.as_bytes(), new.text.as_bytes());
        if os == ns && ot == nt {
            return None;
        }
        let mut start = common_prefix(os, ns).min(common_prefix(ot, nt));
        let max_suffix = os.len().min(ns.len()) - start;
        let suffix = common_suffix(os, ns)
            .min(common_suffix(ot, nt))
            .min(max_suffix);
        let (mut old_end, mut new_end) = (os.len() - suffix, ns.len() - suffix);
        while !old.source.is_char_boundary(start) {
            start -= 1;
        }
        while !old.source.is_char_boundary(old_end) || !new.source.is_char_boundary(new_end) {
            old_end += 1;
            new_end += 1;
        }
        if old_end == start {
            if let Some(c) = old.source[..start].chars().next_back() {
                start -= c.len_utf8();
            } else if let Some(c) = old.source[old_end..].chars().next() {
                old_end += c.len_utf8();
                new_end += c.len_utf8();
            }
        }
        Some(TextEdit {
            start,
            old_end,
            new_end,
        })
    }

    fn delta(&self) -> isize {
        self.new_end as isize - self.old_end as isize
    }

    /// Where an old offset is in the new text; `None` strictly inside the replaced range.
    fn map(&self, x: usize) -> Option<usize> {
        if x <= self.start {
            Some(x)
        } else if x >= self.old_end {
            Some(x.wrapping_add_signed(self.delta()))
        } else {
            None
        }
    }

    fn map_span(&self, s: Span) -> Option<Span> {
        Some(Span::new(self.map(s.start)?, self.map(s.end)?))
    }

    /// A new span lies entirely outside the edited range, so its text is unchanged. A span that
    /// merely reaches the range counts as touched: after a deletion the new range is empty, and a
    /// sentence ending at it may have ended at the old range's start (unchanged) or at its end
    /// (the deleted text was its last words, "…similar to the Servi|ces.|").
    fn untouched(&self, s: Span) -> bool {
        s.end < self.start || s.start > self.new_end
    }
}

/// What keeps `new` from being `old` with every span moved past `edit` (the same structure, only
/// the text inside the edited range differs), if anything: the reason for a full analysis.
///
/// Term uses are not compared: only `Document`-scope rules read them (`drafting/unused-definition`
/// and `drafting/inconsistent-term`), and those re-run on the whole new document after every
/// edit, so typing inside a defined term ("Customer Cxontent" is no use of it) need not cost a
/// full analysis. A `Local` rule that starts reading term uses must make this compare them again.
fn structure_change(old: &Document, new: &Document, edit: &TextEdit) -> Option<&'static str> {
    let span = |o: Span, n: Span| edit.map_span(o) == Some(n);
    let opt_span = |o: Option<Span>, n: Option<Span>| match (o, n) {
        (Some(o), Some(n)) => span(o, n),
        (None, None) => true,
        _ => false,
    };
    fn all<T>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| eq(x, y))
    }
    if old.format != new.format || !matches!(new.format, Format::Markdown | Format::Text) {
        return Some("the format changed");
    }
    if !all(&old.blocks, &new.blocks, |o, n| {
        o.kind == n.kind
            && span(o.span, n.span)
            && span(o.text_span, n.text_span)
            && o.clause == n.clause
            && o.first_sentence == n.first_sentence
            && o.sentence_count == n.sentence_count
            && o.heading_level == n.heading_level
    }) {
        return Some("the blocks changed");
    }
    if !all(&old.sentences, &new.sentences, |o, n| {
        span(o.span, n.span) && o.block == n.block && o.clause == n.clause
    }) {
        return Some("the sentences changed");
    }
    if !all(&old.clauses, &new.clauses, |o, n| {
        o.id == n.id
            && o.number == n.number
            && o.keys == n.keys
            && o.title == n.title
            && opt_span(o.title_span, n.title_span)
            && o.style == n.style
            && o.is_heading == n.is_heading
            && span(o.span, n.span)
            && o.head_block == n.head_block
            && o.depth == n.depth
            && o.parent == n.parent
            && o.children == n.children
    }) {
        return Some("the clauses changed");
    }
    if !all(&old.definitions, &new.definitions, |o, n| {
        o.term == n.term
            && span(o.term_span, n.term_span)
            && span(o.definition_span, n.definition_span)
            && o.style == n.style
            && o.sentence == n.sentence
    }) {
        return Some("the definitions changed");
    }
    if !all(&old.cross_refs, &new.cross_refs, |o, n| {
        o.kind == n.kind
            && span(o.span, n.span)
            && o.external == n.external
            && all(&o.targets, &n.targets, |a, b| {
                a.key == b.key && span(a.span, b.span) && a.resolved == b.resolved
            })
    }) {
        return Some("the cross-references changed");
    }
    if !all(&old.strong_spans, &new.strong_spans, |o, n| span(*o, *n)) {
        return Some("the bold text changed");
    }
    if !all(&old.diagnostics, &new.diagnostics, |o, n| {
        o.level == n.level && o.message == n.message && opt_span(o.span, n.span)
    }) {
        return Some("the parse notices changed");
    }
    None
}

/// The sentences of `doc` on a line the edit touched (or on the line after it): all that can read
/// an edited byte, or a byte next to one, when they read their own lines.
fn sentences_on_edited_lines(doc: &Document, edit: &TextEdit) -> Range<usize> {
    let text = doc.text.as_bytes();
    let from = text[..edit.start]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap_or(0);
    let to = text[edit.new_end..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| edit.new_end + i + 1);
    let first = doc.sentences.partition_point(|s| s.span.end < from);
    let end = doc.sentences.partition_point(|s| s.span.start <= to);
    first..end.max(first)
}

/// Moves a kept finding's spans past the edit; `false` if one falls inside the edited range.
fn shift_finding(f: &mut Finding, edit: &TextEdit) -> bool {
    let mut ok = true;
    let mut move_span = |s: &mut Span| match edit.map_span(*s) {
        Some(m) => *s = m,
        None => ok = false,
    };
    move_span(&mut f.span);
    for r in &mut f.related {
        move_span(&mut r.span);
    }
    if let Some(fix) = &mut f.fix {
        for e in &mut fix.edits {
            move_span(&mut e.span);
        }
    }
    ok
}

/// Consecutive blocks grouped into units of at least [`UNIT_SENTENCES`] sentences.
fn units_of(doc: &Document) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut start = 0;
    for b in &doc.blocks {
        if b.first_sentence >= start + UNIT_SENTENCES {
            units.push(start..b.first_sentence);
            start = b.first_sentence;
        }
    }
    if start < doc.sentences.len() || units.is_empty() {
        units.push(start..doc.sentences.len());
    }
    units
}

/// Marks AI-tool names in a sentence's facts, remembering its facts before when that added hits.
fn mark(terms: &[String], s: &mut SentenceFacts) -> Option<(Vec<Hit>, u64)> {
    if !terms.iter().any(|t| s.norm.contains(t.as_str())) {
        return None;
    }
    let before = (s.hits.clone(), s.mask);
    mark_ai_terms_in(terms, s).then_some(before)
}

impl Incremental {
    /// A full analysis of `doc`, kept for updates.
    pub fn new(analyzer: Arc<Analyzer>, doc: Arc<Document>) -> Self {
        Incremental::analyse(analyzer, doc, false)
    }

    /// [`Incremental::new`]; `brands` when the rules are known to want brand names (they did for
    /// the previous version), so their evidence is kept from the start.
    fn analyse(analyzer: Arc<Analyzer>, doc: Arc<Document>, brands: bool) -> Self {
        let mut facts = doc_facts(&doc);
        let extra = ExtraNames::new(&facts, analyzer.vocabulary());
        let mut sentences: Vec<SentenceFacts> = (0..doc.sentences.len())
            .map(|i| sentence_facts(&doc, i, &extra, lead_in(&doc, doc.sentences[i].block)))
            .collect();
        facts.ai_terms = ai_terms_from(
            &doc,
            sentences
                .iter()
                .filter(|s| s.has(Concept::Ai) && !s.has(Concept::Negation))
                .map(|s| s.norm.as_str()),
        );
        let unmarked = sentences
            .iter_mut()
            .map(|s| mark(&facts.ai_terms, s))
            .collect();
        let units = units_of(&doc);
        let brands = brands.then(|| BrandTally::new(&doc));
        let mut state = Incremental {
            analyzer,
            doc,
            sentences,
            unmarked,
            facts,
            extra,
            units,
            local: Vec::new(),
            brands_asked: brands.is_some(),
            brands,
            findings: Vec::new(),
        };
        state.run(None);
        state
    }

    pub fn analyzer(&self) -> &Arc<Analyzer> {
        &self.analyzer
    }

    pub fn document(&self) -> &Arc<Document> {
        &self.doc
    }

    /// The findings for the current document: what [`Analyzer::analyze`] returns for it.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Moves to the next version of the document.
    pub fn update(&mut self, doc: Arc<Document>) -> Update {
        match self.try_update(doc) {
            Ok(update) => update,
            Err((reason, doc)) => {
                *self = Incremental::analyse(self.analyzer.clone(), doc, self.brands_asked);
                Update::Full(reason)
            }
        }
    }

    /// The fast path, or why it does not apply (with the document back for a full analysis).
    fn try_update(&mut self, doc: Arc<Document>) -> Result<Update, (&'static str, Arc<Document>)> {
        let Some(edit) = TextEdit::between(&self.doc, &doc) else {
            let same = self.doc.format == doc.format;
            if same {
                self.doc = doc;
                return Ok(Update::Unchanged);
            }
            return Err(("the format changed", doc));
        };
        if let Some(reason) = structure_change(&self.doc, &doc, &edit) {
            return Err((reason, doc));
        }
        // The document-wide facts read the definitions (the same, moved, by the structure check)
        // and the text of their definition spans: unless the edit reaches one, they are as they were.
        let facts = if doc
            .definitions
            .iter()
            .all(|d| edit.untouched(d.definition_span))
        {
            self.facts.clone()
        } else {
            let mut facts = doc_facts(&doc);
            facts.ai_terms.clone_from(&self.facts.ai_terms);
            if facts != self.facts {
                return Err(("the document-wide facts changed", doc));
            }
            facts
        };
        // Sentence facts: kept outside the edit, recomputed (before AI-tool marking) inside it.
        let delta = edit.delta();
        let mut changed = vec![false; doc.sentences.len()];
        for (i, s) in doc.sentences.iter().enumerate() {
            let facts = &mut self.sentences[i];
            if edit.untouched(s.span) {
                if s.span.start >= edit.new_end {
                    facts.shift(delta);
                }
                facts.in_heading = in_heading(&doc, i);
            } else {
                *facts = sentence_facts(&doc, i, &self.extra, facts.lead_in);
                self.unmarked[i] = None;
                changed[i] = true;
            }
        }
        let ai_terms = ai_terms_from(
            &doc,
            self.sentences
                .iter()
                .zip(&self.unmarked)
                .filter(|(s, before)| {
                    let mask = before.as_ref().map_or(s.mask, |b| b.1);
                    mask & Concept::Ai.bit() != 0 && mask & Concept::Negation.bit() == 0
                })
                .map(|(s, _)| s.norm.as_str()),
        );
        if ai_terms != facts.ai_terms {
            return Err(("the AI-backed tool names changed", doc));
        }
        for (i, s) in self.sentences.iter_mut().enumerate() {
            if changed[i] {
                self.unmarked[i] = mark(&ai_terms, s);
            }
        }
        self.facts = facts;
        // A list item's lead-in follows the text of the blocks before it.
        let mut block_lead_in: Option<(usize, Option<usize>)> = None;
        for (i, s) in doc.sentences.iter().enumerate() {
            let lead = match block_lead_in {
                Some((b, l)) if b == s.block => l,
                _ => {
                    let l = lead_in(&doc, s.block);
                    block_lead_in = Some((s.block, l));
                    l
                }
            };
            if self.sentences[i].lead_in != lead {
                self.sentences[i].lead_in = lead;
                changed[i] = true;
            }
        }
        // A sentence is affected when its facts changed or its lead-in's did.
        let mut affected = changed;
        for i in 0..affected.len() {
            if let Some(l) = self.sentences[i].lead_in {
                affected[i] |= affected[l];
            }
        }
        let dirty: Vec<bool> = self
            .units
            .iter()
            .map(|u| affected[u.clone()].contains(&true))
            .collect();
        for (u, unit_findings) in self.local.iter_mut().flat_map(|r| r.iter_mut().enumerate()) {
            if !dirty[u] && !unit_findings.iter_mut().all(|f| shift_finding(f, &edit)) {
                return Err(("a kept finding reaches into the edit", doc));
            }
        }
        // Brand evidence comes from the words of each sentence and the bytes next to them.
        if self.brands_asked {
            match &mut self.brands {
                Some(tally) => {
                    for si in sentences_on_edited_lines(&doc, &edit) {
                        tally.replace_sentence(&self.doc, &doc, si);
                    }
                }
                None => self.brands = Some(BrandTally::new(&doc)),
            }
        }
        self.doc = doc;
        let update = Update::Partial {
            sentences: affected.iter().filter(|a| **a).count(),
            units: dirty.iter().filter(|d| **d).count(),
            of: self.units.len(),
        };
        self.run(Some(&dirty));
        Ok(update)
    }

    /// Runs the rules: local rules on the `dirty` units (all when `None`), the others everywhere.
    fn run(&mut self, dirty: Option<&[bool]>) {
        let analyzer = self.analyzer.clone();
        let doc = self.doc.clone();
        let facts = std::mem::take(&mut self.facts);
        let cx = Context::from_parts(&doc, std::mem::take(&mut self.sentences), facts);
        if let Some(tally) = &self.brands {
            tally.provide(&cx);
        }
        let rules = analyzer.rules();
        let local_count = rules.iter().filter(|r| r.scope() == Scope::Local).count();
        if dirty.is_none() || self.local.len() != local_count {
            self.local = vec![vec![Vec::new(); self.units.len()]; local_count];
        }
        // Each rule's findings, gathered in rule order at the end: the order `Analyzer::analyze`
        // gives, whichever thread ran the rule.
        let mut by_rule: Vec<Vec<Finding>> = vec![Vec::new(); rules.len()];
        let mut slots = RuleSlots::default();
        for (rule, out) in rules.iter().zip(by_rule.iter_mut()) {
            match (rule.scope(), runs_on_helper(*rule)) {
                (Scope::Local, _) => slots.local.push((*rule, out)),
                (Scope::Document, true) => slots.helper.push((*rule, out)),
                (Scope::Document, false) => slots.own.push((*rule, out)),
            }
        }
        let (kept, units) = (&mut self.local, &self.units);
        let mut run_local = |slots: Vec<Slot>| {
            let mut view = cx.focused_view();
            for ((rule, out), per_unit) in slots.into_iter().zip(kept.iter_mut()) {
                let meta = rule.meta();
                for (u, range) in units.iter().enumerate() {
                    if dirty.is_none_or(|d| d[u]) {
                        let mut unit_out = Vec::new();
                        view.focus = Some(range.clone());
                        rule.check(&view, &mut unit_out);
                        analyzer.settle(meta, &doc, &mut unit_out);
                        per_unit[u] = unit_out;
                    }
                    out.extend(per_unit[u].iter().cloned());
                }
            }
        };
        let run_rule = |rule: &dyn Rule, out: &mut Vec<Finding>| {
            rule.check(&cx, out);
            analyzer.settle(rule.meta(), &doc, out);
        };
        let run_whole = |slots: Vec<Slot>| {
            for (rule, out) in slots {
                run_rule(rule, out);
            }
        };
        // The helper's rules start first and run beside all the others, the clause-level ones
        // included: those read the sentences through a focused view of their own. The other
        // whole-document rules go to whichever thread is free first, one rule at a time.
        let RuleSlots { local, helper, own } = slots;
        let own: Vec<Mutex<Option<Slot>>> = own.into_iter().map(|s| Mutex::new(Some(s))).collect();
        let next_own = AtomicUsize::new(0);
        let run_own = || {
            while let Some(slot) = own.get(next_own.fetch_add(1, Ordering::Relaxed)) {
                let taken = slot
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .take();
                if let Some((rule, out)) = taken {
                    run_rule(rule, out);
                }
            }
        };
        match rule_helper() {
            Some(pool) if !helper.is_empty() => pool.in_place_scope(|scope| {
                scope.spawn(|_| {
                    run_whole(helper);
                    run_own();
                });
                run_local(local);
                run_own();
            }),
            _ => {
                run_local(local);
                run_whole(helper);
                run_own();
            }
        }
        let mut findings = Vec::with_capacity(by_rule.iter().map(Vec::len).sum());
        for out in by_rule {
            findings.extend(out);
        }
        if let Err(e) = analyzer.check_custom(&cx, &mut findings, &Deadline::never()) {
            unreachable!("custom rules without a deadline ran out of time: {e}");
        }
        self.brands_asked = brands_asked_for(&cx);
        let Context {
            sentences, facts, ..
        } = cx;
        self.sentences = sentences.into_owned();
        self.facts = facts;
        self.findings = analyzer.finish(&doc, findings);
    }
}

/// A rule and the vector its findings go into.
type Slot<'r, 'f> = (&'r dyn Rule, &'f mut Vec<Finding>);

/// Where each rule's findings go, by the thread that runs it.
#[derive(Default)]
struct RuleSlots<'r, 'f> {
    /// `Scope::Local` rules, in rule order (the order of `Incremental::local`).
    local: Vec<Slot<'r, 'f>>,
    /// Whole-document rules for the helper thread ([`runs_on_helper`]).
    helper: Vec<Slot<'r, 'f>>,
    /// The other whole-document rules: the calling thread takes them after the local ones, the
    /// helper after its own, each the next one not yet taken.
    own: Vec<Slot<'r, 'f>>,
}

/// Whether a whole-document rule runs on the [`rule_helper`] thread: the drafting checks, about
/// two thirds of what an edit re-runs on the AWS terms (`drafting/inconsistent-term` alone a
/// third). They always run there, so the per-thread state they keep between versions (the term
/// search of `drafting::term_search`, the regexes' lazy automata) is found again on the next edit,
/// and the drafting facts they share (`Context::drafting`) are built on the thread that reads them.
fn runs_on_helper(rule: &dyn Rule) -> bool {
    rule.meta().group() == "drafting"
}

/// The one thread that runs the [`runs_on_helper`] rules while the calling thread runs the other
/// whole-document rules; `None` on a single core (or when the thread cannot be started), where
/// the calling thread runs them all.
fn rule_helper() -> Option<&'static rayon::ThreadPool> {
    static HELPER: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    HELPER
        .get_or_init(|| {
            let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            if cores < 2 {
                return None;
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .thread_name(|_| "clauselint-rules".into())
                // The same allowance as the language server's analysis thread, whose rules these are.
                .stack_size(64 * 1024 * 1024)
                .build()
                .ok()
        })
        .as_ref()
}

#[cfg(test)]
mod tests;
