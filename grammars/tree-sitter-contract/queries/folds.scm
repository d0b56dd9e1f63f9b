; A clause folds with everything under it: its body and its sub-clauses.
(clause) @fold
