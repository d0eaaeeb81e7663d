"""Person names used to repair scraped text where the agency's markup swallowed the spaces around a name.

The built-in list holds the leaders' names and the Korean names that occur in at least two distinct texts
of the 2024 dev corpus (found as surname + two syllables, checked by hand: places such as "Kim Chaek
City" are left out). Callers add the curated glossary's person names (``degluing_names``).
"""

from __future__ import annotations

from collections.abc import Iterable

#: The leaders. In the dev corpus only the first three come glued ("ComradeKim Jong Unvisited", over 1 000 times);
#: the other two are listed in case the site starts wrapping them too.
LEADER_NAMES: tuple[str, ...] = ("Kim Jong Un", "Kim Il Sung", "Kim Jong Il", "Kim Jong Suk", "Kim Yo Jong")

#: Other names frequent in the dev corpus (officials, diplomats, anecdote heroes).
CORPUS_NAMES: tuple[str, ...] = (
    "Kim Tok Hun", "Jo Yong Won", "Choe Ryong Hae", "Pak Thae Song", "Pak Jong Chon", "Kim Jae Ryong",
    "Choe Son Hui", "Jo Chun Ryong", "Pak Myong Ho", "Ri Il Hwan", "Choe Un Bok", "Ju Chang Il",
    "Kim Yong Hak", "Kim Son Il", "Mun Chang Il", "Jon Hyon Chol", "Kang Sun Nam", "Pak Jong Gun",
    "Ho Chi Minh", "Kim Hyong Jik", "Ri Yong Gil", "Kim Myong Chol", "Pak Ku Ho", "Kim Pong Gil",
    "Han Kwang Sang", "Kim Song Gyu", "Kang Pan Sok", "Ri Pyong Chol", "Kim Kang Il", "Kim Jong Gyu",
    "Jo Yong Su", "Kim Se Il", "Kim Il Guk", "Yun Jong Ho", "Kim Jong Sik", "Kim Myong Sik", "Ri Chang Ho",
    "Ri Ryong Nam", "Kim Son Gyong", "Jon Sung Guk", "Jong Myong Su", "Kim Song Il", "Pak Sang Gil",
    "Kim Song Nam", "Choe Chun Guk", "Ryu Kyong Su", "Kim Yong Chol", "Ri Hi Yong", "Kim Mi Rae",
    "Ri Song Il", "Choe Hui Suk", "Ri Su Dok", "Han Yong Song", "Rim Yong Man", "Kim Su Gil",
    "Kim Yong Hwan", "Kim Jong Sun", "Kang Chu Ryon", "Pak In Chol", "Ju Mun Jin", "Kim Man Jo",
    "Hwang Baek Ha", "Han Jong Hyok", "Kim Ju Dok", "Choe Hung Jo", "Ri Kil Song", "Hwang Myong Chol",
    "Ri Kwang Il", "Jong Un Hui", "Kim Myong Hun", "Ri Kwang Hyok", "Ko Tae Chun",
)

BUILTIN_PERSON_NAMES: tuple[str, ...] = tuple(dict.fromkeys(LEADER_NAMES + CORPUS_NAMES))


def usable_for_degluing(name: str) -> bool:
    """Only names of two or more words: a lone word ("Putin", "Xi") is too often the start of a real word."""
    return len(name.split()) >= 2 and all(part[:1].isupper() for part in name.split())


def degluing_names(glossary_names: Iterable[str] = ()) -> tuple[str, ...]:
    """The built-in names merged with the caller's (the glossary's person names), as the de-gluing rules use them.

    The caller passes the glossary's names: this package never loads the glossary itself, so what an article's
    repair depends on is visible at the call (``ReaderContext.article_names``).

    >>> degluing_names(["Putin", "Choe Son Hui", "Vladimir  Putin"])[-1]
    'Vladimir Putin'
    """
    names = [*BUILTIN_PERSON_NAMES, *glossary_names]
    return tuple(name for name in dict.fromkeys(" ".join(n.split()) for n in names) if usable_for_degluing(name))
