"""Web-free text analysis for Family Voice: themes, stance, safeguarding screening and redaction."""
from .clusters import cluster_unthemed
from .codebook import Code, Codebook
from .evaluation import cross_validate, evaluate, format_report, read_jsonl, stance_scores, theme_scores
from .language import LAUNCH_LANGUAGES, detect_language
from .pipeline import Analyser
from .question_context import question_key, question_of
from .redact import redact
from .safeguarding import screen_safeguarding

__all__ = [
    "Analyser", "Code", "Codebook", "LAUNCH_LANGUAGES", "cluster_unthemed", "cross_validate",
    "detect_language", "evaluate", "format_report", "question_key", "question_of", "read_jsonl", "redact",
    "screen_safeguarding", "stance_scores", "theme_scores",
]
