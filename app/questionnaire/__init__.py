"""Web-free survey engine: load and check definitions, translate their text, navigate pages."""
from .definition import AgeBand, Consultation, Option, Page, Question, QUESTION_TYPES
from .loader import DefinitionError, load_all, load_consultation
from .navigation import Navigator
from .text import LText

__all__ = [
    "AgeBand", "Consultation", "Option", "Page", "Question", "QUESTION_TYPES",
    "DefinitionError", "load_all", "load_consultation", "Navigator", "LText",
]
