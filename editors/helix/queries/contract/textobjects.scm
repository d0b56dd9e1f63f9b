; Helix text objects: `mac` / `mic` select a clause (with its sub-clauses) / its body,
; `maf` / `mif` a definition sentence / its defined term. Navigation: `]c` / `[c` would collide
; with diffs, so use `]t` / `[t` (class) as Helix maps them.

(clause) @class.around

(clause
  (paragraph) @class.inside)

(clause
  (clause) @class.inside)

(definition) @function.around

(definition
  term: (term_quote
    (term) @function.inside))

(cross_reference) @parameter.around
