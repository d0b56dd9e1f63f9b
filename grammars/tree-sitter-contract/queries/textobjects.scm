; nvim-treesitter-textobjects names (Helix: see editors/helix/queries/contract/textobjects.scm).

; A clause with its sub-clauses; inside: the paragraphs and sub-clauses after its heading line.
(clause) @class.outer

(clause
  (paragraph) @class.inner)

(clause
  (clause) @class.inner)

; A definition sentence and its defined term.
(definition) @function.outer

(definition
  term: (term_quote
    (term) @function.inner))

(paragraph) @block.outer

(cross_reference) @parameter.outer
