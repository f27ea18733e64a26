"""Mask rules (MK): words and names that were censored or blanked out (邓**理论, 局长××).

They share the placeholder family's analysis (`placeholder/_scan.py`): a span the PH rules report
(200*年, ××县) is not reported again as a mask. The phrase table that recovers masked words is
`rules/data/mask-phrases.toml`; censorship notices are listed in the `rules/mask.toml` pack.
"""
