#!/usr/bin/env python3
"""Turns a `tmux capture-pane -e -p` dump (text with SGR colour escapes) into a standalone HTML
page, so headless Chromium can render what the terminal showed. Reads stdin, writes stdout."""

import html
import re
import sys

# Neovim's default dark scheme, for cells that use the terminal's default colours.
DEFAULT_FG = "#e0e2ea"
DEFAULT_BG = "#14161b"
BASIC = [
    "#07080d", "#ffc0b9", "#b3f6c0", "#fce094", "#a6dbff", "#ffcaff", "#8cf8f7", "#eef1f8",
    "#4f5258", "#ffc0b9", "#b3f6c0", "#fce094", "#a6dbff", "#ffcaff", "#8cf8f7", "#ffffff",
]


def xterm256(n: int) -> str:
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (level, level, level)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.italic = self.underline = self.reverse = False
        self.undercolor = None

    def apply(self, params: str):
        # tmux writes sub-parameters with colons (4:3 undercurl, 58:2::r:g:b); treat them as one.
        codes = params.split(";") if params else ["0"]
        i = 0
        while i < len(codes):
            raw = codes[i]
            parts = [p for p in raw.split(":")]
            c = int(parts[0] or 0)
            if c in (38, 48, 58):
                if len(parts) > 1:  # colon form
                    rest = [p for p in parts[1:]]
                    if rest[0] == "5":
                        color = xterm256(int(rest[1]))
                    else:
                        rgb = [int(x) for x in rest[1:] if x != ""][-3:]
                        color = "#%02x%02x%02x" % tuple(rgb)
                elif codes[i + 1] == "5":
                    color = xterm256(int(codes[i + 2]))
                    i += 2
                else:
                    color = "#%02x%02x%02x" % tuple(int(x) for x in codes[i + 2 : i + 5])
                    i += 4
                if c == 38:
                    self.fg = color
                elif c == 48:
                    self.bg = color
                else:
                    self.undercolor = color
            elif c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = len(parts) == 1 or parts[1] != "0"
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASIC[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASIC[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = BASIC[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASIC[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c == 59:
                self.undercolor = None
            i += 1

    def css(self) -> str:
        fg, bg = self.fg or DEFAULT_FG, self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        out = [f"color:{fg}", f"background:{bg}"]
        if self.bold:
            out.append("font-weight:bold")
        if self.italic:
            out.append("font-style:italic")
        if self.underline:
            out.append("text-decoration:underline")
            if self.undercolor:
                out.append(f"text-decoration-color:{self.undercolor}")
        return ";".join(out)


SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def convert(text: str, title: str) -> str:
    style = Style()
    body = []
    for line in text.rstrip("\n").split("\n"):
        pos = 0
        spans = []
        for m in SGR.finditer(line):
            if m.start() > pos:
                spans.append((style.css(), line[pos : m.start()]))
            style.apply(m.group(1))
            pos = m.end()
        if pos < len(line):
            spans.append((style.css(), line[pos:]))
        body.append("".join(f'<span style="{css}">{html.escape(t)}</span>' for css, t in spans))
        style.reset()
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        + html.escape(title)
        + "</title><style>body{margin:0;background:"
        + DEFAULT_BG
        + "}pre{margin:0;padding:12px;font:15px/1.3 'DejaVu Sans Mono',monospace;color:"
        + DEFAULT_FG
        + "}</style></head><body><pre>"
        + "\n".join(body)
        + "</pre></body></html>\n"
    )


if __name__ == "__main__":
    sys.stdout.write(convert(sys.stdin.read(), sys.argv[1] if len(sys.argv) > 1 else "terminal"))
