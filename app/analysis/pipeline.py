"""The analysis pipeline: normalise, language, redact, safeguarding, themes, stance, key phrases."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .classifier import ThemeClassifier
from .codebook import Codebook
from .language import detect_language
from .normalise import clean, normalise
from .phrase_index import split_clauses
from .phrases import key_phrases as find_key_phrases
from .redact import redact
from .rules import RuleHit, RuleMatcher
from .safeguarding import default_screen, with_model
from .stance import STANCES, StanceSignals, default_cues, rule_stance, sentiment_score
from .stance_model import StanceModel

THRESHOLD = 0.5
RULE_CONFIDENCE = 0.8
FULL_TRUST_POSITIVES = 20  # coded examples of a code before the model gets an equal say with the rules
MODEL_ONLY_PENALTY = 0.2
# Codes whose mention, without praise or a suggestion, is itself a concern ("the rent went up").
HARDSHIP_CODES = frozenset({
    "money_worry", "in_work_poverty", "benefits", "food", "energy", "essentials", "housing_conditions",
    "housing_insecurity", "school_costs", "transport", "health_wellbeing", "stigma_dignity",
    "access_barriers", "family_stress",
})


# An answer to analyse: its text, or (text, language), or (text, language, question context).
Item = str | tuple[str, str | None] | tuple[str, str | None, str | None]


@dataclass
class _Prepared:
    """Everything the rules find in one answer before models are applied."""

    text: str
    language: str
    norm: str
    hits: list[RuleHit]
    signals: StanceSignals
    safeguarding: dict[str, Any]


def rule_confidence(hit: RuleHit) -> float:
    """Return a rule match's confidence: more matching phrases, more confidence."""
    return min(0.95, RULE_CONFIDENCE + 0.05 * (hit.count - 1))


def combine(rule: float, model: float | None, positives: int = FULL_TRUST_POSITIVES,
            has_rules: bool = False) -> float:
    """Combine rule and model confidence; a model trained on enough coding can veto a rule."""
    if model is None:
        return rule
    if not rule:
        # Where the codebook has patterns, the model alone must be surer to add a theme.
        return max(0.0, model - MODEL_ONLY_PENALTY) if has_rules else model
    # A model that has seen few coded examples of a code gets less say over the rule.
    weight = 0.5 * min(1.0, positives / FULL_TRUST_POSITIVES)
    return (1 - weight) * rule + weight * model


def _with_context(p: _Prepared) -> StanceSignals:
    """Add concern from a safeguarding flag or from hardship themes mentioned without praise."""
    s = p.signals
    extra = 2.0 if p.safeguarding["flag"] else 0.0
    if not s.positive and not s.suggestion and any(h.code in HARDSHIP_CODES for h in p.hits):
        extra += 1.0
    return StanceSignals(s.concern + extra, s.positive, s.suggestion, s.polarity)


class Analyser:
    """Analyse free-text answers against a codebook, learning from people's coding when given."""

    def __init__(self, codebook: Codebook, training_examples: Sequence[dict[str, Any]] | None = None,
                 school_names: Iterable[str] = (), always_one_theme: bool = False) -> None:
        """Compile the codebook's rules and train on human-coded examples, if any."""
        self.codebook = codebook
        self.rules = RuleMatcher(codebook)
        self.cues = default_cues()
        self.school_names = tuple(school_names)
        self.always_one_theme = always_one_theme
        self.classifier = ThemeClassifier()
        self.stance_model = StanceModel()
        if training_examples:
            self.train(training_examples)

    def train(self, examples: Sequence[dict[str, Any]]) -> None:
        """Fit the theme classifier (and the stance model where examples carry a stance)."""
        usable = [e for e in examples if (e.get("text") or "").strip()]
        self.classifier = ThemeClassifier().fit(
            [e["text"] for e in usable], [e.get("themes") or [] for e in usable], [e.get("question") for e in usable]
        )
        labelled = [(e, e.get("stance")) for e in usable if e.get("stance") in STANCES]
        if labelled:
            prepared = self._prepare_many([(e["text"], e.get("language")) for e, _ in labelled])
            self.stance_model = StanceModel().fit(
                [p.norm for p in prepared], [_with_context(p) for p in prepared], [s for _, s in labelled]
            )

    def analyse(self, text: str, language: str | None = None, question: str | None = None) -> dict[str, Any]:
        """Analyse one answer (to question, if known) and return themes, stance, safeguarding, redaction and
        key phrases."""
        return self.analyse_many([(text, language, question)])[0]

    def analyse_many(self, items: Iterable[Item], with_key_phrases: bool = True) -> list[dict[str, Any]]:
        """Analyse many answers at once (models run in one batch, which is much faster); an item is a text,
        (text, language) or (text, language, question)."""
        triples = [(i, None, None) if isinstance(i, str) else (tuple(i) + (None, None))[:3] for i in items]
        prepared = self._prepare_many([(text, language) for text, language, _ in triples])
        model_conf = self.classifier.predict_confidence([p.text for p in prepared], [q for _, _, q in triples])
        stance_probs = self._stance_probabilities(prepared)
        return [
            self._result(p, conf, probs, with_key_phrases)
            for p, conf, probs in zip(prepared, model_conf, stance_probs)
        ]

    def _prepare_many(self, pairs: list[tuple[str | None, str | None]]) -> list[_Prepared]:
        """Run the rule-based steps, then the safeguarding model once for the whole batch."""
        prepared = [self._prepare(text or "", language) for text, language in pairs]
        screened = with_model([p.text for p in prepared], [p.safeguarding for p in prepared])
        for p, result in zip(prepared, screened):
            p.safeguarding = result
        return prepared

    def _prepare(self, text: str, language: str | None) -> _Prepared:
        """Run the fast rule-based steps for one answer."""
        text = clean(text)
        norm = normalise(text)
        clauses = split_clauses(norm)
        detected = detect_language(text, language)
        return _Prepared(
            text=text,
            language=detected,
            norm=norm,
            hits=self.rules.match_clauses(clauses),
            signals=self.cues.signals(clauses, english=detected in ("en", "unknown")),
            safeguarding=default_screen().screen_clauses(clauses),
        )

    def _stance_probabilities(self, prepared: list[_Prepared]) -> list[np.ndarray | None]:
        """Return the stance model's probabilities per answer (None when untrained)."""
        if not self.stance_model.trained or not prepared:
            return [None] * len(prepared)
        return list(self.stance_model.probabilities([p.norm for p in prepared], [_with_context(p) for p in prepared]))

    def _themes(self, p: _Prepared, model_conf: dict[str, float]) -> tuple[dict[str, float], dict[str, str]]:
        """Combine rule hits and model confidence into kept themes and their explanations."""
        rules = {h.code: h for h in p.hits}
        codes = list(dict.fromkeys(self.codebook.code_names + list(model_conf)))
        confidence: dict[str, float] = {}
        for code in codes:
            rule = rule_confidence(rules[code]) if code in rules else 0.0
            positives = self.classifier.positives(code)
            confidence[code] = round(combine(rule, model_conf.get(code), positives, code in self.rules.coded), 3)
        kept = {c: v for c, v in confidence.items() if v >= THRESHOLD}
        if not kept and self.always_one_theme and model_conf:
            best = max(confidence, key=confidence.__getitem__)
            kept = {best: confidence[best]}
        explanations = {c: self._explain(c, rules.get(c), p.text) for c in kept}
        return kept, explanations

    def _explain(self, code: str, hit: RuleHit | None, text: str) -> str:
        """Explain a theme: the matched phrase, or the most similar coded answer."""
        if hit is not None:
            return f'matched "{hit.phrase}"'
        example = self.classifier.nearest_example(text, code)
        return f'similar to a coded answer: "{example}"' if example else "learned from coded answers"

    def _result(self, p: _Prepared, model_conf: dict[str, float], probs: np.ndarray | None,
                with_key_phrases: bool) -> dict[str, Any]:
        """Assemble the public result dict for one answer."""
        themes, explanations = self._themes(p, model_conf) if p.text else ({}, {})
        signals = _with_context(p)
        stance = rule_stance(signals)
        if probs is not None:
            rule_vector = np.array([0.7 if s == stance else 0.15 for s in STANCES])
            stance = STANCES[int(np.argmax(0.5 * rule_vector + 0.5 * probs))]
        ordered = sorted(themes, key=lambda c: -themes[c])
        redacted = redact(p.text, self.school_names)
        return {
            "language": p.language,
            "themes": ordered,
            "confidence": {c: themes[c] for c in ordered},
            "explanations": explanations,
            "stance": stance,
            "sentiment": round(sentiment_score(signals), 3),
            "safeguarding": p.safeguarding["flag"],
            "safeguarding_categories": p.safeguarding["categories"],
            "redacted": redacted,
            # Key phrases come from the redacted text so they never carry personal details.
            "key_phrases": find_key_phrases(redacted, p.language, [h.phrase for h in p.hits]) if with_key_phrases else [],
        }
