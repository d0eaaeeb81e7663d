"""Offline translation: the engine protocol, the Argos/CTranslate2 engine, the translation cache and service.

Importing this package is cheap: CTranslate2 and SentencePiece load only when an engine is created.
"""
