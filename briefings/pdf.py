"""HTML to PDF with WeasyPrint, nothing else."""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF bytes of an HTML document; CSS paged media (page size, running headers, counters) applies."""
    from weasyprint import HTML  # imported late: WeasyPrint is slow to import and only the PDF needs it

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, base_url=base_url).write_pdf()
