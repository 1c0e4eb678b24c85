"""The agreement as its signers read it on the screen: the same title, legal basis, sections,
labels, values and notes that the PDF prints, as simple HTML for a text view.

A party confirms that they have read the agreement ("Jeg bekræfter, at jeg har læst
aftalen ..."), so the signing dialog shows them exactly what the PDF will hold, in Danish as
the document is, before they sign. Built from the same template and ``display_value`` as
forms.pdf, so the screen and the paper cannot disagree.
"""

from __future__ import annotations

from html import escape

from .agreements import AgreementDoc
from .pdf import display_value


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def agreement_html(doc: AgreementDoc) -> str:
    """The agreement's content as HTML (Qt's rich-text subset: headings, tables, lists)."""
    template = doc.template
    parts = [f"<h2>{_text(template.pdf.title or template.title)}</h2>",
             f"<p><i>{_text(template.legal_basis)}</i></p>",
             f"<p>Version {doc.record.revision}</p>"]
    if template.pdf.intro:
        parts.append(f"<p>{_text(template.pdf.intro)}</p>")
    for section in template.sections:
        specs = [f for f in section.fields if f.pdf]
        if not specs:
            continue
        parts.append(f"<h3>{_text(section.title)}</h3>")
        if section.intro:
            parts.append(f"<p>{_text(section.intro)}</p>")
        rows = "".join(
            f"<tr><td width='38%' bgcolor='#eef2f8'>{_text(spec.label)}</td>"
            f"<td>{_text(display_value(spec, doc.values.get(spec.key))) or '–'}</td></tr>"
            for spec in specs)
        parts.append(f"<table width='100%' cellpadding='5' cellspacing='0' border='1'>"
                     f"{rows}</table>")
    notes = [_text(note) for note in template.pdf.notes]
    for key, note in sorted(doc.acknowledgements.items()):
        spec = template.fields_by_key.get(key.partition(":")[2])
        about = spec.label if spec else "Aftalen"
        notes.append(_text(f"Bemærkning til advarsel om {about}: {note}"))
    if notes:
        parts.append("<h3>Bemærkninger</h3><ul>"
                     + "".join(f"<li>{n}</li>" for n in notes) + "</ul>")
    parts.append("<h3>Underskrifter</h3><ul>" + "".join(
        f"<li><b>{_text(role.label)}</b>: {_text(role.consent)}</li>"
        for role in template.required_signers(doc.values)) + "</ul>")
    return "\n".join(parts)
