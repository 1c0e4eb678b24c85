"""The client sync engine: enroll, push the outbox, upload sealed agreements, pull.

No Qt here: the CLI runs it in the foreground, the desktop through ``runner.SyncRunner`` on
a thread of its own. One ``sync()`` is one entry in the history (``SyncRun``).

Push: outbox entries oldest first, in batches; each entry is one operation (nothing is
coalesced, so every op id reaches the service) with the CURRENT values of the fields it names,
read from the row when the batch is built, so sensitive values are never copied into the
journal. The entries the service answered for are deleted in one transaction with their
consequences (versions, conflicts); an entry it did not answer for is sent again next time
with the same op id, and the service answers it from memory (at most once).

Pull: pages since the cursor, each applied with its cursor in one transaction (``apply``).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import platform
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from consultant_app import device
from consultant_app.domain import SIGNED_PARTY
from consultant_app.ids import utcnow
from consultant_app.store import Store, settings
from consultant_app.store.models import (
    MODEL_BY_ENTITY,
    AgreementDocument,
    AgreementReceipt,
    AgreementSignature,
    OutboxEntry,
    PlacementAgreement,
    SyncConflict,
    SyncRun,
)
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message
from forms import lifecycle
from sync import protocol

from . import adopt, credentials, quarantine, wipe
from .apply import DEFERRED_INDEXING_FROM, PageResult, apply_page
from .codec import codec
from .errors import (
    CTX,
    INTERRUPTED,
    AgreementRefused,
    DeviceRevoked,
    NotEnrolled,
    ServerError,
    SyncError,
    answer_text,
    refusal_value,
    stored_error,
    unexpected_sync_error,
)
from .transport import Transport, normalise_url

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_LIMIT = 5000
# The page cache of the connection that applies a large pull, in KiB (SQLite's default is
# 2 MiB): a first sync writes 100k+ records in pages of 5000, and with the default each
# page's transaction evicts and reads again the pages of the tables, their indexes and the
# search index, and spills dirty pages to the WAL before its commit. The memory is given
# back when the pull ends.
BULK_CACHE_KIB = 32 * 1024

# progress(phase, done, total): phase is "push", "upload" or "pull"; total None if unknown.
# For "pull", done and total count the changes received (applied, skipped or set aside).
Progress = Callable[[str, int, "int | None"], None]
TransportFactory = Callable[[str, str], Transport]


@dataclass
class SyncReport:
    pushed: int = 0
    uploaded: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: list[Message] = field(default_factory=list)  # the service's reasons
    quarantined: int = 0  # set aside in this sync: could not be taken in (``quarantine``)
    rulesets: list[str] = field(default_factory=list)  # published rule sets taken into use
    refused_rulesets: list[str] = field(default_factory=list)  # and why others were not


@dataclass(frozen=True)
class EnrollResult:
    device_id: str
    consultant: str
    municipality_code: str
    municipality_name: str
    token_store: str  # credentials.KEYRING or credentials.PROFILE


def _encode_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


class SyncEngine:
    def __init__(self, store: Store, transport_factory: TransportFactory | None = None,
                 push_batch: int = PUSH_BATCH, pull_limit: int = PULL_LIMIT,
                 use_keyring: bool = True):
        self.store = store
        self._make_transport = transport_factory or self._pinned_transport
        self._enroll_ca = ""  # the CA ``enroll(ca_pem=...)`` verifies the service with
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.use_keyring = use_keyring
        # Called inside a page's transaction, after the page and before the cursor is
        # stored and committed: the crash tests put their failure here.
        self.before_page_commit: Callable[[int], None] | None = None
        # One connection pool (and TLS context, 20 ms to build) reused from sync to sync.
        self._transport: Transport | None = None
        self._transport_key: tuple[str, str] = ("", "")

    def _pinned_transport(self, url: str, token: str) -> Transport:
        """A transport that trusts only the pinned service CA for TLS (see transport)."""
        ca_pem = self.store.meta(credentials.TLS_CA) if token else self._enroll_ca
        return Transport(url, token, ca_pem=ca_pem)

    def transport(self, url: str, token: str) -> Transport:
        if self._transport is None or self._transport_key != (url, token):
            self.close()
            self._transport = self._make_transport(url, token)
            self._transport_key = (url, token)
        return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    # -- enrollment ----------------------------------------------------------------------
    def enroll(self, server_url: str, code: str, device_name: str = "",
               ca_pem: str = "") -> EnrollResult:
        """Enroll this profile with the service; keeps the token, the device id and the
        certificate. The token goes to the OS keyring where there is one. Over https the
        service is verified with ``ca_pem`` (the service CA, handed out with the code) when
        given, else with the system's CAs; from then on only that CA, or the service CA the
        answer brings, is trusted for TLS (pinned)."""
        server_url = normalise_url(server_url)
        self._enroll_ca = ca_pem
        public_key, install = _device_key(self.store)
        request = protocol.EnrollRequest(
            enrollment_code=code.strip(), device_name=device_name or platform.node(),
            public_key=public_key, app_version=_app_version())
        with self._make_transport(server_url, "") as transport:
            answer = transport.enroll(request)
        install(answer.certificate_pem, answer.ca_certificate_pem, answer.device_id)
        with self.store.write(journal=False) as s:
            where = credentials.save_token(self.store, s, answer.token, self.use_keyring)
            for key, value in ((credentials.SERVER_URL, server_url),
                               (credentials.DEVICE_ID, answer.device_id),
                               (credentials.CONSULTANT_ID, answer.consultant_id),
                               (credentials.MUNICIPALITY_NAME, answer.municipality_name),
                               (settings.MUNICIPALITY_CODE, answer.municipality_code),
                               (credentials.TLS_CA, ca_pem or answer.ca_certificate_pem),
                               (credentials.CURSOR, "0")):
                settings.put(s, key, value)
            if not self.store.consultant:
                settings.put(s, settings.CONSULTANT, answer.consultant)
            settings.drop(s, credentials.REVOKED)
        return EnrollResult(answer.device_id, answer.consultant, answer.municipality_code,
                            answer.municipality_name, where)

    def enrollment(self) -> credentials.Enrollment | None:
        return credentials.load(self.store)

    # -- one sync ------------------------------------------------------------------------
    def sync(self, trigger: str = "manual", progress: Progress | None = None) -> SyncReport:
        """Push, upload sealed agreements, pull. Raises a ``SyncError`` (recorded in the
        history) when it cannot finish; what was done before the error stays done."""
        enrollment = credentials.load(self.store)
        if enrollment is None:
            raise NotEnrolled()
        report = SyncReport()
        run_id = self._start_run(trigger)
        error: Message | None = None
        try:
            transport = self.transport(enrollment.server_url, enrollment.token)
            self.push(transport, report, progress)
            self.upload_agreements(transport, report, progress)
            self.pull(transport, report, progress)
            self.refresh_rules(transport, report)
        except DeviceRevoked as exc:
            error = exc.message
            self.close()
            wipe.wipe_personal_data(self.store, reason=str(error))
            raise
        except SyncError as exc:
            error = exc.message
            raise
        except Exception as exc:
            log.exception("sync failed")
            error = unexpected_sync_error(exc)
            raise
        finally:
            self._finish_run(run_id, report, error)
        return report

    def _start_run(self, trigger: str) -> int:
        with self.store.write(journal=False) as s:
            # A run that never finished was cut short by the program stopping (one profile,
            # one process: none can be running now).
            s.execute(update(SyncRun).where(SyncRun.finished_at.is_(None)).values(
                finished_at=SyncRun.started_at, ok=False,
                error=stored_error(Message(CTX, INTERRUPTED))))
            run = SyncRun(trigger=trigger, started_at=utcnow())
            s.add(run)
            s.flush()
            return run.id

    def _finish_run(self, run_id: int, report: SyncReport, error: Message | None) -> None:
        now = utcnow()
        with self.store.write(journal=False) as s:
            s.execute(update(SyncRun).where(SyncRun.id == run_id).values(
                finished_at=now, ok=error is None, pushed=report.pushed, pulled=report.pulled,
                uploaded=report.uploaded, conflicts=report.conflicts,
                error="" if error is None else stored_error(error)))
            if error is None:
                settings.put(s, credentials.LAST_SUCCESS, now.isoformat())

    # -- push ----------------------------------------------------------------------------
    def push(self, transport: Transport, report: SyncReport,
             progress: Progress | None = None) -> None:
        _retry_answers(self.store)
        with self.store.read() as s:
            total = s.scalar(select(func.count()).select_from(OutboxEntry)) or 0
        done = 0
        after = 0  # entries the service rejected stay behind the cursor only for this run
        while True:
            with self.store.read() as s:
                entries = s.scalars(select(OutboxEntry).where(OutboxEntry.seq > after)
                                    .order_by(OutboxEntry.seq).limit(self.push_batch)).all()
                if not entries:
                    return
                refused: list[protocol.OperationResult] = []
                operations, orphans = _operations(s, entries, refused)
            by_op = {e.op_id: e for e in entries}
            # The cursor tells the service which scope exits this device had heard of.
            cursor = int(self.store.meta(credentials.CURSOR, "0") or 0)
            results = list(refused)
            # Pushes under the protocol's limits on operations and body size.
            for part in protocol.push_batches(operations):
                results += transport.push(protocol.PushRequest(operations=part,
                                                               cursor=cursor)).results
            answered = [r for r in results if r.op_id in by_op]
            if operations and len(answered) == len(refused):
                raise ServerError(502, "no_answer", Message(CTX, _N(
                    CTX, "tjenesten svarede ikke på nogen af ændringerne")))
            sent = operations_by_id(operations)
            with self.store.write(journal=False) as s:
                moved: dict[str, str] = {}  # copies adopted in this answer (sync.client.adopt)
                again: list[str] = []
                for result in answered:
                    if adopt.forgotten(result, moved):
                        continue
                    if adopt.send_again(result, sent.get(result.op_id), moved):
                        again.append(result.op_id)
                        continue
                    try:
                        with s.begin_nested():
                            report.conflicts += _record_result(s, by_op[result.op_id],
                                                               result, sent, moved)
                    except Exception as exc:  # noqa: BLE001 - set aside, shown, retried
                        _quarantine_answer(s, result, sent.get(result.op_id), exc)
                        report.quarantined += 1
                        continue
                    if result.status == "rejected" and not adopt.adopted(result):
                        report.rejected.append(answer_text(result.message or result.code,
                                                           result.text))
                adopt.renew_op_ids(s, again)
                gone = [r.op_id for r in answered if r.op_id not in again] + orphans
                s.execute(delete(OutboxEntry).where(OutboxEntry.op_id.in_(gone)))
            report.pushed += len(answered)
            done += len(answered) + len(orphans)
            if progress:
                progress("push", done, total)
            unanswered = [e for e in entries if e.op_id not in {r.op_id for r in answered}
                          and e.op_id not in orphans]
            done -= len(again)
            if unanswered:
                # The service left some out (a partial answer): they go again next sync.
                after = max(e.seq for e in unanswered)

    # -- sealed agreements ---------------------------------------------------------------
    def upload_agreements(self, transport: Transport, report: SyncReport,
                          progress: Progress | None = None) -> None:
        with self.store.read() as s:
            waiting = s.execute(
                select(PlacementAgreement.id, PlacementAgreement.revision)
                .join(AgreementDocument, (AgreementDocument.agreement_id == PlacementAgreement.id)
                      & (AgreementDocument.revision == PlacementAgreement.revision))
                .outerjoin(AgreementReceipt,
                           (AgreementReceipt.agreement_id == PlacementAgreement.id)
                           & (AgreementReceipt.revision == PlacementAgreement.revision))
                .where(PlacementAgreement.status == "sealed",
                       PlacementAgreement.deleted.is_(False),
                       AgreementDocument.deleted.is_(False),
                       AgreementReceipt.agreement_id.is_(None))).all()
        for n, (agreement_id, revision) in enumerate(waiting, start=1):
            with self.store.read() as s:
                upload = sealed_upload(s, agreement_id, revision)
            try:
                receipt = transport.put_agreement(agreement_id, revision, upload)
            except ServerError as exc:
                if exc.status == 409:
                    raise AgreementRefused(agreement_id, exc.detail) from exc
                raise
            with self.store.write(journal=False) as s:
                s.merge(AgreementReceipt(
                    agreement_id=agreement_id, revision=revision, status=receipt.status,
                    content_hash=receipt.content_hash, pdf_sha256=receipt.pdf_sha256,
                    received_at=receipt.received_at.replace(tzinfo=None)))
            report.uploaded += 1
            if progress:
                progress("upload", n, len(waiting))

    # -- pull ----------------------------------------------------------------------------
    def pull(self, transport: Transport, report: SyncReport,
             progress: Progress | None = None) -> None:
        """Pages since the cursor; while one page is applied, the next is already being
        fetched (the network and the disk work at the same time). A page fetched and never
        applied (an error, a crash) is simply asked for again next time.

        The first page asks the service how many changes follow it, so ``progress`` gets a
        total (records left, time left); a service that does not say leaves it None."""
        cursor = int(self.store.meta(credentials.CURSOR, "0") or 0)
        received = 0
        total: int | None = None
        cache: list[int] = []  # the write connection's page cache before it was raised
        with _gc_paused(), contextlib.ExitStack() as restore, \
                ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-fetch") as fetcher:
            restore.callback(lambda: cache and self._restore_cache(cache[0]))
            page = transport.pull(cursor, self.pull_limit, count=True)
            remaining = page.get("remaining")
            if isinstance(remaining, int) and remaining >= 0:
                total = len(page["changes"]) + remaining
            first = True
            while True:
                next_cursor, changes = int(page["next_cursor"]), page["changes"]
                more = bool(page.get("more")) and next_cursor > cursor
                ahead = fetcher.submit(transport.pull, next_cursor, self.pull_limit) \
                    if more else None
                try:
                    with self.store.write(journal=False) as s:
                        if not cache and len(changes) >= DEFERRED_INDEXING_FROM:
                            conn = s.connection()
                            cache.append(conn.exec_driver_sql("PRAGMA cache_size").scalar())
                            conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
                        result: PageResult = apply_page(s, changes, retry=first)
                        if self.before_page_commit is not None:
                            self.before_page_commit(next_cursor)
                        if next_cursor > cursor:
                            settings.put(s, credentials.CURSOR, str(next_cursor))
                except BaseException:
                    if ahead is not None:
                        ahead.cancel()
                    raise
                report.pulled += result.applied
                report.quarantined += result.quarantined
                received += len(changes)
                if progress:
                    # Changes made on the service meanwhile can take a pull past its total.
                    progress("pull", received,
                             None if total is None else max(total, received))
                if ahead is None:
                    # The end of the scope: a parent not here by now is not coming.
                    with self.store.write(journal=False) as s:
                        report.quarantined += quarantine.quarantine_parked(s)
                    return
                first = False
                cursor = next_cursor
                page = ahead.result()


    def _restore_cache(self, size: int) -> None:
        """The write connection's page cache back to ``size`` after a pull that raised it,
        and the memory it held given back. A failure here (the disk gone) must not hide the
        pull's own outcome: it is logged, and the cache stays large until the program ends."""
        try:
            with self.store.write(journal=False) as s:
                conn = s.connection()
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(size)}")
                conn.exec_driver_sql("PRAGMA shrink_memory")
        except Exception:  # see the docstring
            log.warning("the page cache could not be set back after the pull", exc_info=True)

    # -- rule sets and the municipality's placements -----------------------------------------
    def refresh_rules(self, transport: Transport, report: SyncReport) -> None:
        """Fetch the rule sets published since the last sync (each verified before it is
        kept, ``forms.rulebook``) and the municipality's running placements per workplace
        (``forms.facts``). A service without these endpoints (older) is skipped."""
        from forms import facts, rulebook
        since = int(self.store.meta(settings.SYNC_RULESETS_SINCE, "0") or 0)
        try:
            answer = transport.rulesets(since)
            placements = transport.placements()
        except ServerError as exc:
            if exc.status == 404:
                return
            raise
        with self.store.write(journal=False) as s:
            kept, refused = rulebook.save(s, [r.model_dump(mode="json")
                                              for r in answer.rulesets])
            # A refused set is asked for again next time (the cursor stops just before it):
            # a refusal can pass (the service's copy repaired, a newer program that reads it),
            # and until then the rule book keeps saying why. The sets after it that were
            # kept are fetched again too and stored again unchanged.
            after = min([answer.next, *(ident - 1 for ident, _ in refused)])
            settings.put(s, settings.SYNC_RULESETS_SINCE, str(max(after, since)))
            facts.save_placements(s, placements.model_dump(mode="json"))
            # The rule book shows this sync's refusals; none: the earlier ones have passed.
            settings.put(s, settings.RULESETS_REFUSED, json.dumps(
                [str(m) for _, m in refused], ensure_ascii=False))
        messages = [str(m) for _, m in refused]
        report.rulesets += kept
        report.refused_rulesets += messages
        for message in messages:
            log.warning("rule set refused: %s", message)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while pages are parsed and applied: a page is 5000
    records of fresh dicts and lists, which set off collection after collection of the whole
    heap (a second or more of a 100k-record first sync) and free nothing, since JSON has no
    cycles. Reference counting still frees everything; the collector runs again at the end."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def operations_by_id(operations: list[protocol.Operation]) -> dict[str, protocol.Operation]:
    return {o.op_id: o for o in operations}


def _operations(session: Session, entries: list[OutboxEntry],
                refused: list[protocol.OperationResult] | None = None
                ) -> tuple[list[protocol.Operation], list[str]]:
    """The wire operations of ``entries`` with their rows' current values, and the op ids of
    entries whose row or entity this version cannot send (dropped, and logged). An entry
    whose values break the protocol's limits (protocol, "Limits") is not sent: it is answered
    here, rejected with the limit's message, into ``refused``."""
    rows: dict[tuple[str, str], Any] = {}
    wanted: dict[str, set[str]] = {}
    for e in entries:
        wanted.setdefault(e.entity, set()).add(e.entity_id)
    for entity, ids in wanted.items():
        model = MODEL_BY_ENTITY.get(entity)
        if model is None:
            continue
        id_list = list(ids)
        for i in range(0, len(id_list), 500):
            for row in session.scalars(select(model).where(model.id.in_(id_list[i:i + 500]))):
                rows[(entity, row.id)] = row
    operations, orphans = [], []
    for e in entries:
        row = rows.get((e.entity, e.entity_id))
        if row is None:
            log.warning("outbox entry %s names a missing %s %s; dropped", e.op_id, e.entity,
                        e.entity_id)
            orphans.append(e.op_id)
            continue
        c = codec(e.entity)
        # One shape for a delete (protocol, "Deletes"): op "delete" and no values; the
        # tombstone is never a field value, also not in a create pushed after its delete.
        if e.op == "delete":
            values = {}
        elif "*" in e.fields:
            values = c.encode(row)
        else:
            names = [f for f in e.fields if f != protocol.DELETED_FIELD]
            if e.entity == "placement_agreement" and not lifecycle.LIFECYCLE_FIELDS_SET \
                    .isdisjoint(names):
                # One consistent lifecycle state per operation (forms.lifecycle): the
                # service judges the step from its record to this state, and a status read
                # now without the content read now would be a state that never existed.
                names = sorted(lifecycle.LIFECYCLE_FIELDS_SET.union(names))
            values = c.encode(row, names)
        problem = next((p for name, value in values.items()
                        if (p := protocol.value_problem(e.entity, name, value))), None)
        if problem is not None and refused is not None:
            refused.append(protocol.OperationResult(
                op_id=e.op_id, status="rejected", entity=e.entity, entity_id=e.entity_id,
                code="too_large", message=problem.render(), text=problem.to_wire()))
            continue
        operations.append(protocol.Operation(
            op_id=e.op_id, entity=e.entity, entity_id=e.entity_id, op=e.op,
            base_version=e.base_version, values=values, modified_at=row.modified_at))
    return operations, orphans


def _record_result(session: Session, entry: OutboxEntry, result: protocol.OperationResult,
                   operations: dict[str, protocol.Operation],
                   moved: dict[str, str] | None = None) -> int:
    """Bring the row and the conflict list up to date with the service's answer for one
    operation; the number of conflicts recorded. A refused duplicate create is settled by
    ``sync.client.adopt`` (its copy adopted into the service's record: noted in ``moved``)."""
    model = MODEL_BY_ENTITY.get(entry.entity)
    now = utcnow()
    if result.status == "rejected":
        sent = operations.get(entry.op_id)
        if adopt.is_duplicate_create(result, entry.op):
            if adopt.adopt(session, result, entry.op_id, sent.values if sent else {}):
                if moved is not None:
                    moved[result.entity_id] = result.existing_id
                return len(result.conflicts) + 1
            for ident in adopt.hand_over(session, result, entry.op_id):
                if moved is not None:
                    moved[ident] = adopt.FORGOTTEN
            if moved is not None and result.existing_elsewhere \
                    and session.get(model, result.entity_id) is None:
                moved[result.entity_id] = result.existing_id  # its agreements go again
        session.add(SyncConflict(
            op_id=entry.op_id, entity=entry.entity, entity_id=entry.entity_id, field="",
            server_value=_encode_json(refusal_value(result)),
            client_value=_encode_json(sent.values if sent else {}),
            winner="server", policy="rejected", detected_at=now))
        if result.code == SIGNED_PARTY and entry.op == "delete" and model is not None:
            # A signed agreement came to name the record while it was deleted offline: the
            # service keeps it (protocol, "Deletes"), so it is live here again too.
            session.execute(update(model).where(model.id == entry.entity_id)
                            .values(deleted=False))
        return 1
    if model is not None and result.status == "applied" and not result.conflicts \
            and result.version == entry.base_version + 1:
        # Nobody else changed the record since our base: the row is exactly the service's
        # new version. Otherwise the pull brings the merged record and its version.
        session.execute(update(model).where(model.id == entry.entity_id,
                                            model.version < result.version)
                        .values(version=result.version))
    for conflict in result.conflicts:
        session.add(SyncConflict(
            op_id=entry.op_id, entity=entry.entity, entity_id=entry.entity_id,
            field=conflict.field, server_value=_encode_json(conflict.server_value),
            client_value=_encode_json(conflict.client_value), winner=conflict.winner,
            policy=conflict.policy, detected_at=now))
    server_won = [c for c in result.conflicts if c.winner == "server" and c.field != "deleted"]
    if model is not None and server_won:
        _take_server_values(session, model, entry, result, server_won)
    return len(result.conflicts)


def _take_server_values(session: Session, model: Any, entry: OutboxEntry,
                        result: protocol.OperationResult,
                        conflicts: list[protocol.FieldConflict]) -> None:
    """The service kept its value of these fields (server wins): the row takes it too, and
    the device's value stays in the conflict list. Not when a later local change of the field
    still waits to be pushed (the service judges that one in its turn), nor when the row
    already holds a newer version than the answer (an answer repeated from memory). Without
    this, a device whose answer was lost, or that was edited while its push was in flight,
    kept its own value for good: the pull had already brought the service's version while
    the change was waiting, and kept the local value then."""
    row = session.get(model, entry.entity_id)
    if row is None or row.version > result.version:
        return
    waiting: set[str] = set()
    for fields in session.scalars(select(OutboxEntry.fields).where(
            OutboxEntry.entity == entry.entity, OutboxEntry.entity_id == entry.entity_id,
            OutboxEntry.op_id != entry.op_id)):
        waiting.update(fields)
    if "*" in waiting:
        return
    decoded = codec(entry.entity).decode({c.field: c.server_value for c in conflicts
                                          if c.field not in waiting})
    for name, value in decoded.items():
        setattr(row, name, value)
    if entry.entity == "citizen" and "cpr" in decoded:
        cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
        row.cpr_index = cipher.blind_index(decoded["cpr"]) if decoded["cpr"] else None
    session.flush()


def _quarantine_answer(session: Session, result: protocol.OperationResult,
                       sent: protocol.Operation | None, exc: Exception) -> None:
    """A push answer that could not be recorded: kept to be recorded at the next sync (the
    outbox entry goes: the service has it, and would answer the same again)."""
    payload = {"result": result.model_dump(mode="json"),
               "operation": sent.model_dump(mode="json") if sent else None}
    quarantine.put(session, quarantine.PUSH, result.entity, result.entity_id, "push_result",
                   payload, detail=f"{type(exc).__name__}: {exc}")


def _retry_answers(store: Store) -> None:
    """Record the push answers set aside by an earlier sync; those that still fail stay."""
    with store.write(journal=False) as s:
        for row in quarantine.pending(s, quarantine.PUSH):
            try:
                data = json.loads(row.payload)
                with s.begin_nested():
                    result = protocol.OperationResult.model_validate(data["result"])
                    sent = protocol.Operation.model_validate(data["operation"]) \
                        if data.get("operation") else None
                    entry = OutboxEntry(op_id=result.op_id, entity=result.entity,
                                        entity_id=result.entity_id,
                                        op=sent.op if sent else "update",
                                        base_version=sent.base_version if sent else 0)
                    _record_result(s, entry, result, {sent.op_id: sent} if sent else {})
            except Exception as exc:  # noqa: BLE001 - stays set aside, tried again later
                row.attempts += 1
                row.last_tried = utcnow()
                row.detail = f"{type(exc).__name__}: {exc}"[:2000]
                continue
            s.delete(row)


def sealed_upload(session: Session, agreement_id: str, revision: int
                  ) -> protocol.SealedAgreementUpload:
    """What the service needs to verify and keep a sealed agreement."""
    from forms import agreements
    record = session.get(PlacementAgreement, agreement_id)
    assert record is not None
    document = session.scalar(select(AgreementDocument).where(
        AgreementDocument.agreement_id == agreement_id, AgreementDocument.revision == revision,
        AgreementDocument.deleted.is_(False)))
    assert document is not None and document.pdf
    signatures = session.scalars(select(AgreementSignature).where(
        AgreementSignature.agreement_id == agreement_id, AgreementSignature.revision == revision,
        AgreementSignature.voided.is_(False)).order_by(AgreementSignature.signed_at)).all()
    from forms.sealing import signature_entry
    return protocol.SealedAgreementUpload(
        content=agreements.signed_payload(agreements.doc_of(record)),
        content_hash=record.content_hash, seal=json.loads(record.seal or "{}"),
        signatures=[{"id": sig.id, **signature_entry(sig), "strokes": sig.strokes}
                    for sig in signatures],
        pdf_base64=document.pdf)


def _app_version() -> str:
    try:
        from importlib.metadata import version
        return version("consultant-app")
    except Exception:  # noqa: BLE001 - a source checkout without metadata
        return ""


def _device_key(store: Store) -> tuple[str, Callable[[str, str, str], None]]:
    """The device's Ed25519 public key (base64, ``consultant_app.device``: made with the
    profile) and how to install the certificate the service issues for it."""
    identity = device.device_identity(store)
    return identity.public_key_b64, lambda cert, ca, device_id: device.install_certificate(
        store, cert, ca, device_id=device_id)
