"""Signed credentials: Open Badges 3.0 on Verifiable Credentials 2.0, secured by
DataIntegrityProof with the eddsa-rdfc-2022 cryptosuite, and BitstringStatusList.

A library folder: plain values in, plain values out, no models and no HTTP.
- contexts.py      the JSON-LD contexts we hold, and the only document loader we use
- multibase.py     base58btc and base64url multibase text
- keys.py          the platform's Ed25519 key (settings, never the database) and its documents
- proof.py         sign and verify (W3C vc-di-eddsa, eddsa-rdfc-2022)
- status_list.py   BitstringStatusList: encode, decode, the list credential, index allocation
- open_badges.py   a certificate's facts as an unsigned OpenBadgeCredential
- verification.py  everything a verifier checks, as a result a page can show
"""
