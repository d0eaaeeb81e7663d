"""Translation models on disk: Argos packages validated, installed atomically, listed and removed.

``package`` reads and checks an ``.argosmodel`` archive, ``index`` talks to the Argos package index,
``installed`` lists what is in Argos's package dir, ``install`` puts packages there and takes them away.
"""
