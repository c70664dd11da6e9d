"""Reads a deck as PowerPoint's readers do (python-pptx) and, given the PDF
LibreOffice made of it, finds text that left its box.

    python3 deck.py DECK.pptx [DECK.pdf]

Prints JSON: the slide size; per slide its layout, title, the text of each
shape with its box (points), the fonts of every run, and its notes; and,
with the PDF, `outside`: for each slide, the shapes whose text LibreOffice
did not draw inside their box (words are given to the box holding their
centre; a box that misses some of its characters, or holds characters of
another, lost text or was overrun).
"""

import collections
import json
import re
import subprocess
import sys

from pptx import Presentation
from pptx.util import Emu

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def points(emu):
    return Emu(emu).pt


def runs_fonts(shape):
    """(latin, east asian) of every run and line-end of a shape."""
    out = []
    for p in shape.text_frame.paragraphs:
        for r in p._p.iter(A + "rPr", A + "endParaRPr"):
            latin = r.find(A + "latin")
            ea = r.find(A + "ea")
            out.append(
                [
                    latin.get("typeface") if latin is not None else None,
                    ea.get("typeface") if ea is not None else None,
                ]
            )
    return out


def read(path):
    deck = Presentation(path)
    slides = []
    for slide in deck.slides:
        shapes = []
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            shapes.append(
                {
                    "name": shape.name,
                    "text": shape.text_frame.text,
                    "box": [
                        points(shape.left),
                        points(shape.top),
                        points(shape.width),
                        points(shape.height),
                    ],
                    "fonts": runs_fonts(shape),
                }
            )
        title = slide.shapes.title
        slides.append(
            {
                "layout": slide.slide_layout.name,
                "title": title.text_frame.text if title is not None else None,
                "shapes": shapes,
                "notes": slide.notes_slide.notes_text_frame.text
                if slide.has_notes_slide
                else "",
            }
        )
    return {
        "size": [points(deck.slide_width), points(deck.slide_height)],
        "slides": slides,
    }


WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def pdf_words(pdf):
    """Per page: (x centre, y centre, text) of each word."""
    html = subprocess.run(
        ["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        words = []
        for x0, y0, x1, y1, text in WORD.findall(page):
            text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            words.append(((float(x0) + float(x1)) / 2, (float(y0) + float(y1)) / 2, text))
        pages.append(words)
    return pages


def chars(text):
    """The characters that count: no spaces, hyphens as hyphens."""
    text = text.replace("\u2011", "-").replace("\u00a0", " ")
    return collections.Counter(c for c in text if not c.isspace())


# Drawn but not in a shape's text: list numbers and bullets.
MARKS = set("0123456789.・")


def outside(deck, pages):
    problems = []
    for n, (slide, words) in enumerate(zip(deck["slides"], pages), start=1):
        boxes = [s for s in slide["shapes"] if s["text"].strip()]
        drawn = [collections.Counter() for _ in boxes]
        for x, y, text in words:
            for i, s in enumerate(boxes):
                bx, by, bw, bh = s["box"]
                if bx - 2 <= x <= bx + bw + 2 and by - 2 <= y <= by + bh + 2:
                    drawn[i] += chars(text)
                    break
            else:
                problems.append({"slide": n, "shape": None, "stray": text})
        for s, got in zip(boxes, drawn):
            want = chars(s["text"])
            missing = want - got
            extra = {c: k for c, k in (got - want).items() if c not in MARKS}
            if missing or extra:
                problems.append(
                    {
                        "slide": n,
                        "shape": s["name"],
                        "missing": "".join(missing.elements()),
                        "extra": "".join(collections.Counter(extra).elements()),
                    }
                )
    return problems


def main():
    deck = read(sys.argv[1])
    if len(sys.argv) > 2:
        pages = pdf_words(sys.argv[2])
        deck["pages"] = len(pages)
        deck["outside"] = outside(deck, pages)
    json.dump(deck, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
