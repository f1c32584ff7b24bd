from .attempts import Attempt
from .bank import LIKERT_POINTS, Assessment, Question
from .h5p import H5PContent, H5PLibrary, H5PUserState, XapiStatement

__all__ = [
    "LIKERT_POINTS",
    "Assessment",
    "Attempt",
    "H5PContent",
    "H5PLibrary",
    "H5PUserState",
    "Question",
    "XapiStatement",
]
