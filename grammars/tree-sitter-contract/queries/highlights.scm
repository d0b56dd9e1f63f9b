; Capture names shared by nvim-treesitter and Helix.

(heading) @markup.heading

(clause
  title: (title) @markup.heading)

(clause
  number: (number) @markup.list)

; Every quoted term; a defined term (in a definition sentence or a parenthetical definition)
; gets its own capture on the inner node, which wins over the enclosing quote.
(term_quote) @string

(definition
  term: (term_quote
    (term) @constant))

(parenthetical_definition
  term: (term_quote
    (term) @constant))

(definition_verb) @keyword

(cross_reference) @markup.link
