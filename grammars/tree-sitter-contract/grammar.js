/**
 * @file The structure of a contract: headings, numbered clauses at any depth, run-in titles,
 * definitions, defined-term quotes, cross-references and body text.
 *
 * Every terminal comes from the external scanner (src/scanner.c): numbering and nesting depend on
 * what is open (like indentation in Python), and prose must never fail to parse, so the scanner
 * classifies each line and falls back to body text for anything it cannot place.
 */

module.exports = grammar({
  name: 'contract',

  extras: (_) => [],

  externals: ($) => [
    $._block_end,
    $._line_break,
    $._close,
    $._clause_open,
    $._paragraph_open,
    $.number,
    $.title,
    $.heading,
    $.text,
    $.sentence_end,
    $.cross_reference,
    $._quote_open,
    $.term,
    $._quote_close,
    $.definition_verb,
    $._paren_open,
    $._paren_close,
    $._error_sentinel,
  ],

  rules: {
    document: ($) => repeat($._block),

    _block: ($) => choice($.clause, $.paragraph),

    // A clause runs from its opening line to the scanner's `_close`, which comes before the next
    // line that opens a sibling or an outer clause (or at the end of the document).
    clause: ($) =>
      seq(
        $._clause_open,
        choice(
          seq(field('number', $.number), optional(field('title', choice($.title, $.heading)))),
          field('title', choice($.heading, $.title)),
        ),
        optional($._content),
        $._block_end,
        repeat($._block),
        $._close,
      ),

    paragraph: ($) => seq($._paragraph_open, $._content, $._block_end),

    _content: ($) => repeat1(choice($._inline, $._line_break)),

    _inline: ($) =>
      choice(
        $.text,
        $.sentence_end,
        $.cross_reference,
        $.term_quote,
        $.definition,
        $.parenthetical_definition,
      ),

    // `"Customer Content" means …` up to the end of the sentence.
    definition: ($) =>
      prec.right(
        seq(
          field('term', $.term_quote),
          $.definition_verb,
          repeat(
            choice($.text, $.cross_reference, $.term_quote, $.parenthetical_definition, $._line_break),
          ),
          optional($.sentence_end),
        ),
      ),

    // `(the "Services")`, `(collectively, "Data")`.
    parenthetical_definition: ($) =>
      seq($._paren_open, field('term', $.term_quote), $._paren_close),

    term_quote: ($) => seq($._quote_open, $.term, $._quote_close),
  },
});
