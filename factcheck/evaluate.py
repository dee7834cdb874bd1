"""Evaluation: compile rules to interval constraints, propagate, and give every rule a verdict.

Steps, per connected component of the rule graph (:mod:`factcheck.graph`):

1. each rule whose units cannot match is ``invalid``;
2. each rule is checked on its own against the stated intervals of its claims; one that
   cannot hold is ``inconsistent`` (confirmed in exact arithmetic before it is reported);
3. the rules that hold one by one are propagated together, so that a conflict visible only
   through a chain of rules is found; a smallest set of rules that conflict is then
   extracted by deletion and reported once (code FC001);
4. the rest are ``consistent``, or ``undetermined`` when a figure they need is unstated.

The hot loop works on plain floats with outward rounding (:mod:`factcheck.propagate`);
pint is used once per distinct unit (:mod:`factcheck.units`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import compress
from typing import Any, get_args

from . import persian
from .builders import Compiler, Screener, claim_lang
from .conflicts import chains, explain
from .files import ClaimSet
from .findinglist import Findings
from .findings import Finding, Status
from .gcpause import paused
from .kinds import load_all
from .propagate import propagate
from .screen import Screen, connected
from .semantics import DEFAULT_POLICY, Bound, Policy, stated_interval
from .verdict import CONFIDENT, finding

__all__ = ["CONFIDENT", "Evaluation", "evaluate"]

#: From this many rules on, a vectorised pass screens rules first (numpy is imported).
FLAT_MIN = 1000


@dataclass
class Evaluation:
    """The result: stated intervals of claims and one finding per rule (or chain)."""

    claims: ClaimSet
    #: Each claim's stated interval in its own unit (exact; computed when first read).
    intervals: Mapping[str, tuple[Bound, Bound]]
    #: One finding per rule, in the rules' order, then one per chain conflict.  Consistent
    #: findings are made when first read (:mod:`factcheck.findinglist`); any sequence of
    #: findings given here is kept as a :class:`Findings`.
    findings: Findings = field(default_factory=Findings)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "findings" and not isinstance(value, Findings):
            value = Findings(value)
        object.__setattr__(self, name, value)

    @property
    def inconsistent(self) -> list[Finding]:
        return [f for _, f in self.findings.problems() if f.status is Status.inconsistent and not f.suppressed]


class _Intervals(Mapping[str, tuple[Bound, Bound]]):
    """Every claim's stated interval, computed exactly when first asked for."""

    def __init__(self, cs: ClaimSet, policy: Policy, known: dict[str, tuple[Bound, Bound]]) -> None:
        self._cs = cs
        self._policy = policy
        self._known = known

    def __getitem__(self, cid: str) -> tuple[Bound, Bound]:
        iv = self._known.get(cid)
        if iv is None:
            iv = self._known[cid] = stated_interval(self._cs.claims[cid], self._policy,
                                                    claim_lang(self._cs, cid))
        return iv

    def __iter__(self) -> Iterator[str]:
        return iter(self._cs.claims)

    def __len__(self) -> int:
        return len(self._cs.claims)



def evaluate(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Evaluation:
    """Give every rule in ``cs`` a verdict.

    >>> from factcheck.files import load_text
    >>> cs = load_text('''
    ... claims:
    ...   - {id: total, value: 41549, unit: call}
    ...   - {id: a, value: 26908, unit: call}
    ...   - {id: b, value: 17000, unit: call}
    ... rules:
    ...   - {id: r1, kind: sum, whole: total, parts: [a, b]}
    ... ''')
    >>> [(f.rule, f.status.value, f.code) for f in evaluate(cs).findings]
    [('r1', 'inconsistent', 'FC101')]
    """
    # The evaluator allocates many small objects that all stay alive until it returns;
    # the cyclic collector would scan them again and again for nothing.
    with paused():
        return _evaluate(cs, policy)


def _evaluate(cs: ClaimSet, policy: Policy) -> Evaluation:
    run = _Run(cs, policy)
    valid = run.compile()
    flat = _screen(run.screener, valid) if run.screener is not None else None
    local_bad = run.check_alone(flat)
    run.give_verdicts(local_bad)
    chain_findings = run.find_chains(valid, flat, local_bad)
    # Each rule's finding has its final id already; chain findings follow them.
    n = len(run.slots)
    slots = run.slots
    slots += [_renumber(f, n + i + 1) for i, f in enumerate(chain_findings)]
    findings = Findings(slots, run.maker.make)
    return Evaluation(cs, _Intervals(cs, policy, run.comp.stated), findings)


class _Run:
    """One evaluation: what its steps share (rules by number, their claims and verdicts)."""

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        self.reg = load_all()
        self.comp = Compiler(cs, policy)
        # Large problems compile every rule in floats for a vectorised screen, and only
        # what the screen flags exactly; small ones compile everything exactly (same
        # verdicts).
        self.screener = Screener(cs, policy) if len(cs.rules) >= FLAT_MIN and _has_numpy() else None
        self.builder: Compiler | Screener = self.comp if self.screener is None else self.screener
        self.rule_ids = list(cs.rules)
        self.rules = list(cs.rules.values())
        self.kinds = [rule.kind for rule in self.rules] if self.screener is None else self._kinds()
        # Kinds that compile many rules at once take all theirs on a large problem.
        self.together = ({k for k in set(self.kinds) if self.reg[k].columns}
                         if self.screener is not None else set())
        #: Each rule's finding, by number, once it is not consistent; consistent findings
        #: are made when read (:class:`_Consistent`).
        self.slots: list[Finding | None] = [None] * len(self.rules)
        #: Each rule's claim ids, by number (a rule that could not be read has None).  Kept
        #: by number: filing 56,000 rules' ids under their id strings touches every string.
        self.ids_by_no: list[tuple[str, ...] | None] = [None] * len(self.rules)
        self._number: dict[str, int] | None = None
        #: Numbers of some rules by name, known without ``_number`` (see :meth:`no_of`).
        self._known: dict[str, int] = {}
        #: Makes a consistent finding when it is read (during the chain search, or after).
        self.maker = _Consistent(self)
        self.is_valid = [False] * len(self.rules)
        #: Rules checked alone (the screen's suspects, or all), by name: their numbers.
        self.checked: dict[str, int] = {}
        # Numbers of the rules undetermined by their batch (kinds compiled together);
        # others are asked.
        self.batch_undetermined: list[int] = []
        # (kind, dimensions of its claims) already found to match, for kinds whose unit
        # check depends on nothing else: most rules then skip the check.
        self.units_ok: set[tuple[str, tuple[tuple[tuple[str, int], ...], ...]]] = set()

    def _kinds(self) -> list[str]:
        """Each rule's kind, read from its model class when the class belongs to that kind
        alone: on a large problem, reading each rule's class is far cheaper than reading a
        field of each rule."""
        models = [kind.model for kind in self.reg.values()]
        by_model = {kind.model: name for name, kind in self.reg.items()
                    if models.count(kind.model) == 1
                    and get_args(kind.model.model_fields["kind"].annotation) == (name,)}
        from .colbuild import pick  # numpy: only large problems read kinds this way

        types = list(map(type, self.rules))
        if all(t in by_model for t in set(types)):
            return list(pick(by_model, types))
        return [by_model.get(type(rule)) or rule.kind for rule in self.rules]

    # -- 1. units and compiling ------------------------------------------------------------
    def compile(self) -> list[str]:
        """Check units and compile every rule; return the valid ones, in order."""
        together = self.together
        if not together:
            for no in range(len(self.rules)):
                self._one(no)
        else:
            import numpy as np  # only large problems compile kinds together

            from .colbuild import pick

            # Rules grouped by kind with numpy: kinds in order of first appearance, each
            # kind's rule numbers in order.
            names = list(dict.fromkeys(self.kinds))
            code = {name: i for i, name in enumerate(names)}
            codes = np.array(pick(code, self.kinds), dtype=np.int64)
            order = np.argsort(codes, kind="stable")
            counts = np.bincount(codes, minlength=len(names))
            starts = (np.cumsum(counts) - counts).tolist()
            groups = {name: order[start:start + count]
                      for name, start, count in zip(names, starts, counts.tolist(), strict=True)}
            alone = [groups[name] for name in names if name not in together]
            # Rules compiled one by one first, in order; then each kind's batch.
            for no in np.sort(np.concatenate(alone)).tolist() if alone else ():
                self._one(no)
            for name in names:
                if name in together:
                    self._batch(name, groups[name].tolist())
        return list(compress(self.rule_ids, self.is_valid))

    def _invalid(self, no: int, problem: str) -> None:
        rid, rule = self.rule_ids[no], self.rules[no]
        self.slots[no] = finding(rid, rule, self.reg[rule.kind], Status.invalid, "FC003", problem, problem,
                                 fid=f"f{no + 1}", message_fa=persian.invalid(problem),
                                 # the claims and units as the rule file names them, as message_fa quotes them
                                 arithmetic_fa=problem)

    def _one(self, no: int) -> None:
        """Check the units of rule number ``no`` and compile it on its own."""
        rid, rule = self.rule_ids[no], self.rules[no]
        kind = self.reg[rule.kind]
        builder, screener = self.builder, self.screener
        if screener is not None:
            screener.set_rule(no)
        builder.start_rule(rid)
        try:
            ids = self.ids_by_no[no] = tuple(kind.claim_ids(rule))
            if kind.units_by_dims:
                key = (kind.name, tuple(map(builder.dims, ids)))
                problem = None if key in self.units_ok else kind.check_units(rule, builder)
                if problem is None:
                    self.units_ok.add(key)
            else:
                problem = kind.check_units(rule, builder)
        except Exception as exc:  # a kind's own validation error is reported as invalid
            problem = f"{rule.kind} {rid}: {exc}"
        if problem is None:
            try:
                kind.compile(rule, builder)
            except ValueError as exc:
                problem = f"{rule.kind} {rid}: {exc}"
        if problem is not None:
            self._invalid(no, problem)
            return
        self.is_valid[no] = True
        if screener is not None:
            index = screener.cols.index
            known = all(cid in index for cid in ids)
            screener.flat.refers(no, [index[cid] for cid in ids] if known else None)

    def _batch(self, name: str, nos: list[int]) -> None:
        """Compile the rules numbered ``nos``, all of kind ``name``, at once."""
        from .colbuild import compile_kind, pick  # numpy: only on large problems

        assert self.screener is not None
        done = compile_kind(self.screener, self.reg[name], list(pick(self.rules, nos)), nos)
        ids_by_no = self.ids_by_no
        for no, ids in zip(nos, done.ids, strict=False):
            ids_by_no[no] = ids
        for row, problem in done.problems.items():
            self._invalid(nos[row], problem)
        for row in done.one_by_one:
            self._one(nos[row])
        later = set(done.one_by_one).union(done.problems)
        for row in done.undetermined.nonzero()[0].tolist():
            if row not in later:
                self.batch_undetermined.append(nos[row])
        is_valid = self.is_valid
        if not later:
            for no in nos:
                is_valid[no] = True
            return
        for row, no in enumerate(nos):
            if row not in later:
                is_valid[no] = True

    # -- 2. each rule alone ----------------------------------------------------------------
    def check_alone(self, flat: Screen | None) -> dict[str, Finding]:
        """The rules that cannot hold on their own, with their findings.  Those the screen
        could not clear (all of them on a small problem) are checked one by one, in float
        then exact arithmetic."""
        comp, ids_by_no = self.comp, self.ids_by_no
        bad: dict[str, Finding] = {}
        rule_ids, is_valid = self.rule_ids, self.is_valid
        if flat is None:
            nos = list(compress(range(len(rule_ids)), is_valid))
        else:  # by number, in rule order: no rule's name is read (56,000 cold strings)
            nos = [no for no in flat.local_suspect_numbers if is_valid[no]]
        self.checked = dict(zip(map(rule_ids.__getitem__, nos), nos, strict=True))
        # The screen flags a rule only when its float sweep of the rule alone failed: a
        # second float run would only say so again, so those go straight to the exact
        # check that explaining starts with.  Unscreened, most rules hold, and a float run
        # clears each far more cheaply than the exact check.
        screened = flat is not None
        for rid, no in self.checked.items():
            cons = comp.rule(rid)
            if screened or propagate(comp.problem, only=cons).failed is not None:
                # Confirmed exactly and explained (None: the float conflict was rounding
                # alone, and the rule holds).
                rule = self.rules[no]
                f = explain(comp, rid, rule, self.reg[rule.kind], cons, ids_by_no[no] or (), f"f{no + 1}")
                if f is not None:
                    bad[rid] = f
        return bad

    def give_verdicts(self, local_bad: dict[str, Finding]) -> None:
        """The finding of every valid rule that is not consistent: its local conflict, or
        undetermined.  The rest hold: their findings are made when read."""
        reg, builder, together = self.reg, self.builder, self.together
        slots, checked = self.slots, self.checked
        for rid, bad in local_bad.items():
            slots[checked[rid]] = bad
        # Kinds compiled together said which rules are undetermined; others are asked.
        asked = [no for no in compress(range(len(slots)), self.is_valid)
                 if self.kinds[no] not in together] if len(together) < len(set(self.kinds)) else []
        rules, kinds = self.rules, self.kinds
        undetermined = [*self.batch_undetermined,
                        *(no for no in asked if reg[kinds[no]].undetermined(rules[no], builder))]
        for no in undetermined:
            if slots[no] is None:
                rule = rules[no]
                slots[no] = finding(self.rule_ids[no], rule, reg[kinds[no]], Status.undetermined, "FC002",
                                    "a figure this rule needs is unstated or unbounded", "",
                                    fid=f"f{no + 1}", message_fa=persian.UNDETERMINED)

    # -- 3. rules together -----------------------------------------------------------------
    def find_chains(self, valid: list[str], flat: Screen | None, local_bad: dict[str, Finding]) -> list[Finding]:
        """Conflicts visible only through several rules (FC001), per connected component of
        the rules that hold alone; their rules' verdicts are marked as part of them."""
        ids_of = self.ids_of
        ok = self.is_valid
        if local_bad:  # rules that fail alone were checked alone: their numbers are known
            ok = ok.copy()
            for rid in local_bad:
                ok[self.checked[rid]] = False
        good = list(compress(self.rule_ids, ok)) if local_bad else valid
        if flat is None:
            groups = connected(good, ids_of)
        else:  # the screen takes the rules' numbers too, so it need not look up their names
            good_nos = list(compress(range(len(ok)), ok))
            positions = flat.suspect_groups(good, ids_of, good_nos)
            groups = [[good[i] for i in g] for g in positions]
            # The chain search asks for these rules' numbers by name: known from here, so
            # no map of every rule's name to its number is built.
            self._known.update((good[i], good_nos[i]) for g in positions for i in g)
        out: list[Finding] = []
        marked = _Marked(self)
        for comp_rules in groups:
            for r in comp_rules:
                self.comp.rule(r)
            out.extend(chains(self.comp, comp_rules, ids_of, marked))
        if marked:
            no_of = self.no_of
            for rid, f in marked.items():
                self.slots[no_of(rid)] = f
        return out

    def no_of(self, rid: str) -> int:
        """The number of the rule ``rid``: known for the rules the screen grouped, else
        from a map of every rule built when first needed (small problems): a large problem
        never pays for that map."""
        no = self._known.get(rid)
        if no is None:
            if self._number is None:
                self._number = dict(zip(self.rule_ids, range(len(self.rule_ids)), strict=True))
            no = self._number[rid]
        return no

    def ids_of(self, rid: str) -> tuple[str, ...]:
        """The claim ids of the rule ``rid``."""
        return self.ids_by_no[self.no_of(rid)] or ()


class _Consistent:
    """Makes the finding of a rule that holds, when it is read: its kind's consistent
    finding with the rule's own id, claims, confidence and evidence.  It keeps only what
    that needs, not the evaluation's compiled problem."""

    __slots__ = ("bases", "ids_by_no", "kinds", "reg", "rule_ids", "rules")

    def __init__(self, run: _Run) -> None:
        self.reg = run.reg
        self.rule_ids = run.rule_ids
        self.rules = run.rules
        self.kinds = run.kinds
        self.ids_by_no = run.ids_by_no
        self.bases: dict[str, Finding] = {}

    def make(self, no: int) -> Finding:
        name = self.kinds[no]
        base = self.bases.get(name)
        if base is None:
            base = self.bases[name] = finding(None, None, self.reg[name], Status.consistent, None, "",
                                              "").sparse()
        rid, rule = self.rule_ids[no], self.rules[no]
        return base.for_rule(f"f{no + 1}", rid, self.ids_by_no[no] or (), rule.confidence, rule.evidence)


class _Marked(dict[str, Finding]):
    """The findings the chain search reads and marks as part of a conflict, by rule id:
    a rule's finding is looked up (made, if it holds) only when the search asks for it."""

    def __init__(self, run: _Run) -> None:
        super().__init__()
        self._run = run
        # Findings read and not (yet) marked: read again by a later search.
        self._read: dict[str, Finding] = {}

    def __missing__(self, rid: str) -> Finding:
        f = self._read.get(rid)
        if f is None:
            no = self._run.no_of(rid)
            f = self._read[rid] = self._run.slots[no] or self._run.maker.make(no)
        return f


def _has_numpy() -> bool:
    """numpy is a dependency, but a stripped install still works: every rule is then
    compiled and checked exactly, with the same verdicts."""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _screen(screener: Screener, valid: list[str]) -> Screen:
    """Screen all rules at once."""
    from .screen import screen

    flo, fhi = screener.bounds()
    return screen(screener.flat, flo, fhi, list(screener.cs.rules), valid)


def _renumber(f: Finding, n: int) -> Finding:
    want = f"f{n}"
    if f.id == want:  # most findings are made with their final id
        return f

    return replace(f, id=want)


