"""Real files of every supported format, written by the tests that need them."""

from __future__ import annotations

import json
from pathlib import Path

HTML_PAGE = """<!doctype html><html><head><title>Harbour reopens after storm | Coastal Gazette</title>
<meta property="og:title" content="Harbour reopens after storm">
<meta property="og:site_name" content="Coastal Gazette">
<meta name="author" content="Mara Lind">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://gazette.example/harbour-reopens">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad">Buy cheap flights now! Limited offer on all routes.</div>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour of Port Ellis reopened on Thursday after a storm closed it for three days, the port authority said.</p>
<p>About 40 fishing boats had been stranded at the quay, according to the fishermen's union. Repairs to the breakwater will cost 2.5 million euros, the mayor said.</p>
<p>Ferries to the islands resume on Friday morning, the ferry operator announced.</p>
</article>
<aside class="advert">Subscribe for 1 euro a month!</aside>
<footer>Copyright Coastal Gazette. All rights reserved.</footer>
</body></html>
"""
HTML_NOISE = ("Buy cheap flights", "Subscribe for 1 euro", "World news", "All rights reserved")

PDF_PAGES = (
    "Wind farm approved off Kessing\nThe regional council approved the Kessing offshore wind farm on Monday.\n"
    "The farm will have 48 turbines, the council said.",
    "Construction starts in 2026 and will employ about 300 workers, according to the developer Nordvind.\n"
    "Fishermen's groups said they would appeal the decision.",
)

JSONL_RECORDS = (
    {"title": "Bridge toll abolished", "text": "The Vell bridge toll was abolished on 1 March, the transport ministry said.",
     "published": "2024-03-01", "url": "https://wire.example/bridge-toll", "outlet": "Valley Post"},
    {"title": "School year extended", "body": "The school year in the Vell region will be extended by one week, officials said.",
     "published": "2024-03-04", "url": "https://wire.example/school-year", "source": {"name": "Lakeside Herald"}},
)
JSONL_BAD_LINE = 2  # the line between the two good records


def write_html(path: Path) -> Path:
    path.write_text(HTML_PAGE, encoding="utf-8")
    return path


def write_pdf(path: Path, pages: tuple[str, ...] = PDF_PAGES, title: str = "Wind farm approved off Kessing") -> Path:
    """A real PDF with a text layer, one page per string (matplotlib's PDF backend)."""
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    warnings.filterwarnings("ignore", "Unknown infodict keyword")  # /Publisher is a valid PDF info key
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(
        path, metadata={"Title": title, "Author": "Ilse Moen", "Publisher": "Kessing Courier"}
    ) as pdf:
        for text in pages:
            figure = plt.figure(figsize=(8.27, 11.69))
            figure.text(0.08, 0.92, text, va="top", fontsize=10)
            pdf.savefig(figure)
            plt.close(figure)
    return path


def write_jsonl(path: Path) -> Path:
    lines = [json.dumps(JSONL_RECORDS[0]), '{"title": "Broken", "text": "no closing brace"', json.dumps(JSONL_RECORDS[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
