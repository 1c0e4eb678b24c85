"""Rule sets the service publishes to the devices, signed with its CA key.

``consultant-server rules publish FILE`` checks a rule-set JSON (the shipped files' format,
``forms/data/rulesets/``) with the same checks a device makes (``forms.rulebook.check_body``),
gives it the next version for its effective date, wraps it in the signed document of
``forms.rulebook`` and stores it. Devices fetch what is new since their last id
(``GET /api/v1/rulesets?since=N``) and verify each before use, so the law can change without
a new program. Rule sets hold no personal data and are the same for every municipality.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from forms import rulebook

from ..protocol import PublishedRuleSet, RuleSetsResponse
from . import db
from .ca import CA

ruleset = Table(
    "ruleset", db.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("effective_from", String(10), nullable=False),
    Column("version", Integer, nullable=False),
    Column("published_at", DateTime, nullable=False),
    Column("document", Text, nullable=False),  # the signed document, canonical JSON
    Column("signature", Text, nullable=False),  # base64 Ed25519 by the CA key
    Column("sha256", String(64), nullable=False),
    UniqueConstraint("effective_from", "version", name="uq_ruleset_version"),
)

MAX_RULESETS = 200  # per answer; a device asks again with the next ``since``


class RuleSetInvalid(ValueError):
    """The file is not a rule set a device could use; ``problems`` say why (Danish)."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class PublishResult:
    id: int
    effective_from: str
    version: int
    sha256: str
    name: str
    provisional: bool


def latest_bodies(engine: Engine) -> dict[str, dict[str, Any]]:
    """The latest published rule set per effective date."""
    r = ruleset.c
    newest = (select(r.effective_from, func.max(r.version).label("version"))
              .group_by(r.effective_from).subquery())
    with engine.connect() as conn:
        rows = conn.execute(select(r.document).join(
            newest, (newest.c.effective_from == r.effective_from)
            & (newest.c.version == r.version))).scalars().all()
    bodies = [json.loads(text)["ruleset"] for text in rows]
    return {body["effective_from"]: body for body in bodies}


def parse(text: str) -> dict[str, Any]:
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise RuleSetInvalid([f"Filen er ikke gyldig JSON: {exc}"]) from None
    return body


def publish(engine: Engine, ca: CA, body: dict[str, Any],
            now: dt.datetime | None = None) -> PublishResult:
    """Check ``body`` and publish it as the next version for its effective date."""
    problems = rulebook.check_body(body, latest_bodies(engine))
    if problems:
        raise RuleSetInvalid(problems)
    now = now or db.utcnow()
    day = body["effective_from"]
    for _attempt in range(3):  # two publishers of one date at once: the loser takes the next
        with db.writing(engine) as conn:
            version = (conn.execute(select(func.max(ruleset.c.version))
                                    .where(ruleset.c.effective_from == day)).scalar() or 0) + 1
            document = {"format": rulebook.FORMAT, "effective_from": day, "version": version,
                        "published_at": now.replace(tzinfo=dt.UTC).isoformat(),
                        "ruleset": body}
            data = rulebook.document_bytes(document)
            try:
                new_id = conn.execute(insert(ruleset).values(
                    effective_from=day, version=version, published_at=now,
                    document=data.decode("utf-8"), signature=ca.sign(data),
                    sha256=hashlib.sha256(data).hexdigest())).inserted_primary_key[0]
            except IntegrityError:
                continue
        return PublishResult(int(new_id), day, version, hashlib.sha256(data).hexdigest(),
                             str(body.get("name", "")), bool(body.get("provisional")))
    raise RuntimeError("could not allocate a rule-set version")


def since(engine: Engine, after: int) -> RuleSetsResponse:
    """The rule sets published after id ``after``, oldest first."""
    r = ruleset.c
    with engine.connect() as conn:
        rows = conn.execute(select(r.id, r.document, r.signature, r.sha256)
                            .where(r.id > after).order_by(r.id).limit(MAX_RULESETS)).all()
    sets = [PublishedRuleSet(id=row.id, document=json.loads(row.document),
                             signature=row.signature, sha256=row.sha256) for row in rows]
    return RuleSetsResponse(rulesets=sets, next=max([after] + [s.id for s in sets]))


def listing(engine: Engine) -> list[dict[str, Any]]:
    """Every published rule set, for ``consultant-server rules list``."""
    r = ruleset.c
    with engine.connect() as conn:
        rows = conn.execute(select(r.id, r.effective_from, r.version, r.published_at,
                                   r.sha256, r.document).order_by(r.effective_from, r.version))
        return [{"id": row.id, "effective_from": row.effective_from, "version": row.version,
                 "published_at": row.published_at, "sha256": row.sha256,
                 "name": json.loads(row.document)["ruleset"].get("name", "")}
                for row in rows]
