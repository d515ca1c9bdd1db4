"""Units of a plain-text or Markdown contract for the classifier prototype: list items, table
rows and sentences, as byte spans of the file, with the word features fastText sees.

A unit is a span [begin, end) of the file's bytes. Blocks are separated by blank lines; a line
that opens a list item (-, *, +, 1., (a), a), i., •), a table row or a Markdown heading starts a
unit of its own; inside a block, sentences end at . ; ? ! followed by white space and a capital
letter or an opening bracket/quote, except after a short abbreviation ("e.g.", "Sec.", "U.S.").
"""
import re

LIST_START = re.compile(rb"^[ \t]*(?:[-*+\xe2\x80\xa2]|\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]|"
                        rb"\(?[a-zA-Z]{1,2}\)|\(?[ivxIVX]{1,5}[.)]|[a-zA-Z][.)])[ \t]+")
HEADING = re.compile(rb"^[ \t]*#{1,6}[ \t]")
TABLE = re.compile(rb"^[ \t]*\|")
SENTENCE_END = re.compile(rb"[.;?!][\"')\xe2\x80\x9d]*\s+(?=[A-Z(\"\xe2\x80\x9c])")
ABBREVIATION = re.compile(rb"(?:\b[A-Za-z]|\be\.g|\bi\.e|\bSec|\bNo|\bArt|\bU\.S|\bv|\bvs|\bMr|"
                          rb"\bMs|\bDr|\bInc|\bLtd|\bCo|\bCorp|\bPara|\bpara|\bcl|\bsec)\.$")
TAG = re.compile(r"<[^>]{0,200}>")
WORD = re.compile(r"[a-z]+|[0-9]+|[%$£€]")


def blocks(data):
    """(begin, end) spans of runs of non-blank lines, each cut where a line starts a unit."""
    spans, start, pos = [], None, 0
    for line in data.splitlines(keepends=True):
        end = pos + len(line)
        blank = not line.strip()
        opens = LIST_START.match(line) or HEADING.match(line) or TABLE.match(line)
        if blank or opens:
            if start is not None:
                spans.append((start, pos))
            start = None if blank else pos
        elif start is None:
            start = pos
        if opens and (HEADING.match(line) or TABLE.match(line)):
            spans.append((pos, end))
            start = None
        pos = end
    if start is not None:
        spans.append((start, pos))
    return spans


def sentences(data, begin, end):
    out, start = [], begin
    for m in SENTENCE_END.finditer(data, begin, end):
        if ABBREVIATION.search(data[max(start, m.start() - 8):m.start() + 1]):
            continue
        out.append((start, m.start() + 1))
        start = m.end()
    out.append((start, end))
    return out


def units(data):
    """Trimmed, non-empty unit spans of data (bytes), in order."""
    out = []
    for b, e in blocks(data):
        whole = HEADING.match(data, b) or TABLE.match(data, b)
        for s, t in ([(b, e)] if whole else sentences(data, b, e)):
            while s < t and data[s:s + 1].isspace():
                s += 1
            while t > s and data[t - 1:t].isspace():
                t -= 1
            if t - s >= 3:
                out.append((s, t))
    return out


def features(text):
    """The unit's words as fastText sees them: lower case, tags dropped, numbers kept."""
    return " ".join(WORD.findall(TAG.sub(" ", text.lower())))
