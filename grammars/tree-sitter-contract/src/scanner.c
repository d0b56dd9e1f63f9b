// External scanner for tree-sitter-contract.
//
// Contract structure is line-oriented and context-dependent: whether "(i)" is the ninth letter or
// the first roman numeral, and whether "2." closes the clause above it, depends on which clauses are
// open. The scanner keeps that stack (like the indentation stack of a Python scanner) and produces
// every token, so that any character can always become body text and prose never fails to parse.
//
// Robustness rules kept throughout: lines are read into fixed-size buffers (longer lines are only
// prose), the clause stack has a fixed capacity (deeper numbering is body text), there is no
// recursion, and every decision that needs to look past a token's end is made with the token end
// already marked, so lookahead never changes what a token covers.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum TokenType {
  BLOCK_END,
  LINE_BREAK,
  CLOSE,
  CLAUSE_OPEN,
  PARAGRAPH_OPEN,
  NUMBER,
  TITLE,
  HEADING,
  TEXT,
  SENTENCE_END,
  CROSS_REFERENCE,
  QUOTE_OPEN,
  TERM,
  QUOTE_CLOSE,
  DEFINITION_VERB,
  PAREN_OPEN,
  PAREN_CLOSE,
  ERROR_SENTINEL,
};

// Numbering styles; the values mirror clauselint-parser's `NumberStyle`.
enum Style {
  STYLE_NONE,
  STYLE_HEADING,
  STYLE_ARTICLE,
  STYLE_DECIMAL,
  STYLE_PAREN_LOWER,
  STYLE_PAREN_UPPER,
  STYLE_PAREN_ROMAN,
  STYLE_PAREN_DIGIT,
  STYLE_ALPHA_LOWER,
  STYLE_ALPHA_UPPER,
  STYLE_ROMAN,
  STYLE_RUN_IN,
  STYLE_ATTACHMENT,
};

#define MAX_DEPTH 48
#define LINE_CAP 256
#define MAX_TERM_CHARS 100

typedef struct {
  uint8_t style;
  // Decimal: number of dotted components; heading: heading level.
  uint8_t level;
  // Heading level of a heading line (numbered or not), 0 for body clauses.
  uint8_t heading_level;
  // First letter of an alphabetic label and its length, to tell "(i)" after "(h)" from a numeral.
  uint8_t letter;
  uint8_t letter_len;
} OpenClause;

typedef struct {
  uint8_t depth;
  // At the start of a block: the document start, or just after a block end.
  uint8_t block_start;
  // A block has been opened before (the first ALL-CAPS line is a level-1 heading, later ones 2).
  uint8_t seen_block;
  // The current line so far ends like a closed sentence; a numbered line after it opens a clause.
  uint8_t line_closed;
  uint8_t line_is_heading;
  // Skip the spaces between a clause number and what follows it.
  uint8_t after_number;
  // Set when `_close` tokens are being emitted before an opener: the opener's style was decided
  // against the stack as it was before popping.
  uint8_t decided;
  uint8_t decided_style;
  uint8_t decided_level;
  // How many open clauses survive the opener being decided: computed once, before popping, since
  // popping a sibling changes what the stack search would find.
  uint8_t decided_keep;
  uint8_t title_kind;  // 0 none, 1 title, 2 heading
  uint16_t pending_number;
  uint16_t pending_title;
  uint16_t pending_term;
  uint16_t pending_verb;
  OpenClause stack[MAX_DEPTH];
} Scanner;

typedef struct {
  int32_t chars[LINE_CAP];
  uint32_t len;
  // The line had more than LINE_CAP characters: it is prose, never a heading or title.
  bool truncated;
  // The line ended at the end of the input rather than at a newline.
  bool at_eof;
} Line;

// ---------------------------------------------------------------------------------------------
// Characters

static bool is_newline(int32_t c) { return c == '\n' || c == '\r'; }

static bool is_space(int32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static bool is_hspace(int32_t c) { return is_space(c) && !is_newline(c); }

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_ascii_lower(int32_t c) { return c >= 'a' && c <= 'z'; }
static bool is_ascii_upper(int32_t c) { return c >= 'A' && c <= 'Z'; }
static bool is_ascii_alpha(int32_t c) { return is_ascii_lower(c) || is_ascii_upper(c); }
static int32_t ascii_lower(int32_t c) { return is_ascii_upper(c) ? c + 32 : c; }

static bool is_upper(int32_t c) {
  if (is_ascii_upper(c)) return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

static bool is_alpha(int32_t c) {
  if (is_ascii_alpha(c)) return true;
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE00 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return false;
  if (c >= 0xD800 && c <= 0xDFFF) return false;
  return c != 0xFEFF;
}

static bool is_alnum(int32_t c) { return is_alpha(c) || is_digit(c); }
static bool is_ascii_word(int32_t c) { return is_ascii_alpha(c) || is_digit(c) || c == '_'; }

static uint32_t utf8_len(int32_t c) {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  return 4;
}

static bool is_open_quote(int32_t c) { return c == '"' || c == 0x201C || c == 0x2018; }
static bool is_close_quote(int32_t c) { return c == '"' || c == 0x201D || c == 0x2019; }
static bool is_any_quote(int32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

static bool is_roman_char(int32_t c) {
  switch (ascii_lower(c)) {
    case 'i': case 'v': case 'x': case 'l': case 'c': case 'd': case 'm': return true;
    default: return false;
  }
}

static int roman_digit(int32_t c) {
  switch (ascii_lower(c)) {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    case 'l': return 50;
    case 'c': return 100;
    case 'd': return 500;
    case 'm': return 1000;
    default: return 0;
  }
}

static bool is_roman(const int32_t *s, uint32_t n) {
  if (n == 0 || n > 15) return false;
  long total = 0;
  for (uint32_t i = 0; i < n; i++) {
    int v = roman_digit(s[i]);
    if (v == 0) return false;
    int next = i + 1 < n ? roman_digit(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  return total > 0 && total < 4000;
}

// Case-insensitive comparison of a buffer slice with an ASCII word.
static bool word_is(const int32_t *s, uint32_t n, const char *word) {
  uint32_t len = (uint32_t)strlen(word);
  if (len != n) return false;
  for (uint32_t i = 0; i < n; i++) {
    if (ascii_lower(s[i]) != (int32_t)word[i]) return false;
  }
  return true;
}

static bool word_in(const int32_t *s, uint32_t n, const char *const *words) {
  for (const char *const *w = words; *w; w++) {
    if (word_is(s, n, *w)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Lexer helpers

static void advance(TSLexer *lexer) { lexer->advance(lexer, false); }
static void skip(TSLexer *lexer) { lexer->advance(lexer, true); }

static bool advance_chars(TSLexer *lexer, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (lexer->eof(lexer)) return false;
    advance(lexer);
  }
  return true;
}

// Reads the rest of the current line (without its newline) into `line`, consuming it as lookahead.
// Stops after the newline, so a second call reads the next line.
static void read_line(TSLexer *lexer, Line *line) {
  line->len = 0;
  line->truncated = false;
  line->at_eof = false;
  for (;;) {
    if (lexer->eof(lexer)) {
      line->at_eof = true;
      break;
    }
    int32_t c = lexer->lookahead;
    if (c == '\n') {
      advance(lexer);
      break;
    }
    if (line->len < LINE_CAP) {
      line->chars[line->len++] = c;
    } else {
      line->truncated = true;
    }
    advance(lexer);
  }
  // A trailing carriage return belongs to the newline.
  while (line->len > 0 && line->chars[line->len - 1] == '\r') line->len--;
}

static uint32_t trim_start(const Line *line) {
  uint32_t i = 0;
  while (i < line->len && is_space(line->chars[i])) i++;
  return i;
}

static uint32_t trim_end(const Line *line, uint32_t from) {
  uint32_t end = line->len;
  while (end > from && is_space(line->chars[end - 1])) end--;
  return end;
}

static bool line_blank(const Line *line) { return trim_start(line) == line->len && !line->truncated; }

static uint32_t byte_len(const int32_t *s, uint32_t n) {
  uint32_t bytes = 0;
  for (uint32_t i = 0; i < n; i++) bytes += utf8_len(s[i]);
  return bytes;
}

static uint32_t count_words(const int32_t *s, uint32_t n) {
  uint32_t words = 0;
  bool in_word = false;
  for (uint32_t i = 0; i < n; i++) {
    bool space = is_space(s[i]);
    if (!space && !in_word) words++;
    in_word = !space;
  }
  return words;
}

// A line whose trimmed text ends like a closed sentence (`.`, `:`, `;`, `!`, `?`, `—`, or the
// words "and"/"or"): a numbered line after it starts a new block rather than continuing it.
static bool ends_closed(const int32_t *s, uint32_t n) {
  while (n > 0 && is_space(s[n - 1])) n--;
  if (n == 0) return false;
  int32_t c = s[n - 1];
  if (c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == 0x2014) return true;
  if (n >= 3 && s[n - 3] == 'a' && s[n - 2] == 'n' && s[n - 1] == 'd') return true;
  if (n >= 2 && s[n - 2] == 'o' && s[n - 1] == 'r') return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Line classification (mirrors clauselint-parser's numbering.rs)

typedef enum { LABEL_NONE, LABEL_KEYWORD, LABEL_ATTACHMENT, LABEL_DECIMAL, LABEL_PAREN, LABEL_LETTER } LabelKind;

typedef struct {
  LabelKind kind;
  // Characters of the number as written (with its trailing `.`/`)`), and with the spaces after it.
  uint32_t written;
  uint32_t consumed;
  uint8_t style;
  uint8_t level;
  // For paren/letter labels: where the label's letters are and how many.
  uint32_t label_start;
  uint32_t label_len;
  bool is_article;
  bool keyword_num_decimal;
  uint32_t parts;
} Number;

// Digits with optional `\.`-separated components: `10`, `1.2.3`, `10\.4`. Returns the end or 0.
static uint32_t scan_decimal(const int32_t *s, uint32_t n, uint32_t i, uint32_t *parts) {
  uint32_t start = i;
  while (i < n && is_digit(s[i]) && i - start < 4) i++;
  if (i == start || i - start > 3) return 0;
  if (i < n && is_digit(s[i])) return 0;
  *parts = 1;
  for (;;) {
    uint32_t j = i;
    if (j < n && s[j] == '\\') j++;
    if (j < n && s[j] == '.') {
      j++;
      uint32_t digits = j;
      while (j < n && is_digit(s[j])) j++;
      if (j > digits && j - digits <= 3) {
        i = j;
        (*parts)++;
        continue;
      }
    }
    break;
  }
  return i;
}

// After a label: optional trailing punctuation (tried with and without), then a space or the end.
static bool follow_ok(const int32_t *s, uint32_t n, uint32_t i) { return i >= n || is_space(s[i]); }

static uint32_t skip_spaces(const int32_t *s, uint32_t n, uint32_t i) {
  while (i < n && is_space(s[i])) i++;
  return i;
}

static uint32_t read_ascii_word(const int32_t *s, uint32_t n, uint32_t i) {
  while (i < n && is_ascii_alpha(s[i])) i++;
  return i;
}

static bool parse_number(const int32_t *s, uint32_t n, Number *out) {
  memset(out, 0, sizeof(*out));
  uint32_t end = 0;

  // `Section 5`, `Sec. 2`, `Article IV`, `Clause 3.1`, `Part B`, `Paragraph 2`.
  uint32_t w = read_ascii_word(s, n, 0);
  if (w > 0) {
    bool sec_dot = word_is(s, w, "sec") && w < n && s[w] == '.';
    static const char *const keywords[] = {"section", "article", "clause", "part", "paragraph", NULL};
    static const char *const attachments[] = {"exhibit", "schedule", "annex", "appendix", "attachment", NULL};
    uint32_t after_kw = sec_dot ? w + 1 : w;
    if ((sec_dot || word_in(s, w, keywords)) && after_kw < n && is_space(s[after_kw])) {
      uint32_t i = skip_spaces(s, n, after_kw);
      uint32_t parts = 0;
      uint32_t num_end = scan_decimal(s, n, i, &parts);
      bool decimal = num_end > 0;
      if (!decimal) {
        uint32_t j = i;
        bool upper = j < n && is_ascii_upper(s[j]);
        while (j < n && is_roman_char(s[j]) && (is_ascii_upper(s[j]) == upper) && j - i < 8) j++;
        if (j > i && j - i <= 7 && !(j < n && is_ascii_word(s[j]))) {
          num_end = j;
        } else if (i < n && is_ascii_upper(s[i]) && !(i + 1 < n && is_ascii_word(s[i + 1]))) {
          num_end = i + 1;
        }
      }
      if (num_end > 0) {
        uint32_t with_punct = num_end;
        if (with_punct < n && s[with_punct] == '\\') with_punct++;
        bool punct = with_punct < n && (s[with_punct] == '.' || s[with_punct] == ':');
        if (punct && follow_ok(s, n, with_punct + 1)) {
          end = with_punct + 1;
        } else if (follow_ok(s, n, num_end)) {
          end = num_end;
        }
        if (end > 0) {
          out->kind = LABEL_KEYWORD;
          out->is_article = word_is(s, w, "article");
          out->keyword_num_decimal = decimal;
          out->parts = parts;
        }
      }
    } else if (word_in(s, w, attachments) && w < n && is_space(s[w])) {
      uint32_t i = skip_spaces(s, n, w);
      uint32_t j = i;
      while (j < n && (is_ascii_upper(s[j]) || is_digit(s[j])) && j - i < 4) j++;
      uint32_t num_end = 0;
      if (j > i && j - i <= 3 && !(j < n && is_ascii_word(s[j]))) num_end = j;
      if (num_end > 0) {
        uint32_t with_punct = num_end;
        if (with_punct < n && s[with_punct] == '\\') with_punct++;
        bool punct = with_punct < n && (s[with_punct] == '.' || s[with_punct] == ':');
        if (punct && follow_ok(s, n, with_punct + 1)) {
          end = with_punct + 1;
        } else if (follow_ok(s, n, num_end)) {
          end = num_end;
        }
        if (end > 0) out->kind = LABEL_ATTACHMENT;
      }
    }
  }

  // `§ 5`, `§§ 2.1`.
  if (end == 0 && n > 0 && s[0] == 0xA7) {
    uint32_t i = 1;
    if (i < n && s[i] == 0xA7) i++;
    i = skip_spaces(s, n, i);
    uint32_t parts = 0;
    uint32_t num_end = scan_decimal(s, n, i, &parts);
    if (num_end > 0) {
      uint32_t with_punct = num_end;
      if (with_punct < n && s[with_punct] == '\\') with_punct++;
      if (with_punct < n && s[with_punct] == '.' && follow_ok(s, n, with_punct + 1)) {
        end = with_punct + 1;
      } else if (follow_ok(s, n, num_end)) {
        end = num_end;
      }
      if (end > 0) {
        out->kind = LABEL_DECIMAL;
        out->parts = parts;
      }
    }
  }

  // `1.2.3`, `1.2.`, `1.2)`, `10.`, `10\.`, `10 .`, `10)`.
  if (end == 0 && n > 0 && is_digit(s[0])) {
    uint32_t parts = 0;
    uint32_t num_end = scan_decimal(s, n, 0, &parts);
    if (num_end > 0 && parts > 1) {
      uint32_t with_punct = num_end;
      if (with_punct < n && s[with_punct] == '\\') with_punct++;
      if (with_punct < n && (s[with_punct] == '.' || s[with_punct] == ')') &&
          follow_ok(s, n, with_punct + 1)) {
        end = with_punct + 1;
      } else if (follow_ok(s, n, num_end)) {
        end = num_end;
      }
    } else if (num_end > 0) {
      uint32_t i = num_end;
      if (i < n && s[i] == '\\' && i + 1 < n && s[i + 1] == '.') {
        i += 2;
      } else if (i < n && (s[i] == '.' || s[i] == ')')) {
        i += 1;
      } else if (i + 1 < n && s[i] == ' ' && s[i + 1] == '.') {
        i += 2;
      } else {
        i = 0;
      }
      if (i > 0 && follow_ok(s, n, i)) end = i;
    }
    if (end > 0) {
      out->kind = LABEL_DECIMAL;
      out->parts = parts;
    }
  }

  // `(a)`, `(iv)`, `(B)`, `(12)`.
  if (end == 0 && n > 2 && s[0] == '(') {
    uint32_t i = 1;
    while (i < n && i < 8 && (is_ascii_alpha(s[i]) || is_digit(s[i]))) i++;
    uint32_t len = i - 1;
    if (len > 0 && i < n && s[i] == ')' && follow_ok(s, n, i + 1)) {
      const int32_t *l = s + 1;
      bool all_lower = true, all_upper = true, all_digit = true, all_roman = true;
      for (uint32_t k = 0; k < len; k++) {
        all_lower = all_lower && is_ascii_lower(l[k]);
        all_upper = all_upper && is_ascii_upper(l[k]);
        all_digit = all_digit && is_digit(l[k]);
        all_roman = all_roman && is_roman_char(l[k]);
      }
      bool ok = (all_lower && (len <= 2 || (all_roman && len <= 6))) ||
                (all_upper && (len <= 2 || (all_roman && len <= 6))) || (all_digit && len <= 3);
      if (ok) {
        end = i + 1;
        out->kind = LABEL_PAREN;
        out->label_start = 1;
        out->label_len = len;
      }
    }
  }

  // `a.`, `B)`, `iv.`, `XII)`.
  if (end == 0 && n > 1 && is_ascii_alpha(s[0])) {
    uint32_t i = 0;
    while (i < n && i < 8 && is_ascii_alpha(s[i])) i++;
    bool all_lower = true, all_upper = true, all_roman = true;
    for (uint32_t k = 0; k < i; k++) {
      all_lower = all_lower && is_ascii_lower(s[k]);
      all_upper = all_upper && is_ascii_upper(s[k]);
      all_roman = all_roman && is_roman_char(s[k]);
    }
    bool ok = i == 1 || (i >= 2 && i <= 6 && all_roman && (all_lower || all_upper));
    if (ok && i < n) {
      uint32_t j = i;
      if (s[j] == '\\' && j + 1 < n && s[j + 1] == '.') {
        j += 2;
      } else if (s[j] == '.' || s[j] == ')') {
        j += 1;
      } else {
        j = 0;
      }
      if (j > 0 && follow_ok(s, n, j)) {
        end = j;
        out->kind = LABEL_LETTER;
        out->label_start = 0;
        out->label_len = i;
      }
    }
  }

  if (end == 0) return false;
  uint32_t consumed = skip_spaces(s, n, end);
  // "1.5 million" or "2. 5%": a number followed by an amount is not a clause number.
  if (consumed < n && (s[consumed] == '%' || s[consumed] == '$')) return false;
  out->written = end;
  out->consumed = consumed;
  return true;
}

// An ALL-CAPS title line (`LIMITATION OF LIABILITY`, `10. CUSTOMER CONTENT`).
static bool is_title_line(const Line *line) {
  if (line->truncated) return false;
  uint32_t start = trim_start(line);
  uint32_t end = trim_end(line, start);
  const int32_t *s = line->chars + start;
  uint32_t n = end - start;
  uint32_t bytes = byte_len(s, n);
  if (bytes < 3 || bytes > 100) return false;
  if (s[n - 1] == ',' || s[n - 1] == ';') return false;
  uint32_t words = count_words(s, n);
  if (words > 12) return false;
  uint32_t letters = 0, upper = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (is_alpha(s[i])) {
      letters++;
      if (is_upper(s[i])) upper++;
    }
  }
  if (letters < 3) return false;
  return upper * 10 >= letters * 9 && !(s[n - 1] == '.' && words > 6);
}

static const char *const SMALL_WORDS[] = {
    "a",  "an",   "and", "as",   "at",  "by",   "for", "in",   "of",    "on",  "or",  "the",
    "to", "with", "&",   "-",    "your", "our", "its", "from", "under", NULL,
};

static const char *const ABBREVIATIONS[] = {
    "inc", "ltd", "co", "corp", "llc", "no", "u.s", "mr", "ms", "dr", "st", "e.g", "i.e", NULL,
};

// A run-in title at `s` (`Customer Content. You retain…`): returns its length in characters (without
// the stop), or 0. Mirrors numbering::run_in_title without Markdown bold.
static uint32_t run_in_title(const int32_t *s, uint32_t n) {
  uint32_t stop = 0;
  while (stop < n && s[stop] != '.' && s[stop] != ':') stop++;
  if (stop >= n) return 0;
  uint32_t title_end = stop;
  while (title_end > 0 && is_space(s[title_end - 1])) title_end--;
  uint32_t after = skip_spaces(s, n, stop + 1);
  if (title_end == 0 || byte_len(s, title_end) > 80) return 0;
  if (after < n) {
    int32_t a = s[after];
    if (!(is_upper(a) || a == 0x201C || a == '"' || a == '(' || a == 0x2018 || a == '\'')) return 0;
  }
  uint32_t words = 0;
  bool capitalised = true;
  bool first_cap = false;
  uint32_t last_start = 0, last_end = 0;
  uint32_t i = 0;
  while (i < title_end) {
    while (i < title_end && is_space(s[i])) i++;
    if (i >= title_end) break;
    uint32_t ws = i;
    while (i < title_end && !is_space(s[i])) i++;
    uint32_t we = i;
    words++;
    if (words > 8) return 0;
    if (words == 1) first_cap = is_upper(s[ws]);
    last_start = ws;
    last_end = we;
    // The word without surrounding punctuation.
    uint32_t a = ws, b = we;
    while (a < b && !is_alnum(s[a])) a++;
    while (b > a && !is_alnum(s[b - 1])) b--;
    if (a == b) continue;
    bool small = false;
    if (b - a <= 6) {
      small = word_in(s + a, b - a, SMALL_WORDS);
    }
    if (!small && !word_in(s + ws, we - ws, SMALL_WORDS) && !(is_upper(s[a]) || is_digit(s[a]))) {
      // Dashes count as small words even when not surrounded by spaces.
      if (!(we - ws == 1 && (s[ws] == 0x2013 || s[ws] == 0x2014))) capitalised = false;
    }
  }
  if (words == 0) return 0;
  uint32_t last_len = last_end - last_start;
  bool abbreviation = byte_len(s + last_start, last_len) == 1 || word_in(s + last_start, last_len, ABBREVIATIONS);
  if (capitalised && first_cap && !abbreviation && (s[stop] == '.' || words <= 6)) return title_end;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Clause stack

static bool style_eq(const OpenClause *c, uint8_t style, uint8_t level) {
  return c->style == style && (style != STYLE_DECIMAL && style != STYLE_HEADING ? true : c->level == level);
}

static uint8_t letter_style(const Scanner *sc, const int32_t *label, uint32_t len, bool paren) {
  bool lower = true, digit = true;
  for (uint32_t i = 0; i < len; i++) {
    lower = lower && is_ascii_lower(label[i]);
    digit = digit && is_digit(label[i]);
  }
  if (digit) return paren ? STYLE_PAREN_DIGIT : STYLE_DECIMAL;
  uint8_t roman_style = paren ? STYLE_PAREN_ROMAN : STYLE_ROMAN;
  uint8_t alpha_style =
      paren ? (lower ? STYLE_PAREN_LOWER : STYLE_PAREN_UPPER) : (lower ? STYLE_ALPHA_LOWER : STYLE_ALPHA_UPPER);
  if (!is_roman(label, len)) return alpha_style;
  if (len > 1) return roman_style;
  bool follows_alpha = false;
  for (int i = (int)sc->depth - 1; i >= 0; i--) {
    if (sc->stack[i].style == alpha_style) {
      const OpenClause *c = &sc->stack[i];
      follows_alpha = c->letter_len == 1 && ascii_lower(c->letter) + 1 == ascii_lower(label[0]);
      break;
    }
  }
  if (follows_alpha) return alpha_style;
  bool open_roman = false;
  for (uint32_t i = 0; i < sc->depth; i++) open_roman = open_roman || sc->stack[i].style == roman_style;
  if (open_roman || ascii_lower(label[0]) == 'i') return roman_style;
  return alpha_style;
}

static void number_style(const Scanner *sc, const int32_t *s, Number *num) {
  switch (num->kind) {
    case LABEL_KEYWORD:
      if (num->is_article || !num->keyword_num_decimal) {
        num->style = STYLE_ARTICLE;
      } else {
        num->style = STYLE_DECIMAL;
        num->level = (uint8_t)(num->parts > 9 ? 9 : num->parts);
      }
      break;
    case LABEL_ATTACHMENT:
      num->style = STYLE_ATTACHMENT;
      break;
    case LABEL_DECIMAL:
      num->style = STYLE_DECIMAL;
      num->level = (uint8_t)(num->parts > 9 ? 9 : num->parts);
      break;
    case LABEL_PAREN:
    case LABEL_LETTER:
      num->style = letter_style(sc, s + num->label_start, num->label_len, num->kind == LABEL_PAREN);
      num->level = num->style == STYLE_DECIMAL ? 1 : 0;
      break;
    default:
      break;
  }
}

// How many open clauses survive a new clause of `style` (see build_structure's pop_for).
static uint32_t keep_for(const Scanner *sc, uint8_t style, uint8_t level, uint8_t heading_level) {
  int depth = (int)sc->depth;
  if (heading_level > 0 && style == STYLE_HEADING) {
    for (int i = depth - 1; i >= 0; i--) {
      if (sc->stack[i].heading_level > 0 && sc->stack[i].heading_level < heading_level) return (uint32_t)i + 1;
    }
    return 0;
  }
  for (int i = depth - 1; i >= 0; i--) {
    if (style_eq(&sc->stack[i], style, level)) return (uint32_t)i;
  }
  if (style == STYLE_DECIMAL) {
    for (int i = depth - 1; i >= 0; i--) {
      if (sc->stack[i].style == STYLE_DECIMAL && sc->stack[i].level < level) return (uint32_t)i + 1;
    }
  }
  if (heading_level > 0) {
    for (int i = 0; i < depth; i++) {
      if (sc->stack[i].heading_level >= heading_level) return (uint32_t)i;
    }
  }
  return (uint32_t)depth;
}

// ---------------------------------------------------------------------------------------------
// Block starts

typedef struct {
  bool opens;
  uint8_t style;
  uint8_t level;
  uint8_t heading_level;
  uint8_t letter;
  uint8_t letter_len;
  uint32_t number_len;   // characters of the number token (0: no number)
  uint32_t title_skip;   // characters between the line start and the title
  uint32_t title_len;    // characters of the title (0: none)
  uint8_t title_kind;    // 1 title, 2 heading
} Opener;

// A line of only `=` or `-` (a setext underline in Markdown-like text): it underlines a title.
static bool is_underline(const Line *line) {
  uint32_t start = trim_start(line);
  uint32_t end = trim_end(line, start);
  if (end - start < 3) return false;
  for (uint32_t i = start; i < end; i++) {
    if (line->chars[i] != '=' && line->chars[i] != '-') return false;
  }
  return true;
}

// Whether `next` continues the block whose last line closed (or not) like a sentence.
static bool continues_block(const Line *next, bool current_closed) {
  if (line_blank(next)) return false;
  if (is_title_line(next)) return false;
  if (!current_closed) return true;
  uint32_t start = trim_start(next);
  Number num;
  return !parse_number(next->chars + start, next->len - start, &num);
}

static void classify(const Scanner *sc, const Line *line, const Line *next, bool has_next, Opener *op) {
  memset(op, 0, sizeof(*op));
  if (line->len == 0) return;
  uint32_t start = trim_start(line);
  uint32_t end = trim_end(line, start);
  const int32_t *s = line->chars + start;
  uint32_t n = end - start;
  if (n == 0) return;
  bool heading = is_title_line(line);
  bool closed = ends_closed(s, n);
  bool block_continues = has_next && continues_block(next, closed);
  uint8_t heading_level = heading ? (sc->seen_block ? 2 : 1) : 0;

  Number num;
  if (parse_number(s, n, &num)) {
    number_style(sc, s, &num);
    op->opens = true;
    op->style = num.style;
    op->level = num.level;
    op->heading_level = heading_level;
    op->number_len = num.written;
    if (num.kind == LABEL_PAREN || num.kind == LABEL_LETTER) {
      op->letter = (uint8_t)s[num.label_start];
      op->letter_len = (uint8_t)(num.label_len > 255 ? 255 : num.label_len);
    }
    const int32_t *rest = s + num.consumed;
    uint32_t rest_n = n - num.consumed;
    uint32_t title = 0;
    if (heading) {
      uint32_t t = rest_n;
      while (t > 0 && (is_space(rest[t - 1]) || rest[t - 1] == '.' || rest[t - 1] == ':')) t--;
      title = t;
      op->title_kind = 2;
    } else {
      // A run-in title is short, so the first LINE_CAP characters of a long line hold it.
      title = run_in_title(rest, rest_n);
      bool underlined = has_next && is_underline(next);
      if (title == 0 && !line->truncated && (!block_continues || underlined) && rest_n > 0 &&
          is_upper(rest[0])) {
        // "1. Definitions" alone: a short line without sentence punctuation is a title.
        uint32_t words = count_words(rest, rest_n);
        bool punct = false;
        for (uint32_t i = 0; i < rest_n; i++) punct = punct || rest[i] == '.' || rest[i] == ';' || rest[i] == ',';
        if (words > 0 && words <= 8 && !punct) title = rest_n;
      }
      op->title_kind = 1;
    }
    if (title > 0) {
      op->title_skip = start + num.consumed;
      op->title_len = title;
    } else {
      op->title_kind = 0;
    }
    return;
  }
  if (heading) {
    uint32_t t = n;
    while (t > 0 && (is_space(s[t - 1]) || s[t - 1] == '.' || s[t - 1] == ':')) t--;
    if (t == 0) return;
    op->opens = true;
    op->style = STYLE_HEADING;
    op->level = heading_level;
    op->heading_level = heading_level;
    op->title_skip = start;
    op->title_len = t;
    op->title_kind = 2;
    return;
  }
  if (line->truncated && n >= LINE_CAP - start) {
    // Only the first LINE_CAP characters are known; a run-in title fits in them.
  }
  uint32_t title = run_in_title(s, n);
  if (title > 0) {
    uint32_t after = skip_spaces(s, n, title);
    // The title must be followed by more text in the block.
    bool more = after + 1 < n || block_continues || line->truncated;
    if (more) {
      op->opens = true;
      op->style = STYLE_RUN_IN;
      op->title_skip = start;
      op->title_len = title;
      op->title_kind = 1;
    }
  }
}

static void reset_line(Scanner *sc) {
  sc->line_closed = 0;
  sc->line_is_heading = 0;
}

static bool emit(TSLexer *lexer, enum TokenType type) {
  lexer->result_symbol = type;
  return true;
}

static bool scan_block_start(Scanner *sc, TSLexer *lexer, const bool *valid) {
  while (!lexer->eof(lexer) && is_space(lexer->lookahead)) skip(lexer);
  if (lexer->eof(lexer)) {
    if (sc->depth > 0 && valid[CLOSE]) {
      sc->depth--;
      return emit(lexer, CLOSE);
    }
    return false;
  }
  lexer->mark_end(lexer);
  Line line, next;
  read_line(lexer, &line);
  bool has_next = !line.at_eof;
  if (has_next) read_line(lexer, &next);
  Opener op;
  classify(sc, &line, &next, has_next, &op);
  if (op.opens && sc->decided) {
    op.style = sc->decided_style;
    op.level = sc->decided_level;
  }
  bool can_open = op.opens && sc->depth < MAX_DEPTH && valid[CLAUSE_OPEN];
  if (can_open) {
    uint32_t keep = sc->decided ? sc->decided_keep : keep_for(sc, op.style, op.level, op.heading_level);
    if (keep < sc->depth) {
      if (valid[CLOSE]) {
        sc->decided = 1;
        sc->decided_style = op.style;
        sc->decided_level = op.level;
        sc->decided_keep = (uint8_t)keep;
        sc->depth--;
        return emit(lexer, CLOSE);
      }
      can_open = false;
    }
  }
  sc->decided = 0;
  sc->block_start = 0;
  sc->seen_block = 1;
  reset_line(sc);
  if (can_open) {
    OpenClause *c = &sc->stack[sc->depth++];
    c->style = op.style;
    c->level = op.level;
    c->heading_level = op.heading_level;
    c->letter = op.letter;
    c->letter_len = op.letter_len;
    sc->pending_number = (uint16_t)op.number_len;
    sc->title_kind = op.title_len > 0 ? op.title_kind : 0;
    sc->pending_title = (uint16_t)op.title_len;
    if (op.title_kind == 2 || (op.heading_level > 0)) sc->line_is_heading = 1;
    return emit(lexer, CLAUSE_OPEN);
  }
  if (valid[PARAGRAPH_OPEN]) return emit(lexer, PARAGRAPH_OPEN);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Inline constructs

// A quoted term after an opening quote already consumed: returns its length in characters (up to
// the closing quote, which it consumes), or 0 when the quote does not close on the line within
// MAX_TERM_CHARS.
static uint32_t scan_term(TSLexer *lexer) {
  uint32_t n = 0;
  bool has_letter = false;
  while (!lexer->eof(lexer)) {
    int32_t c = lexer->lookahead;
    if (is_newline(c) || c == '(' || c == ')') return 0;
    if (c == 0x2019) {
      // An apostrophe inside a word ("Customer’s") is part of the term; otherwise it closes it.
      advance(lexer);
      if (!lexer->eof(lexer) && is_alpha(lexer->lookahead) && n > 0) {
        n++;
        continue;
      }
      return has_letter ? n : 0;
    }
    if (is_any_quote(c)) {
      advance(lexer);
      return is_close_quote(c) && has_letter ? n : 0;
    }
    if (is_alnum(c)) has_letter = true;
    n++;
    if (n > MAX_TERM_CHARS) return 0;
    advance(lexer);
  }
  return 0;
}

static const char *const VERB_MODALS[] = {"shall", "will", "should", "also", "hereinafter", "herein", NULL};

// After a closing quote: `, means`, `) means`, `shall include`, `has the meaning`… Returns the
// characters up to the end of the verb phrase, or 0.
static uint32_t scan_definition_verb(TSLexer *lexer) {
  enum { MAX_WORDS = 8, WORD_CAP = 12 };
  char words[MAX_WORDS][WORD_CAP + 1];
  uint32_t ends[MAX_WORDS];
  uint32_t count = 0;
  uint32_t pos = 0;
  bool seen_paren = false, seen_comma = false;
  while (!lexer->eof(lexer) && count < MAX_WORDS) {
    int32_t c = lexer->lookahead;
    if (is_hspace(c)) {
      advance(lexer);
      pos++;
      continue;
    }
    if (count == 0 && c == ')' && !seen_paren && !seen_comma) {
      seen_paren = true;
      advance(lexer);
      pos++;
      continue;
    }
    if (count == 0 && c == ',' && !seen_comma) {
      seen_comma = true;
      advance(lexer);
      pos++;
      continue;
    }
    if (!is_ascii_alpha(c)) break;
    uint32_t len = 0;
    while (!lexer->eof(lexer) && is_ascii_alpha(lexer->lookahead)) {
      if (len < WORD_CAP) words[count][len] = (char)ascii_lower(lexer->lookahead);
      len++;
      advance(lexer);
      pos++;
    }
    if (len > WORD_CAP || (!lexer->eof(lexer) && is_ascii_word(lexer->lookahead))) break;
    words[count][len] = 0;
    ends[count] = pos;
    count++;
  }
  uint32_t i = 0;
  while (i < count) {
    bool modal = false;
    for (const char *const *m = VERB_MODALS; *m; m++) modal = modal || strcmp(words[i], *m) == 0;
    if (!modal) break;
    i++;
  }
  if (i >= count) return 0;
#define W(k, s) (i + (k) < count && strcmp(words[i + (k)], s) == 0)
  if (W(0, "means") || W(0, "mean") || W(0, "includes") || W(0, "include")) return ends[i];
  if ((W(0, "refers") || W(0, "refer")) && W(1, "to")) return ends[i + 1];
  if ((W(0, "has") || W(0, "have")) && W(1, "the") && W(2, "meaning")) return ends[i + 2];
  if ((W(0, "is") || W(0, "are")) && W(1, "defined")) return ends[i + 1];
  if (W(0, "is") && W(1, "used") && W(2, "to") && W(3, "refer")) return ends[i + 3];
  if (W(0, "collectively") && W(1, "means")) return ends[i + 1];
#undef W
  return 0;
}

static const char *const XREF_KEYWORDS[] = {
    "section", "sections", "subsection", "subsections", "clause", "clauses", "subclause",
    "subclauses", "article", "articles", "paragraph", "paragraphs", "exhibit", "exhibits",
    "schedule", "schedules", "annex", "annexes", "appendix", "appendices", "attachment",
    "attachments", NULL,
};

static bool scan_paren_label(TSLexer *lexer) {
  if (lexer->lookahead != '(') return false;
  advance(lexer);
  uint32_t n = 0;
  while (!lexer->eof(lexer) && (is_ascii_alpha(lexer->lookahead) || is_digit(lexer->lookahead)) && n < 5) {
    advance(lexer);
    n++;
  }
  if (n == 0 || n > 4 || lexer->lookahead != ')') return false;
  advance(lexer);
  return true;
}

// One reference after a cross-reference keyword: `10.4`, `2(b)`, `(c)(ii)`, `IV`, `A`. Marks the
// end after every complete part.
static bool scan_reference(TSLexer *lexer) {
  int32_t c = lexer->lookahead;
  if (is_digit(c)) {
    uint32_t digits = 0;
    while (!lexer->eof(lexer) && is_digit(lexer->lookahead)) {
      advance(lexer);
      digits++;
    }
    if (digits > 3) return false;
    lexer->mark_end(lexer);
    for (;;) {
      if (lexer->lookahead == '.') {
        advance(lexer);
        uint32_t d = 0;
        while (!lexer->eof(lexer) && is_digit(lexer->lookahead)) {
          advance(lexer);
          d++;
        }
        if (d == 0 || d > 3) return true;
        lexer->mark_end(lexer);
        continue;
      }
      if (lexer->lookahead == ' ') advance(lexer);
      if (lexer->lookahead == '(' && scan_paren_label(lexer)) {
        lexer->mark_end(lexer);
        while (lexer->lookahead == '(' && scan_paren_label(lexer)) lexer->mark_end(lexer);
      }
      return true;
    }
  }
  if (c == '(') {
    if (!scan_paren_label(lexer)) return false;
    lexer->mark_end(lexer);
    while (lexer->lookahead == '(' && scan_paren_label(lexer)) lexer->mark_end(lexer);
    return true;
  }
  if (is_ascii_upper(c)) {
    uint32_t n = 0;
    bool roman = true;
    while (!lexer->eof(lexer) && is_ascii_upper(lexer->lookahead) && n < 7) {
      int32_t l = lexer->lookahead;
      roman = roman && (l == 'I' || l == 'V' || l == 'X' || l == 'L' || l == 'C');
      advance(lexer);
      n++;
    }
    if (!lexer->eof(lexer) && is_ascii_word(lexer->lookahead)) return false;
    if (n == 1 || (roman && n <= 6)) {
      lexer->mark_end(lexer);
      return true;
    }
  }
  return false;
}

// References after the keyword: `10.4`, `3 and 4`, `2(a), (b) or (c)`, `5 through 7`.
static bool scan_reference_list(TSLexer *lexer) {
  while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
  if (!scan_reference(lexer)) return false;
  for (int refs = 1; refs < 32; refs++) {
    while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
    int32_t c = lexer->lookahead;
    bool separated = false;
    if (c == ',' || c == '&' || c == '-' || c == 0x2013) {
      advance(lexer);
      separated = true;
    } else if (is_ascii_alpha(c)) {
      char word[9];
      uint32_t len = 0;
      while (!lexer->eof(lexer) && is_ascii_alpha(lexer->lookahead) && len < 8) {
        word[len++] = (char)ascii_lower(lexer->lookahead);
        advance(lexer);
      }
      word[len] = 0;
      separated = strcmp(word, "and") == 0 || strcmp(word, "or") == 0 || strcmp(word, "through") == 0 ||
                  strcmp(word, "to") == 0;
    }
    if (!separated) break;
    while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
    if (is_ascii_alpha(lexer->lookahead) && !is_ascii_upper(lexer->lookahead)) {
      // ", and 5" / ", or (c)"
      char word[4];
      uint32_t len = 0;
      while (!lexer->eof(lexer) && is_ascii_alpha(lexer->lookahead) && len < 3) {
        word[len++] = (char)ascii_lower(lexer->lookahead);
        advance(lexer);
      }
      word[len] = 0;
      if (!(strcmp(word, "and") == 0 || strcmp(word, "or") == 0)) break;
      while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
    }
    if (!scan_reference(lexer)) break;
  }
  return true;
}

static const char *const PAREN_LEAD_WORDS[] = {
    "the", "a", "an", "each", "any", "such", "this", "these", "our", "your", "its", "collectively",
    "together", "jointly", "individually", "separately", "hereinafter", "herein", "hereafter",
    "after", "referred", "to", "as", "and", "or", "also", "known", "called", "defined", "below",
    "above", "further", NULL,
};

// At `(`: the lead words of a parenthetical definition up to its quoted term. The token end is
// marked after every accepted lead word, so a failed check leaves a plain-text token.
static bool scan_paren_definition(TSLexer *lexer) {
  advance(lexer);
  lexer->mark_end(lexer);
  uint32_t words = 0;
  for (;;) {
    if (lexer->eof(lexer)) return false;
    int32_t c = lexer->lookahead;
    if (is_hspace(c) || c == ',' || c == ':') {
      advance(lexer);
      lexer->mark_end(lexer);
      continue;
    }
    if (is_open_quote(c)) break;
    if (!is_ascii_alpha(c) || words >= 8) return false;
    int32_t word[16];
    uint32_t len = 0;
    while (!lexer->eof(lexer) && is_ascii_alpha(lexer->lookahead)) {
      if (len < 16) word[len] = lexer->lookahead;
      len++;
      advance(lexer);
    }
    if (len > 16 || !word_in(word, len, PAREN_LEAD_WORDS)) return false;
    words++;
    lexer->mark_end(lexer);
  }
  // The quoted term, then the closing parenthesis.
  advance(lexer);
  if (scan_term(lexer) == 0) return false;
  while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
  if (lexer->lookahead == ',' || lexer->lookahead == '.' || lexer->lookahead == ';') advance(lexer);
  while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
  return lexer->lookahead == ')';
}

static bool is_xref_start_letter(int32_t c) {
  switch (ascii_lower(c)) {
    case 's': case 'c': case 'a': case 'p': case 'e': return true;
    default: return false;
  }
}

// Prose up to the next line end, quote, parenthesis, section sign, sentence end or cross-reference
// keyword. Returns false only when nothing at all can be taken.
static bool scan_text(Scanner *sc, TSLexer *lexer, const bool *valid) {
  bool has_text = false;
  bool closed = false;
  bool significant = false;
  int32_t prev_letters[3] = {0, 0, 0};
  for (;;) {
    if (lexer->eof(lexer)) break;
    int32_t c = lexer->lookahead;
    if (c == '\n') break;
    if (c == '\r') {
      advance(lexer);
      if (lexer->eof(lexer) || lexer->lookahead == '\n') break;
      lexer->mark_end(lexer);
      has_text = true;
      continue;
    }
    if (is_open_quote(c) || c == '(' || c == 0xA7) {
      if (has_text) break;
      if (c == 0xA7) {
        advance(lexer);
        lexer->mark_end(lexer);
        if (lexer->lookahead == 0xA7) {
          advance(lexer);
          lexer->mark_end(lexer);
        }
        if (valid[CROSS_REFERENCE] && scan_reference_list(lexer)) {
          sc->line_closed = 0;
          return emit(lexer, CROSS_REFERENCE);
        }
        sc->line_closed = 0;
        return emit(lexer, TEXT);
      }
      if (c == '(') {
        if (valid[PAREN_OPEN] && scan_paren_definition(lexer)) return emit(lexer, PAREN_OPEN);
        sc->line_closed = 0;
        return emit(lexer, TEXT);
      }
      advance(lexer);
      lexer->mark_end(lexer);
      uint32_t term = scan_term(lexer);
      sc->line_closed = 0;
      if (term > 0 && valid[QUOTE_OPEN]) {
        sc->pending_term = (uint16_t)term;
        return emit(lexer, QUOTE_OPEN);
      }
      return emit(lexer, TEXT);
    }
    if (c == '.') {
      advance(lexer);
      bool ends_sentence = lexer->eof(lexer) || is_space(lexer->lookahead);
      if (ends_sentence && has_text) break;
      lexer->mark_end(lexer);
      if (ends_sentence) {
        sc->line_closed = 1;
        return emit(lexer, valid[SENTENCE_END] ? SENTENCE_END : TEXT);
      }
      has_text = true;
      significant = true;
      closed = true;
      prev_letters[0] = prev_letters[1] = prev_letters[2] = 0;
      continue;
    }
    if (is_alnum(c)) {
      bool candidate = is_xref_start_letter(c);
      int32_t word[12];
      uint32_t len = 0;
      while (!lexer->eof(lexer) && is_alnum(lexer->lookahead)) {
        int32_t l = lexer->lookahead;
        if (len < 12) word[len] = l;
        len++;
        prev_letters[0] = prev_letters[1];
        prev_letters[1] = prev_letters[2];
        prev_letters[2] = l;
        advance(lexer);
      }
      bool keyword = candidate && len >= 5 && len <= 11 && word_in(word, len, XREF_KEYWORDS);
      if (keyword) {
        if (has_text) break;
        lexer->mark_end(lexer);
        sc->line_closed = 0;
        if (valid[CROSS_REFERENCE] && scan_reference_list(lexer)) return emit(lexer, CROSS_REFERENCE);
        return emit(lexer, TEXT);
      }
      lexer->mark_end(lexer);
      has_text = true;
      significant = true;
      closed = (prev_letters[0] == 'a' && prev_letters[1] == 'n' && prev_letters[2] == 'd') ||
               (prev_letters[1] == 'o' && prev_letters[2] == 'r');
      continue;
    }
    advance(lexer);
    lexer->mark_end(lexer);
    has_text = true;
    if (!is_space(c)) {
      significant = true;
      closed = c == ':' || c == ';' || c == '!' || c == '?' || c == 0x2014;
      prev_letters[0] = prev_letters[1] = prev_letters[2] = 0;
    }
  }
  if (!has_text) return false;
  if (significant) sc->line_closed = closed;
  return emit(lexer, TEXT);
}

// At a line end inside a block: a line break, or the end of the block (with the blank lines after
// it), decided by what the next line holds.
static bool scan_line_end(Scanner *sc, TSLexer *lexer, const bool *valid) {
  if (lexer->eof(lexer)) {
    if (!valid[BLOCK_END]) return false;
    sc->block_start = 1;
    reset_line(sc);
    return emit(lexer, BLOCK_END);
  }
  if (lexer->lookahead == '\r') advance(lexer);
  if (lexer->lookahead != '\n') {
    // A lone carriage return is prose.
    lexer->mark_end(lexer);
    return valid[TEXT] ? emit(lexer, TEXT) : false;
  }
  advance(lexer);
  lexer->mark_end(lexer);
  while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
  bool block_end;
  if (lexer->eof(lexer) || is_newline(lexer->lookahead)) {
    block_end = true;
    // Swallow the blank lines after the block.
    for (;;) {
      if (lexer->lookahead == '\r') advance(lexer);
      if (lexer->lookahead != '\n') break;
      advance(lexer);
      lexer->mark_end(lexer);
      while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
      if (lexer->eof(lexer)) break;
    }
  } else if (sc->line_is_heading) {
    block_end = true;
  } else {
    Line next;
    read_line(lexer, &next);
    block_end = !continues_block(&next, sc->line_closed);
  }
  if (block_end ? !valid[BLOCK_END] : !valid[LINE_BREAK]) block_end = !block_end;
  if (block_end) {
    sc->block_start = 1;
    reset_line(sc);
    return emit(lexer, BLOCK_END);
  }
  reset_line(sc);
  return emit(lexer, LINE_BREAK);
}

static bool scan(Scanner *sc, TSLexer *lexer, const bool *valid) {
  if (valid[ERROR_SENTINEL]) return false;

  uint16_t pending_number = sc->pending_number;
  uint16_t pending_title = sc->pending_title;
  uint8_t title_kind = sc->title_kind;
  uint16_t pending_term = sc->pending_term;
  uint16_t pending_verb = sc->pending_verb;
  uint8_t after_number = sc->after_number;
  sc->pending_number = sc->pending_title = sc->pending_term = sc->pending_verb = 0;
  sc->title_kind = 0;
  sc->after_number = 0;

  if (sc->block_start && (valid[CLAUSE_OPEN] || valid[PARAGRAPH_OPEN] || valid[CLOSE])) {
    return scan_block_start(sc, lexer, valid);
  }
  if (pending_number > 0 && valid[NUMBER]) {
    if (!advance_chars(lexer, pending_number)) return false;
    lexer->mark_end(lexer);
    sc->pending_title = pending_title;
    sc->title_kind = title_kind;
    sc->after_number = 1;
    sc->line_closed = 1;
    return emit(lexer, NUMBER);
  }
  if (after_number) {
    while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) skip(lexer);
  }
  if (pending_title > 0 && title_kind > 0 && (valid[TITLE] || valid[HEADING])) {
    while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) skip(lexer);
    if (!advance_chars(lexer, pending_title)) return false;
    lexer->mark_end(lexer);
    sc->line_closed = 0;
    return emit(lexer, title_kind == 2 && valid[HEADING] ? HEADING : (valid[TITLE] ? TITLE : HEADING));
  }
  if (pending_term > 0 && valid[TERM]) {
    if (!advance_chars(lexer, pending_term)) return false;
    lexer->mark_end(lexer);
    return emit(lexer, TERM);
  }
  if (valid[QUOTE_CLOSE] && !lexer->eof(lexer) && is_close_quote(lexer->lookahead)) {
    advance(lexer);
    lexer->mark_end(lexer);
    sc->line_closed = 0;
    sc->pending_verb = (uint16_t)scan_definition_verb(lexer);
    return emit(lexer, QUOTE_CLOSE);
  }
  if (pending_verb > 0 && valid[DEFINITION_VERB]) {
    if (!advance_chars(lexer, pending_verb)) return false;
    lexer->mark_end(lexer);
    return emit(lexer, DEFINITION_VERB);
  }
  if (valid[PAREN_CLOSE]) {
    bool ok = false;
    while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
    if (lexer->lookahead == ',' || lexer->lookahead == '.' || lexer->lookahead == ';') advance(lexer);
    while (!lexer->eof(lexer) && is_hspace(lexer->lookahead)) advance(lexer);
    if (lexer->lookahead == ')') {
      advance(lexer);
      ok = true;
    }
    if (ok) {
      lexer->mark_end(lexer);
      sc->line_closed = 0;
      return emit(lexer, PAREN_CLOSE);
    }
    return false;
  }
  if ((valid[BLOCK_END] || valid[LINE_BREAK]) &&
      (lexer->eof(lexer) || lexer->lookahead == '\n' || lexer->lookahead == '\r')) {
    if (lexer->lookahead == '\r' || lexer->eof(lexer) || lexer->lookahead == '\n') {
      return scan_line_end(sc, lexer, valid);
    }
  }
  if (valid[TEXT] || valid[QUOTE_OPEN] || valid[CROSS_REFERENCE] || valid[PAREN_OPEN]) {
    return scan_text(sc, lexer, valid);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tree-sitter entry points

#define HEADER_SIZE 17

void *tree_sitter_contract_external_scanner_create(void) {
  Scanner *sc = (Scanner *)calloc(1, sizeof(Scanner));
  if (sc) sc->block_start = 1;
  return sc;
}

void tree_sitter_contract_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_contract_external_scanner_serialize(void *payload, char *buffer) {
  Scanner *sc = (Scanner *)payload;
  uint8_t header[HEADER_SIZE] = {
      sc->depth,
      sc->block_start,
      sc->seen_block,
      sc->line_closed,
      sc->line_is_heading,
      sc->after_number,
      sc->decided,
      sc->decided_style,
      sc->decided_level,
      sc->title_kind,
      (uint8_t)(sc->pending_number & 0xFF),
      (uint8_t)(sc->pending_title & 0xFF),
      (uint8_t)(sc->pending_term & 0xFF),
      (uint8_t)(sc->pending_verb & 0xFF),
      (uint8_t)((sc->pending_number >> 8) | ((sc->pending_title >> 8) << 4)),
      (uint8_t)((sc->pending_term >> 8) | ((sc->pending_verb >> 8) << 4)),
      sc->decided_keep,
  };
  memcpy(buffer, header, HEADER_SIZE);
  unsigned size = HEADER_SIZE;
  for (uint32_t i = 0; i < sc->depth && size + sizeof(OpenClause) <= TREE_SITTER_SERIALIZATION_BUFFER_SIZE; i++) {
    memcpy(buffer + size, &sc->stack[i], sizeof(OpenClause));
    size += sizeof(OpenClause);
  }
  return size;
}

void tree_sitter_contract_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  Scanner *sc = (Scanner *)payload;
  memset(sc, 0, sizeof(*sc));
  if (length < HEADER_SIZE) {
    sc->block_start = 1;
    return;
  }
  const uint8_t *h = (const uint8_t *)buffer;
  sc->depth = h[0];
  sc->block_start = h[1];
  sc->seen_block = h[2];
  sc->line_closed = h[3];
  sc->line_is_heading = h[4];
  sc->after_number = h[5];
  sc->decided = h[6];
  sc->decided_style = h[7];
  sc->decided_level = h[8];
  sc->title_kind = h[9];
  sc->pending_number = (uint16_t)(h[10] | ((h[14] & 0x0F) << 8));
  sc->pending_title = (uint16_t)(h[11] | ((h[14] >> 4) << 8));
  sc->pending_term = (uint16_t)(h[12] | ((h[15] & 0x0F) << 8));
  sc->pending_verb = (uint16_t)(h[13] | ((h[15] >> 4) << 8));
  sc->decided_keep = h[16];
  uint32_t stored = (length - HEADER_SIZE) / sizeof(OpenClause);
  if (sc->depth > stored) sc->depth = (uint8_t)stored;
  if (sc->depth > MAX_DEPTH) sc->depth = MAX_DEPTH;
  for (uint32_t i = 0; i < sc->depth; i++) {
    memcpy(&sc->stack[i], buffer + HEADER_SIZE + i * sizeof(OpenClause), sizeof(OpenClause));
  }
}

bool tree_sitter_contract_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  return scan((Scanner *)payload, lexer, valid_symbols);
}
