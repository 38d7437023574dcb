"""The consent wording, versioned. The words the teller agreed to are the template
`stories/_consent_wording.html` at this version: when the wording changes in meaning, raise
the version, so every consent records which words it was given under."""

CONSENT_WORDING_VERSION = "2026-11-2"
